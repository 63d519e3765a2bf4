#include "sim/exec_probe.h"

#include <map>
#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "sim/sh_script.h"

namespace kreplay {
namespace {

// Sentinels the pre-pass leaves in the script for the lexer of
// sim/sh_script.h, which takes them as ordinary word characters.
constexpr char kStatus = '\x01';      // `$?`
constexpr char kSubstOpen = '\x02';   // `$(cat FILE)` number N: \x02 N \x03
constexpr char kSubstClose = '\x03';
constexpr char kUnquoted = '\x04';    // marks an unquoted substitution
constexpr char kBracket = '\x05';     // `[` as a word (test), not a glob

// The outcome of one command: its exit status, or what is outside the model.
struct Status {
  int code = 0;
  std::string unknown;  // non-empty: outside the model
};

Status Code(int code) { return Status{code, ""}; }
Status Unknown(std::string what) { return Status{0, std::move(what)}; }

// The script with `$?` and `$(cat FILE)` replaced by sentinels, and the
// FILEs in order; nullopt (with `refusal` set) for any other `$` form.
struct Prepared {
  std::string script;
  std::vector<std::string> files;
};

// Whether position `i` of `script` starts a word.
bool WordStart(const std::string& script, size_t i) {
  return i == 0 || std::string(" \t\n;&|").find(script[i - 1]) != std::string::npos;
}

std::optional<Prepared> Prepare(const std::string& script, std::string& refusal) {
  Prepared out;
  bool single = false;
  bool dquote = false;
  for (size_t i = 0; i < script.size(); ++i) {
    char c = script[i];
    if (c == '\\' && !single && i + 1 < script.size()) {
      out.script.append(script, i, 2);
      ++i;
      continue;
    }
    if (c == '[' && !single && !dquote && WordStart(script, i) &&
        (i + 1 == script.size() || script[i + 1] == ' ' || script[i + 1] == '\t')) {
      out.script.push_back(kBracket);
      continue;
    }
    if (c == '\'' && !dquote) single = !single;
    if (c == '"' && !single) dquote = !dquote;
    if (c != '$' || single) {
      out.script.push_back(c);
      continue;
    }
    if (script.compare(i, 2, "$?") == 0) {
      out.script.push_back(kStatus);
      ++i;
      continue;
    }
    size_t close = script.find(')', i);
    std::string inner = close == std::string::npos ? "" : script.substr(i + 2, close - i - 2);
    std::string path;
    if (script.compare(i, 2, "$(") != 0 || !absl::StartsWith(inner, "cat ") ||
        (path = std::string(absl::StripAsciiWhitespace(inner.substr(4)))).empty() ||
        path.find_first_of(" \t'\"$`\\;&|<>()*?[") != std::string::npos) {
      refusal = "an expansion other than `$?` and `$(cat FILE)`";
      return std::nullopt;
    }
    if (!dquote) out.script.push_back(kUnquoted);
    absl::StrAppend(&out.script, std::string(1, kSubstOpen), out.files.size(),
                    std::string(1, kSubstClose));
    out.files.push_back(path);
    i = close;
  }
  return out;
}

class Interpreter {
 public:
  Interpreter(const ProbeContext& context, std::vector<std::string> files)
      : context_(context), files_(std::move(files)) {}

  // Runs `list`; sets exited_ on `exit`.
  Status RunList(const ShList& list) {
    for (const ShAndOr& and_or : list) {
      Status s = RunAndOr(and_or);
      if (!s.unknown.empty() || exited_) return s;
    }
    return Code(last_);
  }

  Status RunArgv(const std::vector<std::string>& argv) { return Run(argv); }

 private:
  Status RunAndOr(const ShAndOr& and_or) {
    Status s = RunCommand(and_or.commands[0]);
    for (size_t i = 1; i < and_or.commands.size() && s.unknown.empty() && !exited_; ++i) {
      bool want_success = and_or.joins[i - 1];
      if ((last_ == 0) != want_success) continue;
      s = RunCommand(and_or.commands[i]);
    }
    return s;
  }

  Status RunCommand(const ShCommand& command) {
    if (command.kind != ShCommand::Kind::kSimple) return Unknown("a loop");
    std::vector<std::string> argv;
    for (const std::string& word : command.words) {
      std::optional<std::string> expanded = Expand(word);
      if (!expanded) return Unknown(unknown_);
      argv.push_back(*expanded);
    }
    Status s = Run(argv);
    if (s.unknown.empty()) last_ = s.code;
    return s;
  }

