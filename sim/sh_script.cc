#include "sim/sh_script.h"

#include <cctype>
#include <set>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

enum class Tok { kWord, kSeparator, kAnd, kOr, kRedirect, kEnd };

struct Token {
  Tok type = Tok::kEnd;
  std::string text;     // kWord: the word after quote removal
  bool quoted = false;  // kWord: some part of it was quoted
  ShRedirect redirect;  // kRedirect (target filled by the parser)
  int line = 1;
};

absl::Status Outside(int line, const std::string& what) {
  return absl::UnimplementedError(absl::StrCat("line ", line, ": ", what));
}

// Characters that end an unquoted word.
bool EndsWord(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' ||
         c == '>' || c == '<' || c == '(' || c == ')';
}

// What an unquoted character outside the subset is, or nullptr.
const char* UnquotedRefusal(char c) {
  switch (c) {
    case '$': return "parameter expansion (`$`)";
    case '`': return "command substitution (`` ` ``)";
    case '*':
    case '?':
    case '[': return "a glob (`*`, `?`, `[`)";
    default: return nullptr;
  }
}

class Lexer {
 public:
  explicit Lexer(absl::string_view s) : s_(s) {}

  absl::StatusOr<std::vector<Token>> Run() {
    std::vector<Token> out;
    while (true) {
      if (out.size() > kMaxScriptTokens) {
        return absl::ResourceExhaustedError(
            absl::StrCat("more than ", kMaxScriptTokens, " tokens"));
      }
      absl::StatusOr<Token> t = Next();
      if (!t.ok()) return t.status();
      bool end = t->type == Tok::kEnd;
      out.push_back(*std::move(t));
      if (end) return out;
    }
  }

 private:
  bool More() const { return i_ < s_.size(); }
  char Peek(size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }

  Token Make(Tok type) const {
    Token t;
    t.type = type;
    t.line = line_;
    return t;
  }

  absl::StatusOr<Token> Next() {
    while (More()) {
      char c = Peek();
      if (c == ' ' || c == '\t') {
        ++i_;
      } else if (c == '\\' && Peek(1) == '\n') {
        i_ += 2;
        ++line_;
      } else if (c == '#') {
        while (More() && Peek() != '\n') ++i_;
      } else {
        break;
      }
    }
    if (!More()) return Make(Tok::kEnd);
    char c = Peek();
    if (c == '\n' || c == ';') {
      Token t = Make(Tok::kSeparator);
      t.text = std::string(1, c);
      if (c == '\n') ++line_;
      ++i_;
      if (c == ';' && Peek() == ';') return Outside(line_, "`;;` (case)");
      return t;
    }
    if (c == '&') {
      if (Peek(1) != '&') return Outside(line_, "a background job (`&`)");
      i_ += 2;
      return Make(Tok::kAnd);
    }
    if (c == '|') {
      if (Peek(1) != '|') return Outside(line_, "a pipeline (`|`)");
      i_ += 2;
      return Make(Tok::kOr);
    }
    if (c == '<') return Outside(line_, "input redirection or a here-document (`<`)");
    if (c == '(' || c == ')') return Outside(line_, "a subshell (`(`)");
    if (c == '>') return Redirect(1);
    if (std::isdigit(static_cast<unsigned char>(c)) && Peek(1) == '>') {
      ++i_;
      return Redirect(c - '0');
    }
    return Word();
  }

  absl::StatusOr<Token> Redirect(int fd) {
    Token t = Make(Tok::kRedirect);
    t.redirect.fd = fd;
    ++i_;  // '>'
    if (Peek() == '>') {
      t.redirect.append = true;
      ++i_;
    } else if (Peek() == '&') {
      ++i_;
      if (!std::isdigit(static_cast<unsigned char>(Peek()))) {
        return Outside(line_, "a redirection other than `N>FILE`, `N>>FILE`, `N>&M`");
      }
      t.redirect.dup = true;
      t.redirect.target = std::string(1, Peek());
      ++i_;
    } else if (Peek() == '|') {
      return Outside(line_, "`>|`");
    }
    return t;
  }

