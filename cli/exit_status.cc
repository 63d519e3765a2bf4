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

int VerdictExitCode(Verdict verdict) {
  switch (verdict) {
    case Verdict::kSafePass: return kExitSafePass;
    case Verdict::kUnsafePass:
    case Verdict::kUnsafeFail: return kExitUnsafe;
    case Verdict::kFail: return kExitFail;
    case Verdict::kIncomplete: break;
  }
  return kExitIncomplete;
}

}  // namespace kreplay
