// Shell expansions in text: where `$...` and backtick constructs start and
// end, and the problem that names each (kreplay never expands them).
// Shared by the word lexer and by unquoted heredoc bodies
// (replay/shell/lexer.cc).
#ifndef KREPLAY_REPLAY_SHELL_EXPANSION_H_
#define KREPLAY_REPLAY_SHELL_EXPANSION_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kreplay {

// An expansion found at some position: one past its end, and the problem
// naming it ("variable `$NS` is not expanded").
struct ShellExpansion {
  size_t end = 0;
  std::string problem;
};

// The expansion that text[pos] starts: `$NAME`, `$1`, `$?`, `${...}`,
// `$(...)`, `$((...))` or a backtick command substitution; nullopt when
// text[pos] is a literal character (a `$` before a blank, say).
// Errors: InvalidArgument "unterminated `$(` at column N" (also `${` and
// backticks).
absl::StatusOr<std::optional<ShellExpansion>> ScanShellExpansion(absl::string_view text,
                                                                 size_t pos);

// One past the bracket closing the `(` or `{` at text[open], skipping quoted
// text; used for `<(...)` too.
// Errors: InvalidArgument naming the construct and its position.
absl::StatusOr<size_t> SkipShellGroup(absl::string_view text, size_t open);

// "<what> `<raw>` is not expanded".
std::string NotExpanded(absl::string_view what, absl::string_view raw);

// The body of a heredoc with an unquoted delimiter, as the shell would feed
// it apart from expansions: `\$`, `\``, `\\` and `\newline` are escapes;
// every expansion keeps its text and adds a problem ("heredoc body: ...").
std::string ExpandHeredocBody(absl::string_view body, std::vector<std::string>* problems);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_SHELL_EXPANSION_H_