  absl::StatusOr<Token> Word() {
    Token t = Make(Tok::kWord);
    while (More() && !EndsWord(Peek())) {
      char c = Peek();
      if (c == '\'') {
        size_t close = s_.find('\'', i_ + 1);
        if (close == absl::string_view::npos) {
          return absl::InvalidArgumentError(absl::StrCat("line ", line_, ": unterminated '"));
        }
        absl::string_view part = s_.substr(i_ + 1, close - i_ - 1);
        for (char p : part) line_ += p == '\n';
        t.text.append(part.data(), part.size());
        t.quoted = true;
        i_ = close + 1;
      } else if (c == '"') {
        absl::Status s = DoubleQuoted(t);
        if (!s.ok()) return s;
      } else if (c == '\\') {
        if (i_ + 1 >= s_.size()) return absl::InvalidArgumentError("trailing backslash");
        t.text.push_back(s_[i_ + 1]);
        t.quoted = true;
        i_ += 2;
      } else if (const char* refusal = UnquotedRefusal(c)) {
        return Outside(line_, refusal);
      } else if ((c == '~' || c == '{' || c == '}') && t.text.empty() && !t.quoted) {
        return Outside(line_, c == '~' ? "tilde expansion (`~`)" : "a brace group (`{`)");
      } else {
        t.text.push_back(c);
        ++i_;
      }
    }
    return t;
  }

  absl::Status DoubleQuoted(Token& t) {
    t.quoted = true;
    ++i_;
    while (More() && Peek() != '"') {
      char c = Peek();
      if (c == '$') return Outside(line_, "parameter expansion (`$`)");
      if (c == '`') return Outside(line_, "command substitution (`` ` ``)");
      if (c == '\\' && (Peek(1) == '"' || Peek(1) == '\\' || Peek(1) == '$' ||
                        Peek(1) == '`')) {
        t.text.push_back(Peek(1));
        i_ += 2;
        continue;
      }
      if (c == '\\' && Peek(1) == '\n') {
        i_ += 2;
        ++line_;
        continue;
      }
      line_ += c == '\n';
      t.text.push_back(c);
      ++i_;
    }
    if (!More()) return absl::InvalidArgumentError(absl::StrCat("line ", line_, ": unterminated \""));
    ++i_;
    return absl::OkStatus();
  }

  absl::string_view s_;
  size_t i_ = 0;
  int line_ = 1;
};

// Reserved words outside the subset, refused in command position.
const std::set<std::string>& RefusedKeywords() {
  static const std::set<std::string> kWords = {
      "if", "then", "else", "elif", "fi", "for", "in", "case", "esac", "until",
      "function", "select", "!", "[[", "]]"};
  return kWords;
}

