#include "replay/shell/tools.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"

namespace kreplay {
namespace {

// A program that only reads or formats text, unless given one of its
// writing options: a short option letter (in any cluster: `-i`, `-ni`,
// `-i.bak`) or one of `words` (exact, or followed by `=`).
struct LocalTool {
  const char* name;
  char letter;          // 0: none
  const char* words;    // comma-separated
  const char* problem;  // what the writing form does
};

constexpr LocalTool kLocalTools[] = {
    {":", 0, "", ""},          {"[", 0, "", ""},
    {"awk", 0, "-i", "awk -i loads an extension (inplace edits files)"},
    {"base64", 0, "", ""},     {"basename", 0, "", ""},  {"cat", 0, "", ""},
    {"cd", 0, "", ""},         {"column", 0, "", ""},    {"comm", 0, "", ""},
    {"command", 0, "", ""},    {"cut", 0, "", ""},       {"date", 0, "", ""},
    {"df", 0, "", ""},         {"diff", 0, "", ""},      {"dirname", 0, "", ""},
    {"du", 0, "", ""},         {"echo", 0, "", ""},      {"egrep", 0, "", ""},
    {"env", 0, "", ""},        {"exit", 0, "", ""},      {"export", 0, "", ""},
    {"expr", 0, "", ""},       {"false", 0, "", ""},     {"fgrep", 0, "", ""},
    {"find", 0, "-delete,-exec,-execdir,-ok,-okdir,-fprint,-fls",
     "find -delete/-exec deletes files or runs commands"},
    {"fold", 0, "", ""},       {"grep", 0, "", ""},      {"head", 0, "", ""},
    {"hostname", 0, "", ""},   {"id", 0, "", ""},        {"jq", 0, "", ""},
    {"join", 0, "", ""},       {"less", 0, "", ""},      {"ls", 0, "", ""},
    {"md5sum", 0, "", ""},     {"more", 0, "", ""},      {"nl", 0, "", ""},
    {"paste", 0, "", ""},      {"printenv", 0, "", ""},  {"printf", 0, "", ""},
    {"pwd", 0, "", ""},        {"readlink", 0, "", ""},  {"realpath", 0, "", ""},
    {"rev", 0, "", ""},        {"sed", 'i', "--in-place", "sed -i edits files in place"},
    {"seq", 0, "", ""},        {"set", 0, "", ""},       {"sha256sum", 0, "", ""},
    {"sleep", 0, "", ""},      {"sort", 0, "", ""},      {"stat", 0, "", ""},
    {"tac", 0, "", ""},        {"tail", 0, "", ""},      {"test", 0, "", ""},
    {"tr", 0, "", ""},         {"tree", 0, "", ""},      {"true", 0, "", ""},
    {"type", 0, "", ""},       {"uname", 0, "", ""},     {"uniq", 0, "", ""},
    {"unset", 0, "", ""},      {"wc", 0, "", ""},        {"which", 0, "", ""},
    {"whoami", 0, "", ""},     {"xxd", 0, "", ""},
    {"yq", 'i', "--inplace", "yq -i edits files in place"},
};

// A program that runs the rest of its arguments: options (those in
// `value_options` take the next word), then `positionals` words of its own,
// then the command.
struct Wrapper {
  const char* name;
  const char* value_options;
  int positionals;
  bool assignments;  // env: NAME=value words before the command
};

constexpr Wrapper kWrappers[] = {
    {"sudo", "-u,-g,-C,-D,-h,-p,-r,-t,-U,--user,--group,--chdir,--prompt", 0, false},
    {"timeout", "-s,-k,--signal,--kill-after", 1, false},
    {"nohup", "", 0, false},
    {"time", "-f,-o,--format,--output", 0, false},
    {"command", "", 0, false},
    {"exec", "-a", 0, false},
    {"nice", "-n,--adjustment", 0, false},
    {"stdbuf", "-i,-o,-e", 0, false},
    {"watch", "-n,--interval,-q,--equexit", 0, false},
    {"env", "-u,--unset,-C,--chdir,-S,--split-string", 0, true},
};

constexpr char kXargsValueOptions[] =
    "-a,-d,-E,-I,-L,-n,-P,-s,--arg-file,--delimiter,--eof,--replace,--max-lines,--max-args,"
    "--max-procs,--max-chars,--process-slot-var";

bool InList(absl::string_view list, absl::string_view word) {
  for (absl::string_view item : absl::StrSplit(list, ',', absl::SkipEmpty())) {
    if (word == item || absl::StartsWith(word, absl::StrCat(item, "="))) return true;
  }
  return false;
}

// `-ni`, `-i.bak`: a cluster of short options containing `letter`.
bool HasShortOption(absl::string_view word, char letter) {
  if (letter == 0 || word.size() < 2 || word[0] != '-' || word[1] == '-') return false;
  absl::string_view cluster = word.substr(1, word.find('.') - 1);
  return cluster.find(letter) != absl::string_view::npos;
}

bool IsAssignment(absl::string_view word) {
  size_t eq = word.find('=');
  return eq != absl::string_view::npos && eq > 0 && word[0] != '-';
}

const Wrapper* FindWrapper(const std::vector<std::string>& argv) {
  absl::string_view name = ProgramName(argv[0]);
  // `command -v kubectl` only looks the program up.
  if (name == "command" && argv.size() > 1 && (argv[1] == "-v" || argv[1] == "-V")) {
    return nullptr;
  }
  for (const Wrapper& wrapper : kWrappers) {
    if (name == wrapper.name) return &wrapper;
  }
  return nullptr;
}

size_t SkipOptions(const std::vector<std::string>& argv, absl::string_view value_options,
                   bool assignments) {
  size_t i = 1;
  while (i < argv.size()) {
    const std::string& word = argv[i];
    if (assignments && IsAssignment(word)) {
      ++i;
    } else if (word == "--") {
      return i + 1;
    } else if (word.size() < 2 || word[0] != '-') {
      return i;
    } else {
      i += InList(value_options, word) && word.find('=') == std::string::npos ? 2 : 1;
    }
  }
  return std::min(i, argv.size());  // a value option may be the last word (`xargs -n`)
}

// -I's replacement string, in `-I R`, `-IR`, `--replace=R` or `-i[R]`.
std::string XargsReplacement(const std::vector<std::string>& argv, size_t end) {
  std::string replace;
  for (size_t i = 1; i < end; ++i) {
    absl::string_view word = argv[i];
    if ((word == "-I" || word == "--replace") && i + 1 < end) {
      replace = argv[i + 1];
    } else if (absl::ConsumePrefix(&word, "--replace=") || absl::ConsumePrefix(&word, "-I") ||
               absl::ConsumePrefix(&word, "-i")) {
      replace = word.empty() ? "{}" : std::string(word);
    }
  }
  return replace;
}

}  // namespace

absl::string_view ProgramName(absl::string_view word) {
  return word.substr(word.find_last_of('/') + 1);
}

LocalProgram ClassifyLocalProgram(const std::vector<std::string>& argv) {
  absl::string_view name = ProgramName(argv[0]);
  for (const LocalTool& tool : kLocalTools) {
    if (name != tool.name) continue;
    for (size_t i = 1; i < argv.size(); ++i) {
      if (HasShortOption(argv[i], tool.letter) || InList(tool.words, argv[i])) {
        return LocalProgram{LocalKind::kWrites, tool.problem};
      }
    }
    return LocalProgram{LocalKind::kReadOnly, ""};
  }
  return LocalProgram{LocalKind::kUnknown, ""};
}

std::vector<std::string> UnwrapCommand(const std::vector<std::string>& argv) {
  std::vector<std::string> command = argv;
  while (!command.empty()) {
    const Wrapper* wrapper = FindWrapper(command);
    if (wrapper == nullptr) break;
    size_t start = SkipOptions(command, wrapper->value_options, wrapper->assignments) +
                   wrapper->positionals;
    command.erase(command.begin(), command.begin() + std::min(start, command.size()));
  }
  return command;
}

std::optional<std::vector<std::string>> XargsCommand(const std::vector<std::string>& argv,
                                                     absl::string_view placeholder) {
  if (argv.empty() || ProgramName(argv[0]) != "xargs") return std::nullopt;
  size_t start = SkipOptions(argv, kXargsValueOptions, false);
  std::string replace = XargsReplacement(argv, start);
  std::vector<std::string> command(argv.begin() + std::min(start, argv.size()), argv.end());
  if (command.empty()) command.push_back("echo");
  if (replace.empty()) {
    command.emplace_back(placeholder);
    return command;
  }
  for (std::string& word : command) word = absl::StrReplaceAll(word, {{replace, placeholder}});
  return command;
}

std::vector<std::string> CommandSubstitutions(absl::string_view word) {
  std::vector<std::string> out;
  for (size_t i = 0; i < word.size(); ++i) {
    if (word[i] == '`') {
      size_t close = word.find('`', i + 1);
      if (close == absl::string_view::npos) break;
      out.emplace_back(word.substr(i + 1, close - i - 1));
      i = close;
    } else if (word[i] == '$' && i + 1 < word.size() && word[i + 1] == '(') {
      bool arithmetic = i + 2 < word.size() && word[i + 2] == '(';
      int depth = 0;
      size_t j = i + 1;
      for (; j < word.size(); ++j) {
        depth += word[j] == '(' ? 1 : word[j] == ')' ? -1 : 0;
        if (depth == 0) break;
      }
      if (!arithmetic && j < word.size()) out.emplace_back(word.substr(i + 2, j - i - 2));
      i = j;
    }
  }
  return out;
}

}  // namespace kreplay