  // The word with its sentinels expanded; nullopt (unknown_ set) when a
  // file's content is not known or an unquoted one is not one field.
  std::optional<std::string> Expand(const std::string& word) {
    std::string out;
    for (size_t i = 0; i < word.size(); ++i) {
      if (word[i] == kStatus) {
        absl::StrAppend(&out, last_);
        continue;
      }
      if (word[i] == kBracket) {
        out.push_back('[');
        continue;
      }
      bool unquoted = word[i] == kUnquoted;
      if (unquoted) ++i;
      if (i >= word.size() || word[i] != kSubstOpen) {
        if (i < word.size()) out.push_back(word[i]);
        continue;
      }
      size_t close = word.find(kSubstClose, i);
      size_t index = 0;
      if (!absl::SimpleAtoi(word.substr(i + 1, close - i - 1), &index)) return std::nullopt;
      std::optional<std::string> content = Content(files_[index]);
      if (!content) return Fail(absl::StrCat("the content of ", files_[index]));
      std::string value(absl::StripTrailingAsciiWhitespace(*content));
      if (unquoted && (value.empty() || value.find_first_of(" \t\n") != std::string::npos)) {
        return Fail("an unquoted substitution that is not one field");
      }
      out += value;
      i = close;
    }
    return out;
  }

  std::optional<std::string> Fail(std::string what) {
    unknown_ = std::move(what);
    return std::nullopt;
  }

  // "" for a missing file; nullopt when it exists with unknown content.
  std::optional<std::string> Content(const std::string& path) const {
    if (context_.fs == nullptr) return std::nullopt;
    std::string p = NormalizePath(path);
    if (context_.fs->Stat(p) != ContainerFs::Kind::kFile) return std::string();
    return context_.fs->Content(p);
  }

  ContainerFs::Kind Stat(const std::string& path) const {
    if (context_.fs == nullptr) return ContainerFs::Kind::kNone;
    return context_.fs->Stat(NormalizePath(path));
  }

  Status Run(const std::vector<std::string>& argv);
  Status Test(std::vector<std::string> args);
  Status Wget(const std::vector<std::string>& argv);
  Status Nc(const std::vector<std::string>& argv);
  Status Paths(const std::vector<std::string>& argv, bool dirs_ok);

