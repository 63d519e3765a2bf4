#include "replay/shell/lexer.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "model/status_macros.h"
#include "replay/shell/expansion.h"

namespace kreplay {
namespace {

// Longest first, so that `&&` wins over `&` and `<<-` over `<<`.
constexpr absl::string_view kOperators[] = {
    "&>>", "<<<", "<<-", "&&", "||", ";;", "|&", "&>", ">>", ">|", ">&", "<<", "<&", "<>",
    "|",   "&",   ";",   "<",  ">",  "(",  ")",
};
constexpr absl::string_view kMetacharacters = "|&;<>()";
constexpr absl::string_view kDoubleQuoteEscapes = "$`\"\\";

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool IsNameStart(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsNameChar(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool IsDigit(char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); }

char AnsiCEscape(char c) {
  switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'e': case 'E': return '\x1b';
    case 'f': return '\f';
    case 'v': return '\v';
    case '\\': case '\'': case '"': case '?': return c;
    default: break;
  }
  return '\0';
}

// Unquoted characters of a word that the shell would expand against files
// (`*`, `?`, `[`) or as brace expansion (`{a,b}`). Glob characters inside
// braces are left alone: `{.items[*].metadata.name}` matches no file, and
// the shell then passes it unchanged.
struct WordShape {
  int brace_depth = 0;
  bool glob = false;
  bool brace_list = false;

  void See(char c) {
    if (c == '{') ++brace_depth;
    if (c == '}' && brace_depth > 0) --brace_depth;
    if (c == ',' && brace_depth > 0) brace_list = true;
    if ((c == '*' || c == '?' || c == '[') && brace_depth == 0) glob = true;
  }
};

class Lexer {
 public:
  explicit Lexer(absl::string_view text) : text_(text) {}

  absl::StatusOr<std::vector<ShellToken>> Run();

 private:
  char At(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }
  absl::Status Error(size_t at, absl::string_view what) const {
    return absl::InvalidArgumentError(absl::StrCat(what, " at ", DescribePosition(text_, at)));
  }
  bool AtWordBreak() const {
    const char c = text_[pos_];
    return IsBlank(c) || c == '\n' || kMetacharacters.find(c) != absl::string_view::npos;
  }
  void Emit(ShellTokenKind kind, size_t length);
  absl::Status LexWord();
  absl::Status ProcessSubstitution();
  absl::Status SingleQuoted(ShellToken* word);
  absl::Status DoubleQuoted(ShellToken* word);
  absl::Status AnsiCQuoted(ShellToken* word);
  absl::Status Expand(ShellToken* word);  // at '$' or '`'
  void FinishWord(ShellToken word, const WordShape& shape);
  absl::Status ReadHeredocBodies();
  absl::Status ReadHeredocBody(size_t token, bool strip_tabs);

  struct PendingHeredoc {
    size_t token;
    bool strip_tabs;
  };

