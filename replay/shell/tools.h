// The local programs agents combine with kubectl, as tables: which only
// read or format text (jq, grep, echo, sleep, ...), which look read-only but
// are not in some form (`sed -i`, `find -delete`), and which run another
// program (`timeout 30 CMD`, `sudo CMD`, `watch CMD`, `xargs CMD`).
// Used by shell/command_line.cc; nothing is executed.
#ifndef KREPLAY_REPLAY_SHELL_TOOLS_H_
#define KREPLAY_REPLAY_SHELL_TOOLS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace kreplay {

// The program name of argv[0]: `/usr/bin/jq` -> `jq`.
absl::string_view ProgramName(absl::string_view word);

enum class LocalKind {
  kReadOnly,  // reads or formats text only: an Operation of verb kLocal
  kWrites,    // a known program in a form that changes files or runs commands
  kUnknown,   // not a program kreplay knows
};

struct LocalProgram {
  LocalKind kind = LocalKind::kUnknown;
  std::string problem;  // kWrites: what it does ("sed -i edits files in place")
};

// Classifies a non-kubectl, non-helm command.
// REQUIRES: argv is not empty.
LocalProgram ClassifyLocalProgram(const std::vector<std::string>& argv);

// The command a wrapper runs (`timeout 30s kubectl ...` -> `kubectl ...`,
// also sudo, nohup, time, command, exec, nice, stdbuf, env NAME=v, watch
// -n 5), unwrapping repeatedly; argv itself when it is not a wrapper. A
// wrapper given nothing to run yields an empty vector.
std::vector<std::string> UnwrapCommand(const std::vector<std::string>& argv);

// `xargs [options] CMD ARGS...`: CMD ARGS with the input's words stood for by
// `placeholder` (in place of -I's replacement string, else appended); `echo`
// when no command is given. nullopt when argv is not xargs.
std::optional<std::vector<std::string>> XargsCommand(const std::vector<std::string>& argv,
                                                     absl::string_view placeholder);

// The texts of the command substitutions in `word` (`$(...)` and backticks,
// outermost only; `$((...))` arithmetic is not a command).
std::vector<std::string> CommandSubstitutions(absl::string_view word);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_SHELL_TOOLS_H_