  const ProbeContext& context_;
  std::vector<std::string> files_;
  int last_ = 0;
  bool exited_ = false;
  std::string unknown_;
};

Status Interpreter::Run(const std::vector<std::string>& argv) {
  if (argv.empty()) return Code(last_);
  const std::string& program = argv[0];
  if (program == "true" || program == ":" || program == "echo" || program == "printf" ||
      program == "sleep") {
    return Code(0);
  }
  if (program == "false") return Code(1);
  if (program == "exit") {
    exited_ = true;
    int code = last_;
    if (argv.size() > 1 && !absl::SimpleAtoi(argv[1], &code)) code = 2;
    return Code(code & 255);
  }
  if (program == "test") return Test({argv.begin() + 1, argv.end()});
  if (program == "[") {
    if (argv.back() != "]") return Code(2);  // busybox: "[: missing ]"
    return Test({argv.begin() + 1, argv.end() - 1});
  }
  if (program == "wget") return Wget(argv);
  if (program == "nc") return Nc(argv);
  if (program == "cat") return Paths(argv, false);
  if (program == "ls") return Paths(argv, true);
  return Unknown(absl::StrCat("the program `", program, "`"));
}

Status Interpreter::Paths(const std::vector<std::string>& argv, bool dirs_ok) {
  int code = 0;
  for (size_t i = 1; i < argv.size(); ++i) {
    if (absl::StartsWith(argv[i], "-")) return Unknown(absl::StrCat(argv[0], " options"));
    ContainerFs::Kind kind = Stat(argv[i]);
    if (kind == ContainerFs::Kind::kNone || (kind == ContainerFs::Kind::kDir && !dirs_ok)) {
      code = 1;
    }
  }
  return Code(code);
}

// busybox test: 0 true, 1 false, 2 error.
Status Interpreter::Test(std::vector<std::string> args) {
  bool negate = false;
  if (!args.empty() && args[0] == "!" && args.size() > 1) {
    negate = true;
    args.erase(args.begin());
  }
  auto result = [negate](bool value) { return Code(value != negate ? 0 : 1); };
  if (args.empty()) return result(false);
  if (args.size() == 1) return result(!args[0].empty());
  if (args.size() == 2) {
    const std::string& op = args[0];
    const std::string& x = args[1];
    if (op == "-n") return result(!x.empty());
    if (op == "-z") return result(x.empty());
    ContainerFs::Kind kind = Stat(x);
    if (op == "-e") return result(kind != ContainerFs::Kind::kNone);
    if (op == "-f") return result(kind == ContainerFs::Kind::kFile);
    if (op == "-d") return result(kind == ContainerFs::Kind::kDir);
    if (op == "-s") {
      std::optional<std::string> content = Content(x);
      if (kind == ContainerFs::Kind::kFile && !content) return Unknown("test -s of a file of unknown content");
      return result(content && !content->empty());
    }
    return Unknown(absl::StrCat("test ", op));
  }
  if (args.size() != 3) return Unknown("test with more than three arguments");
  const std::string& op = args[1];
  if (op == "=" || op == "==") return result(args[0] == args[2]);
  if (op == "!=") return result(args[0] != args[2]);
  static const std::map<std::string, std::function<bool(int64_t, int64_t)>> kIntOps = {
      {"-eq", [](int64_t a, int64_t b) { return a == b; }},
      {"-ne", [](int64_t a, int64_t b) { return a != b; }},
      {"-lt", [](int64_t a, int64_t b) { return a < b; }},
      {"-le", [](int64_t a, int64_t b) { return a <= b; }},
      {"-gt", [](int64_t a, int64_t b) { return a > b; }},
      {"-ge", [](int64_t a, int64_t b) { return a >= b; }},
  };
  auto it = kIntOps.find(op);
  if (it == kIntOps.end()) return Unknown(absl::StrCat("test ", op));
  int64_t a = 0;
  int64_t b = 0;
  if (!absl::SimpleAtoi(args[0], &a) || !absl::SimpleAtoi(args[2], &b)) {
    return Code(2);  // sh: invalid number
  }
  return result(it->second(a, b));
}

// HOST and PORT of `http://HOST[:PORT][/PATH]`; nullopt for anything else.
std::optional<std::pair<std::string, int64_t>> ParseHttpUrl(const std::string& url) {
  absl::string_view rest = url;
  if (!absl::ConsumePrefix(&rest, "http://")) return std::nullopt;
  absl::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  int64_t port = 80;
  size_t colon = authority.rfind(':');
  if (colon != absl::string_view::npos) {
    if (!absl::SimpleAtoi(authority.substr(colon + 1), &port)) return std::nullopt;
    authority = authority.substr(0, colon);
  }
  if (authority.empty() || port <= 0 || port > 65535) return std::nullopt;
  return std::make_pair(std::string(authority), port);
}

Status Interpreter::Wget(const std::vector<std::string>& argv) {
  // busybox wget options that take an argument (combined forms like -qO-).
  static const std::string kWithArgument = "OTUYPo";
  std::string url;
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (absl::StartsWith(a, "--")) {
      if (a == "--spider" || a == "--quiet" || absl::StartsWith(a, "--timeout=")) continue;
      return Unknown(absl::StrCat("wget ", a));
    }
    if (!absl::StartsWith(a, "-") || a == "-") {
      if (!url.empty()) return Unknown("wget of several URLs");
      url = a;
      continue;
    }
    for (size_t j = 1; j < a.size(); ++j) {
      if (kWithArgument.find(a[j]) != std::string::npos) {
        if (j + 1 == a.size()) ++i;  // the argument is the next word
        break;
      }
      if (a[j] != 'q' && a[j] != 'S' && a[j] != 's') return Unknown(absl::StrCat("wget -", std::string(1, a[j])));
    }
  }
  std::optional<std::pair<std::string, int64_t>> target = ParseHttpUrl(url);
  if (!target) return Unknown(absl::StrCat("wget of `", url, "`"));
  if (!context_.connect) return Unknown("the network");
  return Code(context_.connect(target->first, target->second) ? 0 : 1);
}

Status Interpreter::Nc(const std::vector<std::string>& argv) {
  std::vector<std::string> operands;
  bool scan = false;
  for (size_t i = 1; i < argv.size(); ++i) {
    if (argv[i] == "-z") {
      scan = true;
    } else if (argv[i] == "-w" && i + 1 < argv.size()) {
      ++i;
    } else if (absl::StartsWith(argv[i], "-")) {
      return Unknown(absl::StrCat("nc ", argv[i]));
    } else {
      operands.push_back(argv[i]);
    }
  }
  int64_t port = 0;
  if (!scan || operands.size() != 2 || !absl::SimpleAtoi(operands[1], &port)) {
    return Unknown("nc other than `nc -z HOST PORT`");
  }
  if (!context_.connect) return Unknown("the network");
  return Code(context_.connect(operands[0], port) ? 0 : 1);
}

bool IsShell(const std::string& program) {
  static const char* const kShells[] = {"sh", "/bin/sh", "ash", "/bin/ash", "bash",
                                        "/bin/bash"};
  for (const char* shell : kShells) {
    if (program == shell) return true;
  }
  return false;
}

ProbeResult Finish(const Status& s) {
  ProbeResult out;
  if (!s.unknown.empty()) {
    out.unknown = s.unknown;
    return out;
  }
  out.exit_code = s.code;
  out.outcome = s.code == 0 ? ProbeOutcome::kSuccess : ProbeOutcome::kFailure;
  return out;
}

}  // namespace

ProbeResult RunExecProbe(const std::vector<std::string>& command,
                         const ProbeContext& context) {
  if (command.empty()) return Finish(Unknown("an empty command"));
  if (!IsShell(command[0])) return Finish(Interpreter(context, {}).RunArgv(command));
  if (command.size() < 3 || command[1] != "-c") return Finish(Unknown("a shell without -c"));
  std::string refusal;
  std::optional<Prepared> prepared = Prepare(command[2], refusal);
  if (!prepared) return Finish(Unknown(refusal));
  absl::StatusOr<ShList> script = ParseShScript(prepared->script);
  if (!script.ok()) return Finish(Unknown(std::string(script.status().message())));
  Interpreter run(context, prepared->files);
  return Finish(run.RunList(*script));
}

}  // namespace kreplay
