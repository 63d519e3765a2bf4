#include "cli/exit_status.h"

#include <ostream>

#include "cli/command.h"

namespace kreplay {

int ReportError(const absl::Status& status, std::ostream& err) {
  err << "kreplay: " << status.message() << "\n";
  if (absl::IsNotFound(status)) return kExitNoInput;
  if (absl::IsFailedPrecondition(status)) return kExitUsage;
  return kExitDataError;
}

}  // namespace kreplay
