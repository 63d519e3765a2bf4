#include "replay/shell/programs.h"

#include <algorithm>
#include <cstddef>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace kreplay {
namespace {

constexpr absl::string_view kShells[] = {"sh", "bash", "zsh", "dash", "ksh", "ash"};

absl::string_view Basename(absl::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == absl::string_view::npos ? path : path.substr(slash + 1);
}

bool IsOneOf(absl::string_view word, absl::Span<const absl::string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

// The escapes echo -e and printf formats share.
char Escape(char c) {
  switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'v': return '\v';
    case 'e': return '\x1b';
    case '\\': case '"': case '\'': return c;
    default: break;
  }
  return '\0';
}

// Appends `text` with backslash escapes decoded; unknown ones stay as written.
void AppendUnescaped(absl::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char escaped = text[i] == '\\' && i + 1 < text.size() ? Escape(text[i + 1]) : '\0';
    if (escaped != '\0') {
      out->push_back(escaped);
      ++i;
    } else {
      out->push_back(text[i]);
    }
  }
}

std::string EchoOutput(const std::vector<std::string>& argv) {
  bool newline = true;
  bool escapes = false;
  size_t first = 1;
  for (; first < argv.size(); ++first) {
    const std::string& word = argv[first];
    if (word.size() < 2 || word[0] != '-' || word.find_first_not_of("neE", 1) != std::string::npos) break;
    newline = newline && word.find('n') == std::string::npos;
    if (word.find_first_of("eE") != std::string::npos) escapes = word.back() != 'E';
  }
  const std::string text =
      absl::StrJoin(argv.begin() + static_cast<std::ptrdiff_t>(first), argv.end(), " ");
  std::string out;
  if (escapes) {
    AppendUnescaped(text, &out);
  } else {
    out = text;
  }
  if (newline) out.push_back('\n');
  return out;
}

// One pass over the format; false on a conversion kreplay does not model.
bool FormatOnce(absl::string_view format, const std::vector<std::string>& args, size_t* next,
                std::string* out) {
  for (size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    const char following = i + 1 < format.size() ? format[i + 1] : '\0';
    if (c == '\\' && Escape(following) != '\0') {
      out->push_back(Escape(following));
      ++i;
    } else if (c == '%' && following == '%') {
      out->push_back('%');
      ++i;
    } else if (c == '%' && (following == 's' || following == 'b')) {
      const std::string arg = *next < args.size() ? args[(*next)++] : "";
      if (following == 'b') {
        AppendUnescaped(arg, out);
      } else {
        out->append(arg);
      }
      ++i;
    } else if (c == '%') {
      return false;
    } else {
      out->push_back(c);
    }
  }
  return true;
}

// printf reuses its format while arguments remain (POSIX).
std::optional<std::string> PrintfOutput(const std::vector<std::string>& argv) {
  size_t first = argv.size() > 1 && argv[1] == "--" ? 2 : 1;
  if (first >= argv.size() || absl::StartsWith(argv[first], "-")) return std::nullopt;
  const std::vector<std::string> args(argv.begin() + static_cast<std::ptrdiff_t>(first + 1), argv.end());
  std::string out;
  size_t next = 0;
  do {
    const size_t before = next;
    if (!FormatOnce(argv[first], args, &next, &out)) return std::nullopt;
    if (next == before) break;
  } while (next < args.size());
  return out;
}

}  // namespace

std::optional<std::string> KnownOutput(const std::vector<std::string>& argv,
                                       const std::optional<std::string>& stdin_text) {
  if (argv.empty()) return std::nullopt;
  const absl::string_view program = Basename(argv[0]);
  if (program == "tee") return stdin_text;  // its files get a copy; stdout too
  if (program == "cat") {
    const bool copies_stdin = std::all_of(argv.begin() + 1, argv.end(),
                                          [](const std::string& word) { return word == "-"; });
    return copies_stdin ? stdin_text : std::nullopt;
  }
  if (program == "echo") return EchoOutput(argv);
  if (program == "printf") return PrintfOutput(argv);
  return std::nullopt;
}

ShellScript ShellScriptOf(const std::vector<std::string>& argv) {
  if (argv.empty()) return {};
  if (argv[0] == "eval") {
    return {ShellScript::Source::kArgument, absl::StrJoin(argv.begin() + 1, argv.end(), " ")};
  }
  if (!IsOneOf(Basename(argv[0]), kShells)) return {};
  bool command_string = false;
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& word = argv[i];
    const bool option = word.size() > 1 && (word[0] == '-' || word[0] == '+') && word != "--";
    if (!option) {
      if (word == "--") continue;
      if (command_string) return {ShellScript::Source::kArgument, word};
      return {ShellScript::Source::kLocalFile, word};
    }
    if (absl::StartsWith(word, "--")) continue;  // --login, --norc
    command_string = command_string || (word[0] == '-' && absl::StrContains(word, 'c'));
    if (absl::StrContains(word, 'o')) ++i;  // -o pipefail takes a value
  }
  return {command_string ? ShellScript::Source::kMissing : ShellScript::Source::kStdin, ""};
}

}  // namespace kreplay