  absl::string_view text_;
  size_t pos_ = 0;
  std::vector<ShellToken> tokens_;
  std::vector<PendingHeredoc> pending_;
  std::optional<bool> delimiter_expected_;  // after << (false) or <<- (true)
};

absl::StatusOr<std::vector<ShellToken>> Lexer::Run() {
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (IsBlank(c)) {
      ++pos_;
    } else if (c == '\\' && At(pos_ + 1) == '\n') {
      pos_ += 2;
    } else if (c == '\n') {
      Emit(ShellTokenKind::kNewline, 1);
      KREPLAY_RETURN_IF_ERROR(ReadHeredocBodies());
    } else if (c == '#') {
      pos_ = std::min(text_.size(), text_.find('\n', pos_));
    } else if ((c == '<' || c == '>') && At(pos_ + 1) == '(') {
      KREPLAY_RETURN_IF_ERROR(ProcessSubstitution());
    } else if (kMetacharacters.find(c) != absl::string_view::npos) {
      const auto op = std::find_if(std::begin(kOperators), std::end(kOperators),
                                   [&](absl::string_view o) { return absl::StartsWith(text_.substr(pos_), o); });
      Emit(ShellTokenKind::kOperator, op->size());
    } else {
      KREPLAY_RETURN_IF_ERROR(LexWord());
    }
  }
  if (!pending_.empty()) {
    const ShellToken& delimiter = tokens_[pending_.front().token];
    return Error(delimiter.begin, absl::StrCat("heredoc has no terminating `", delimiter.text, "` line"));
  }
  Emit(ShellTokenKind::kEnd, 0);
  return std::move(tokens_);
}

void Lexer::Emit(ShellTokenKind kind, size_t length) {
  ShellToken token;
  token.kind = kind;
  token.text = std::string(text_.substr(pos_, length));
  token.begin = pos_;
  token.end = pos_ + length;
  pos_ += length;
  if (kind == ShellTokenKind::kOperator && (token.text == "<<" || token.text == "<<-")) {
    delimiter_expected_ = token.text == "<<-";
  } else {
    delimiter_expected_.reset();
  }
  tokens_.push_back(std::move(token));
}

absl::Status Lexer::ProcessSubstitution() {
  ShellToken word;
  word.begin = pos_;
  KREPLAY_ASSIGN_OR_RETURN(size_t end, SkipShellGroup(text_, pos_ + 1));
  word.text = std::string(text_.substr(pos_, end - pos_));
  word.problems.push_back(NotExpanded("process substitution", word.text));
  pos_ = end;
  FinishWord(std::move(word), WordShape());
  return absl::OkStatus();
}

absl::Status Lexer::LexWord() {
  ShellToken word;
  word.begin = pos_;
  WordShape shape;
  while (pos_ < text_.size() && !AtWordBreak()) {
    const char c = text_[pos_];
    if (c == '\'') {
      KREPLAY_RETURN_IF_ERROR(SingleQuoted(&word));
    } else if (c == '"') {
      KREPLAY_RETURN_IF_ERROR(DoubleQuoted(&word));
    } else if (c == '$' && At(pos_ + 1) == '\'') {
      KREPLAY_RETURN_IF_ERROR(AnsiCQuoted(&word));
    } else if (c == '$' && At(pos_ + 1) == '"') {
      ++pos_;  // $"..." is a translatable string: quoted like "..."
      KREPLAY_RETURN_IF_ERROR(DoubleQuoted(&word));
    } else if (c == '$' || c == '`') {
      KREPLAY_RETURN_IF_ERROR(Expand(&word));
    } else if (c == '\\' && At(pos_ + 1) == '\n') {
      pos_ += 2;
    } else if (c == '\\' && pos_ + 1 < text_.size()) {
      word.text.push_back(text_[pos_ + 1]);
      word.quoted = true;
      pos_ += 2;
    } else {
      shape.See(c);
      word.text.push_back(c);
      ++pos_;
    }
  }
  FinishWord(std::move(word), shape);
  return absl::OkStatus();
}

void Lexer::FinishWord(ShellToken word, const WordShape& shape) {
  word.kind = ShellTokenKind::kWord;
  word.end = pos_;
  const absl::string_view raw = text_.substr(word.begin, word.end - word.begin);
  size_t name = 0;
  while (name < raw.size() && (name == 0 ? IsNameStart(raw[0]) : IsNameChar(raw[name]))) ++name;
  word.assignment = name > 0 && name < raw.size() && raw[name] == '=';
  word.io_number = !word.quoted && !raw.empty() && std::all_of(raw.begin(), raw.end(), IsDigit) &&
                   (At(pos_) == '<' || At(pos_) == '>');
  if (shape.glob) word.problems.push_back(NotExpanded("glob", raw));
  if (shape.brace_list) word.problems.push_back(NotExpanded("brace expansion", raw));
  if (delimiter_expected_) {
    pending_.push_back({tokens_.size(), *delimiter_expected_});
    word.problems.clear();  // a delimiter is only quote-removed
  }
  delimiter_expected_.reset();
  tokens_.push_back(std::move(word));
}

absl::Status Lexer::SingleQuoted(ShellToken* word) {
  const size_t close = text_.find('\'', pos_ + 1);
  if (close == absl::string_view::npos) return Error(pos_, "unterminated single quote");
  absl::StrAppend(&word->text, text_.substr(pos_ + 1, close - pos_ - 1));
  word->quoted = true;
  pos_ = close + 1;
  return absl::OkStatus();
}

absl::Status Lexer::DoubleQuoted(ShellToken* word) {
  const size_t open = pos_++;
  word->quoted = true;
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == '"') {
      ++pos_;
      return absl::OkStatus();
    }
    if (c == '\\' && At(pos_ + 1) == '\n') {
      pos_ += 2;
    } else if (c == '\\' && kDoubleQuoteEscapes.find(At(pos_ + 1)) != absl::string_view::npos) {
      word->text.push_back(text_[pos_ + 1]);
      pos_ += 2;
    } else if (c == '$' || c == '`') {
      KREPLAY_RETURN_IF_ERROR(Expand(word));
    } else {
      word->text.push_back(c);
      ++pos_;
    }
  }
  return Error(open, "unterminated double quote");
}

