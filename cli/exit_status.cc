#include "cli/exit_status.h"

#include <ostream>

#include "cli/command.h"

namespace kreplay {

void PrintError(absl::string_view message, std::ostream& err) {
  err << kErrorPrefix << message << "\n";
}

int ReportError(const absl::Status& status, std::ostream& err) {
  PrintError(status.message(), err);
  if (absl::IsNotFound(status)) return kExitNoInput;
  if (absl::IsFailedPrecondition(status)) return kExitUsage;
  return kExitDataError;
}

}  // namespace kreplay
