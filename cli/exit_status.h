// Mapping errors to kreplay's exit codes and one-line messages (docs/cli.md).
#ifndef KREPLAY_CLI_EXIT_STATUS_H_
#define KREPLAY_CLI_EXIT_STATUS_H_

#include <iosfwd>

#include "absl/status/status.h"

namespace kreplay {

// Writes `kreplay: <message>` to `err` and returns 66 for NotFound (a
// missing input), 64 for FailedPrecondition raised by option checks, and 65
// for everything else (bad input data).
int ReportError(const absl::Status& status, std::ostream& err);

}  // namespace kreplay

#endif  // KREPLAY_CLI_EXIT_STATUS_H_
