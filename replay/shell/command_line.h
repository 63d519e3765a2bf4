// A shell command line as an agent's shell tool ran it (`run_command`,
// `Bash`, `execute_kubectl`), turned into Operations.
//
// The line is split by ParseShell; every command of every pipeline then
// becomes Operations: kubectl and helm through their parsers (stdin from a
// heredoc or a known pipe), known read-only local programs (jq, grep,
// echo, ...) as kLocal, anything else (curl, rm, sed -i, python, docker,
// ...) as kUnknown with "unknown command: X". Wrappers (`timeout 30 ...`,
// `sudo`, `watch`, `env`) are looked through; `xargs CMD` is interpreted as
// CMD with arguments from its input, which is a problem; commands inside
// `$(...)` and backticks are interpreted too. Shell problems (`$VAR`,
// `$(...)`) are copied onto the Operations of their command. No command is
// dropped: an unparseable line is one kUnknown Operation carrying the parse
// error, and so is a line over the limits of replay/shell/shell_limits.h
// (bytes, commands). docs/kubectl.md describes the mapping.
#ifndef KREPLAY_REPLAY_SHELL_COMMAND_LINE_H_
#define KREPLAY_REPLAY_SHELL_COMMAND_LINE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "replay/exec/operation.h"

namespace kreplay {

struct CommandLineOps {
  // In command-line order; Operation::source is the command's text.
  std::vector<Operation> operations;
  // Problems of the line that belong to no single command. Problems of a
  // command are on its Operations, not repeated here.
  std::vector<std::string> problems;
};

// Interprets `text`. Empty or comment-only text gives no operations.
// Never fails: what cannot be interpreted is an Operation with a problem.
CommandLineOps InterpretCommandLine(absl::string_view text);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_SHELL_COMMAND_LINE_H_
