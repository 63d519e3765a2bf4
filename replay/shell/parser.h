// Shell command lines as agents write them, split into commands without
// executing anything.
//
// Shell tools (`run_command`, `Bash`, `execute_kubectl`) carry text such as
//   kubectl get pods -n bench -o json | jq '.items[].metadata.name'
//   kubectl rollout restart deploy/web -n bench && kubectl rollout status ...
//   cat <<'EOF' | kubectl apply -f -
// ParseShell reads it with POSIX rules: quoting, comments, line
// continuation, `&&` `||` `;` `|` `&` and newlines, redirections, heredocs
// and here-strings. What the text alone cannot tell (`$VAR`, `$(...)`,
// globs, a file read on stdin, ...) stays in the words and is listed in the
// command's `problems`. `sh -c '...'`, `bash -c "..."`, `eval`, subshells
// `( ... )` and `bash <<EOF` scripts are parsed too and their commands take
// the place of the shell command. A pipeline stage known to copy its input
// or print fixed text (`cat` of a heredoc, `echo`, `printf`) passes that text
// on as the next command's stdin. docs/formats-shell.md lists the rules and
// the simplifications.
#ifndef KREPLAY_REPLAY_SHELL_PARSER_H_
#define KREPLAY_REPLAY_SHELL_PARSER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kreplay {

// One simple command of a pipeline.
struct ShellCommand {
  // The words after quote removal, without leading `NAME=value`
  // assignments and without redirections. A word holding an expansion keeps
  // its source text (`$(kubectl get pods -o name)`). Empty for a command
  // made only of assignments or redirections.
  std::vector<std::string> argv;
  // What the command reads on stdin, when known: a heredoc body (`<<EOF`,
  // `<<'EOF'`, `<<-EOF` with leading tabs stripped), a here-string (`<<<`,
  // with the newline the shell adds), or the output of the previous command
  // when that is known (`cat` passing on its heredoc, `echo`, `printf`).
  std::string stdin_text;
  // Reads the output of the previous command of the pipeline. When true and
  // stdin_text is empty, what arrives is not known (`kubectl get ... |`).
  bool stdin_from_pipe = false;
  // What cannot be interpreted offline, each naming the construct:
  // "variable `$NS` is not expanded", "command substitution `$(...)` is not
  // expanded", globs, brace expansion, stdin read from a file (`< f`),
  // process substitution, running in the background (`&`), shell keywords
  // (`for`, `if`, ...), a local script run by `sh`.
  std::vector<std::string> problems;
  // The command's source text (heredoc bodies excluded), for reports.
  std::string text;

  friend bool operator==(const ShellCommand&, const ShellCommand&) = default;
};

// Commands joined by `|` (or `|&`): a | b | c.
struct Pipeline {
  std::vector<ShellCommand> commands;

  friend bool operator==(const Pipeline&, const Pipeline&) = default;
};

// Pipelines joined by connectors: connectors[i] ("&&", "||" or ";") joins
// pipelines[i] and pipelines[i + 1]. A newline or `&` counts as ";".
struct CommandList {
  std::vector<Pipeline> pipelines;
  std::vector<std::string> connectors;

  friend bool operator==(const CommandList&, const CommandList&) = default;
};

// Splits `text` into pipelines and commands. Empty or comment-only text
// gives an empty list.
// Errors: InvalidArgument naming the column ("line L, column C" for text of
// several lines) for an unterminated quote, `$(`, `${` or backtick, a
// heredoc without its terminating line, an operator where a command is
// expected (`| a`, `a && && b`, `a |` at the end), a redirection without a
// target, and an unmatched `(` or `)`.
absl::StatusOr<CommandList> ParseShell(absl::string_view text);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_SHELL_PARSER_H_
