// The few programs whose behaviour matters for splitting a command line:
// those that print known text into a pipe (`cat` and `tee` copying their
// input, `echo`, `printf`) and shells that run a script given as text
// (`sh -c '...'`, `bash <<EOF`, `eval`). Used by replay/shell/parser.cc;
// nothing is executed.
#ifndef KREPLAY_REPLAY_SHELL_PROGRAMS_H_
#define KREPLAY_REPLAY_SHELL_PROGRAMS_H_

#include <optional>
#include <string>
#include <vector>

namespace kreplay {

// What `argv` writes to stdout, given its stdin (nullopt: not known).
// Known for `cat` without options or files and for `tee` (their stdin),
// `echo` (-n, -e, -E) and `printf` with %s, %b and %% conversions; nullopt
// for every other program or form.
std::optional<std::string> KnownOutput(const std::vector<std::string>& argv,
                                       const std::optional<std::string>& stdin_text);

// Where a shell command finds the script it runs.
struct ShellScript {
  enum class Source {
    kNone,        // not a shell running a script
    kArgument,    // sh -c 'TEXT', eval TEXT...
    kStdin,       // sh / bash with no script argument: reads stdin
    kLocalFile,   // bash deploy.sh: a file kreplay does not have
    kMissing,     // sh -c without its string
  };
  Source source = Source::kNone;
  std::string text;  // kArgument: the script; kLocalFile: the file name
};

// The script of sh, bash, zsh, dash, ksh or ash (any path) and of `eval`.
ShellScript ShellScriptOf(const std::vector<std::string>& argv);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_SHELL_PROGRAMS_H_