absl::Status Lexer::AnsiCQuoted(ShellToken* word) {
  const size_t open = pos_;
  word->quoted = true;
  for (pos_ += 2; pos_ < text_.size(); ++pos_) {
    const char c = text_[pos_];
    if (c == '\'') {
      ++pos_;
      return absl::OkStatus();
    }
    const char escaped = c == '\\' ? AnsiCEscape(At(pos_ + 1)) : '\0';
    if (escaped != '\0') {
      word->text.push_back(escaped);
      ++pos_;
    } else {
      word->text.push_back(c);
    }
  }
  return Error(open, "unterminated $'...' quote");
}

absl::Status Lexer::Expand(ShellToken* word) {
  KREPLAY_ASSIGN_OR_RETURN(std::optional<ShellExpansion> expansion, ScanShellExpansion(text_, pos_));
  if (!expansion) {
    word->text.push_back(text_[pos_++]);
    return absl::OkStatus();
  }
  absl::StrAppend(&word->text, text_.substr(pos_, expansion->end - pos_));
  word->problems.push_back(std::move(expansion->problem));
  pos_ = expansion->end;
  return absl::OkStatus();
}

// Bodies start on the line after the operator, in the order of their
// operators on that line (POSIX 2.7.4).
absl::Status Lexer::ReadHeredocBodies() {
  std::vector<PendingHeredoc> pending = std::move(pending_);
  pending_.clear();
  for (const PendingHeredoc& heredoc : pending) {
    KREPLAY_RETURN_IF_ERROR(ReadHeredocBody(heredoc.token, heredoc.strip_tabs));
  }
  return absl::OkStatus();
}

absl::Status Lexer::ReadHeredocBody(size_t token, bool strip_tabs) {
  ShellToken& delimiter = tokens_[token];
  std::string body;
  while (pos_ < text_.size()) {
    const size_t newline = text_.find('\n', pos_);
    const size_t line_end = newline == absl::string_view::npos ? text_.size() : newline;
    absl::string_view line = text_.substr(pos_, line_end - pos_);
    pos_ = std::min(text_.size(), line_end + 1);
    if (strip_tabs) line.remove_prefix(std::min(line.size(), line.find_first_not_of('\t')));
    if (absl::StripSuffix(line, "\r") == delimiter.text) {
      delimiter.heredoc_body =
          delimiter.quoted ? std::move(body) : ExpandHeredocBody(body, &delimiter.heredoc_problems);
      return absl::OkStatus();
    }
    absl::StrAppend(&body, line, "\n");
  }
  return Error(delimiter.begin, absl::StrCat("heredoc has no terminating `", delimiter.text, "` line"));
}

}  // namespace

absl::StatusOr<std::vector<ShellToken>> LexShell(absl::string_view text) {
  return Lexer(text).Run();
}

std::string DescribePosition(absl::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  const size_t line_start = text.substr(0, offset).rfind('\n');
  const size_t column = offset - (line_start == absl::string_view::npos ? 0 : line_start + 1) + 1;
  if (text.find('\n') == absl::string_view::npos) return absl::StrCat("column ", column);
  const size_t line = 1 + std::count(text.begin(), text.begin() + offset, '\n');
  return absl::StrCat("line ", line, ", column ", column);
}

}  // namespace kreplay
