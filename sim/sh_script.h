// The syntax of the `sh -c` scripts containers run, as far as kreplay models
// them: a bounded parse into lists of commands, never executed.
//
// The subset: simple commands of words (single quotes, double quotes with
// their backslash escapes, backslash escapes, `#` comments), redirections
// (`>`, `>>`, with an optional descriptor digit, and `N>&M`), lists joined by
// `;`, newlines, `&&` and `||`, and `while COND; do BODY; done` loops.
// Everything else a POSIX shell accepts (pipelines, `&`, parameter expansion
// and command substitution, globs, `if`/`for`/`case`, subshells, braces,
// assignments, here-documents, `<`) is refused: what the script does is then
// unknown (sim/container_process.h falls back to the image's behaviour).
// Scripts are untrusted: their length, token count and nesting depth are
// bounded (the k* constants below).
#ifndef KREPLAY_SIM_SH_SCRIPT_H_
#define KREPLAY_SIM_SH_SCRIPT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kreplay {

inline constexpr size_t kMaxScriptBytes = 16384;
inline constexpr size_t kMaxScriptTokens = 4096;
inline constexpr int kMaxScriptDepth = 8;

// `N>FILE`, `N>>FILE` or `N>&M` (fd 1 when no digit is given).
struct ShRedirect {
  int fd = 1;
  bool append = false;
  bool dup = false;    // `N>&M`: target is M's digit
  std::string target;  // the file, or the descriptor duplicated
};

struct ShAndOr;
using ShList = std::vector<ShAndOr>;

struct ShCommand {
  enum class Kind { kSimple, kWhile };
  Kind kind = Kind::kSimple;
  std::vector<std::string> words;      // kSimple: the program and its arguments
  std::vector<ShRedirect> redirects;   // kSimple, in order
  ShList condition;                    // kWhile
  ShList body;                         // kWhile
  int line = 1;                        // where it starts, 1-based
};

// Commands joined by `&&` and `||`: joins[i] is the operator between
// commands[i] and commands[i + 1] (true for `&&`).
struct ShAndOr {
  std::vector<ShCommand> commands;
  std::vector<bool> joins;
};

// Parses `script`. Errors: Unimplemented naming the construct outside the
// subset and its line ("line 2: a pipeline (`|`)"); ResourceExhausted when
// a bound is exceeded; InvalidArgument for a syntax error (an unterminated
// quote, `do` without `while`).
absl::StatusOr<ShList> ParseShScript(absl::string_view script);

}  // namespace kreplay

#endif  // KREPLAY_SIM_SH_SCRIPT_H_
