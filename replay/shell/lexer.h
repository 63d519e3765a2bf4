// Tokens of a POSIX shell command line, for replay/shell/parser.cc.
//
// The lexer does quote removal (single quotes literal; double quotes with
// backslash escapes for $ ` " \ and newline; backslash outside quotes;
// bash's $'...'), drops comments and line continuations, reads heredoc
// bodies at the newline that follows their operator, and notes in each word
// what the shell would expand there and kreplay cannot: `$VAR`, `${...}`,
// `$(...)`, backticks, globs, brace expansion, process substitution. The
// expansion's source text is kept in the word. Nothing is executed.
#ifndef KREPLAY_REPLAY_SHELL_LEXER_H_
#define KREPLAY_REPLAY_SHELL_LEXER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kreplay {

enum class ShellTokenKind {
  kWord,
  kOperator,  // && || ; & | |& ( ) and redirections: < > >> >| >& <& <> &> &>> << <<- <<<
  kNewline,
  kEnd,
};

struct ShellToken {
  ShellTokenKind kind = ShellTokenKind::kEnd;
  std::string text;  // a word after quote removal, or the operator
  size_t begin = 0;  // source span [begin, end)
  size_t end = 0;
  // Words only.
  bool quoted = false;      // some part was quoted or escaped (heredoc delimiters)
  bool assignment = false;  // starts with an unquoted NAME=
  bool io_number = false;   // digits right before a redirection (`2>`)
  std::vector<std::string> problems;  // expansions kreplay cannot perform
  // Words that delimit a heredoc: its body (tabs stripped for <<-) and, for
  // an unquoted delimiter, the expansions in the body.
  std::optional<std::string> heredoc_body;
  std::vector<std::string> heredoc_problems;
};

// Splits `text` into tokens ending with a kEnd token.
// Errors: InvalidArgument naming the position (see DescribePosition) for an
// unterminated quote, `$(`, `${` or backtick, and for a heredoc whose
// terminating line is missing.
absl::StatusOr<std::vector<ShellToken>> LexShell(absl::string_view text);

// "column 12" for one-line text, "line 2, column 5" otherwise (1-based).
std::string DescribePosition(absl::string_view text, size_t offset);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_SHELL_LEXER_H_
