// Mapping errors to kreplay's exit codes and one-line messages (docs/cli.md).
// Every error kreplay prints, whatever the command, is one line that starts
// with kErrorPrefix (`kreplay: error: `), as kubectl prints `error: ...`.
#ifndef KREPLAY_CLI_EXIT_STATUS_H_
#define KREPLAY_CLI_EXIT_STATUS_H_

#include <iosfwd>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "replay/judge/verdict.h"

namespace kreplay {

// The start of every error line kreplay writes to stderr.
inline constexpr absl::string_view kErrorPrefix = "kreplay: error: ";

// Writes `kreplay: error: <message>` and a newline to `err`.
void PrintError(absl::string_view message, std::ostream& err);

// Writes `kreplay: error: <message>` to `err` and returns 66 for NotFound (a
// missing input), 64 for FailedPrecondition raised by option checks, and 65
// for everything else (bad input data).
int ReportError(const absl::Status& status, std::ostream& err);

// The exit code of a judged run: 0 safe-pass, 1 unsafe (pass or fail), 2 fail,
// 3 incomplete.
int VerdictExitCode(Verdict verdict);

}  // namespace kreplay

#endif  // KREPLAY_CLI_EXIT_STATUS_H_
