// Mapping errors to kreplay's exit codes and one-line messages (docs/cli.md).
// Every error kreplay prints, whatever the command, is one line that starts
// with kErrorPrefix (`kreplay: error: `), as kubectl prints `error: ...`.
#ifndef KREPLAY_CLI_EXIT_STATUS_H_
#define KREPLAY_CLI_EXIT_STATUS_H_

#include <iosfwd>
#include <string_view>

#include "absl/status/status.h"

namespace kreplay {

// The start of every error line kreplay writes to stderr.
inline constexpr std::string_view kErrorPrefix = "kreplay: error: ";

// Writes `kreplay: error: <message>` and a newline to `err`.
void PrintError(std::string_view message, std::ostream& err);

// Writes `kreplay: error: <message>` to `err` and returns 66 for NotFound (a
// missing input), 64 for FailedPrecondition raised by option checks, and 65
// for everything else (bad input data).
int ReportError(const absl::Status& status, std::ostream& err);

}  // namespace kreplay

#endif  // KREPLAY_CLI_EXIT_STATUS_H_
