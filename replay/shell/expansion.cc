#include "replay/shell/expansion.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "model/status_macros.h"
#include "replay/shell/lexer.h"

namespace kreplay {
namespace {

constexpr absl::string_view kSpecialParameters = "?@*#$!-";

bool IsNameStart(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsNameChar(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool IsDigit(char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); }
bool IsSpecialParameter(char c) {
  return c != '\0' && kSpecialParameters.find(c) != absl::string_view::npos;
}
// In an unquoted heredoc a backslash escapes only these (POSIX 2.7.4).
bool IsHeredocEscape(char c) {
  return c != '\0' && absl::string_view("$`\\\n").find(c) != absl::string_view::npos;
}

absl::Status ErrorAt(absl::string_view text, size_t at, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(what, " at ", DescribePosition(text, at)));
}

absl::StatusOr<size_t> SkipBacktick(absl::string_view text, size_t open) {
  for (size_t i = open + 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '`') {
      return i + 1;
    }
  }
  return ErrorAt(text, open, "unterminated backtick command substitution");
}

// The expansion that text[pos] == '$' starts, or nullopt for a literal '$'.
absl::StatusOr<std::optional<ShellExpansion>> ScanDollar(absl::string_view text, size_t pos) {
  const char next = pos + 1 < text.size() ? text[pos + 1] : '\0';
  size_t end = pos + 2;
  absl::string_view what;
  if (next == '(' || next == '{') {
    KREPLAY_ASSIGN_OR_RETURN(end, SkipShellGroup(text, pos + 1));
    const bool arithmetic = next == '(' && pos + 2 < text.size() && text[pos + 2] == '(';
    what = next == '{' ? "parameter expansion"
                       : arithmetic ? "arithmetic expansion" : "command substitution";
  } else if (IsNameStart(next)) {
    while (end < text.size() && IsNameChar(text[end])) ++end;
    what = "variable";
  } else if (IsDigit(next) || IsSpecialParameter(next)) {
    what = "special parameter";
  } else {
    return std::nullopt;
  }
  return ShellExpansion{end, NotExpanded(what, text.substr(pos, end - pos))};
}

}  // namespace

std::string NotExpanded(absl::string_view what, absl::string_view raw) {
  return absl::StrCat(what, " `", raw, "` is not expanded");
}

absl::StatusOr<size_t> SkipShellGroup(absl::string_view text, size_t open) {
  const char opening = text[open];
  const char closing = opening == '(' ? ')' : '}';
  int depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      ++i;
    } else if (c == '\'' || c == '"') {
      size_t j = i + 1;
      while (j < text.size() && text[j] != c) j += (c == '"' && text[j] == '\\') ? 2 : 1;
      if (j >= text.size()) break;
      i = j;
    } else if (c == '`') {
      KREPLAY_ASSIGN_OR_RETURN(size_t end, SkipBacktick(text, i));
      i = end - 1;
    } else if (c == opening) {
      ++depth;
    } else if (c == closing && --depth == 0) {
      return i + 1;
    }
  }
  return ErrorAt(text, open - 1, absl::StrCat("unterminated `", text.substr(open - 1, 2), "`"));
}

absl::StatusOr<std::optional<ShellExpansion>> ScanShellExpansion(absl::string_view text,
                                                                 size_t pos) {
  if (text[pos] == '$') return ScanDollar(text, pos);
  if (text[pos] != '`') return std::nullopt;
  KREPLAY_ASSIGN_OR_RETURN(size_t end, SkipBacktick(text, pos));
  return ShellExpansion{end, NotExpanded("command substitution", text.substr(pos, end - pos))};
}

std::string ExpandHeredocBody(absl::string_view body, std::vector<std::string>* problems) {
  std::string out;
  for (size_t i = 0; i < body.size();) {
    const char c = body[i];
    if (c == '\\' && i + 1 < body.size() && IsHeredocEscape(body[i + 1])) {
      if (body[i + 1] != '\n') out.push_back(body[i + 1]);
      i += 2;
      continue;
    }
    absl::StatusOr<std::optional<ShellExpansion>> expansion = ScanShellExpansion(body, i);
    if (!expansion.ok() || !expansion->has_value()) {
      if (!expansion.ok()) {
        problems->push_back(absl::StrCat("heredoc body: ", expansion.status().message()));
      }
      out.push_back(c);
      ++i;
      continue;
    }
    problems->push_back(absl::StrCat("heredoc body: ", (*expansion)->problem));
    absl::StrAppend(&out, body.substr(i, (*expansion)->end - i));
    i = (*expansion)->end;
  }
  return out;
}

}  // namespace kreplay
