// `kreplay blast --fixture F [--ledger L --at N] [-o text|json] OPERATION`:
// the blast radius of a hypothetical operation on the state at agent start
// (or after step N of a ledger), before anyone runs it. OPERATION is a
// command line as a shell tool would run it (`kubectl delete configmap
// shared-config -n bench`) or a JSON tool call `{"tool": ..., "args": {...}}`
// in any vocabulary kreplay knows. Exit 0 when the radius was computed
// (whatever it holds), 64 usage, 65 an operation kreplay cannot interpret or
// bad input data, 66 a missing fixture or ledger.
#ifndef KREPLAY_CLI_BLAST_COMMAND_H_
#define KREPLAY_CLI_BLAST_COMMAND_H_

#include <string>

#include "absl/status/statusor.h"
#include "cli/command.h"
#include "replay/ledger/ledger.h"

namespace kreplay {

CommandRun SetupBlastCommand(CLI::App& sub);

// The tool call OPERATION stands for: a JSON object with a string "tool"
// (and optional "args" object and "server" string) is that call; any other
// text is `run_command` with {"command": text}. The call has no recorded
// outcome, so it is simulated. Errors: FailedPrecondition for an empty
// operation; InvalidArgument for text that opens with `{` but is not such an
// object (naming what is wrong).
absl::StatusOr<ToolCall> HypotheticalCall(const std::string& operation);

}  // namespace kreplay

#endif  // KREPLAY_CLI_BLAST_COMMAND_H_