bool IsAssignment(const Token& t) {
  if (t.quoted) return false;
  size_t eq = t.text.find('=');
  if (eq == std::string::npos || eq == 0) return false;
  for (size_t i = 0; i < eq; ++i) {
    char c = t.text[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return !std::isdigit(static_cast<unsigned char>(t.text[0]));
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  absl::StatusOr<ShList> Script() {
    absl::StatusOr<ShList> list = List({}, 0);
    if (!list.ok()) return list.status();
    if (Cur().type != Tok::kEnd) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", Cur().line, ": unexpected `", Cur().text, "`"));
    }
    return list;
  }

 private:
  const Token& Cur() const { return t_[i_]; }
  bool AtWord(const char* word) const {
    return Cur().type == Tok::kWord && !Cur().quoted && Cur().text == word;
  }
  void SkipSeparators() {
    while (Cur().type == Tok::kSeparator) ++i_;
  }

  // Commands up to the end or to one of `stops` in command position.
  absl::StatusOr<ShList> List(const std::set<std::string>& stops, int depth) {
    ShList out;
    SkipSeparators();
    while (Cur().type != Tok::kEnd) {
      if (Cur().type == Tok::kWord && !Cur().quoted && stops.contains(Cur().text)) break;
      absl::StatusOr<ShAndOr> item = AndOr(depth);
      if (!item.ok()) return item.status();
      out.push_back(*std::move(item));
      if (Cur().type != Tok::kSeparator && Cur().type != Tok::kEnd &&
          !(Cur().type == Tok::kWord && stops.contains(Cur().text))) {
        return absl::InvalidArgumentError(absl::StrCat("line ", Cur().line, ": unexpected `",
                                                       Cur().text, "`"));
      }
      SkipSeparators();
    }
    return out;
  }

  absl::StatusOr<ShAndOr> AndOr(int depth) {
    ShAndOr out;
    while (true) {
      absl::StatusOr<ShCommand> command = Command(depth);
      if (!command.ok()) return command.status();
      out.commands.push_back(*std::move(command));
      if (Cur().type != Tok::kAnd && Cur().type != Tok::kOr) return out;
      out.joins.push_back(Cur().type == Tok::kAnd);
      ++i_;
      // Newlines may follow `&&` and `||`; a `;` there is a syntax error.
      while (Cur().type == Tok::kSeparator && Cur().text == "\n") ++i_;
    }
  }

  absl::StatusOr<ShCommand> Command(int depth) {
    ShCommand out;
    out.line = Cur().line;
    if (Cur().type != Tok::kWord && Cur().type != Tok::kRedirect) {
      return absl::InvalidArgumentError(absl::StrCat("line ", Cur().line, ": missing command"));
    }
    if (Cur().type == Tok::kWord && !Cur().quoted) {
      const std::string& word = Cur().text;
      if (RefusedKeywords().contains(word)) return Outside(Cur().line, absl::StrCat("`", word, "`"));
      if (word == "do" || word == "done") {
        return absl::InvalidArgumentError(absl::StrCat("line ", Cur().line, ": unexpected `", word, "`"));
      }
      if (word == "while") return While(depth);
      if (IsAssignment(Cur())) return Outside(Cur().line, "a variable assignment");
    }
    while (Cur().type == Tok::kWord || Cur().type == Tok::kRedirect) {
      if (Cur().type == Tok::kWord) {
        out.words.push_back(Cur().text);
        ++i_;
        continue;
      }
      ShRedirect r = Cur().redirect;
      ++i_;
      if (!r.dup) {
        if (Cur().type != Tok::kWord) {
          return absl::InvalidArgumentError(
              absl::StrCat("line ", out.line, ": a redirection without a file"));
        }
        r.target = Cur().text;
        ++i_;
      }
      out.redirects.push_back(std::move(r));
    }
    if (out.words.empty()) return Outside(out.line, "a redirection without a command");
    return out;
  }

  absl::StatusOr<ShCommand> While(int depth) {
    ShCommand out;
    out.kind = ShCommand::Kind::kWhile;
    out.line = Cur().line;
    if (depth + 1 > kMaxScriptDepth) {
      return absl::ResourceExhaustedError(
          absl::StrCat("line ", out.line, ": loops nested more than ", kMaxScriptDepth, " deep"));
    }
    ++i_;  // while
    absl::StatusOr<ShList> condition = List({"do"}, depth + 1);
    if (!condition.ok()) return condition.status();
    if (!AtWord("do")) {
      return absl::InvalidArgumentError(absl::StrCat("line ", out.line, ": `while` without `do`"));
    }
    ++i_;
    absl::StatusOr<ShList> body = List({"done"}, depth + 1);
    if (!body.ok()) return body.status();
    if (!AtWord("done")) {
      return absl::InvalidArgumentError(absl::StrCat("line ", out.line, ": `do` without `done`"));
    }
    ++i_;
    if (Cur().type == Tok::kRedirect) return Outside(out.line, "a redirection of a loop");
    out.condition = *std::move(condition);
    out.body = *std::move(body);
    return out;
  }

  std::vector<Token> t_;
  size_t i_ = 0;
};

}  // namespace

absl::StatusOr<ShList> ParseShScript(absl::string_view script) {
  if (script.size() > kMaxScriptBytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat("a script of ", script.size(), " bytes (at most ", kMaxScriptBytes, ")"));
  }
  absl::StatusOr<std::vector<Token>> tokens = Lexer(script).Run();
  if (!tokens.ok()) return tokens.status();
  return Parser(*std::move(tokens)).Script();
}

}  // namespace kreplay
