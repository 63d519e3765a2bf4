#include "sim/container_process.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "sim/sh_script.h"

namespace kreplay {
namespace {

using Words = std::vector<std::string>;

// How a command leaves the script: it goes on, it is now the running
// process (a server, a long sleep, a loop), the process ends, or kreplay
// does not know.
enum class Flow { kNext, kBlocked, kExit, kUnknown };

struct Sink {
  enum class Kind { kLog, kNull, kFile };
  Kind kind = Kind::kLog;
  std::string path;
};

struct Io {
  Sink out;
  Sink err;
};

std::string Basename(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string Repository(const std::string& image) {
  std::string last = Basename(image.substr(0, image.find('@')));
  return last.substr(0, last.find(':'));
}

// `-rf` -> {'r', 'f'} when every letter is in `allowed`.
std::optional<std::set<char>> Letters(const std::string& word, absl::string_view allowed) {
  if (word.size() < 2 || word[0] != '-' || word == "--") return std::nullopt;
  std::set<char> out;
  for (size_t i = 1; i < word.size(); ++i) {
    if (allowed.find(word[i]) == absl::string_view::npos) return std::nullopt;
    out.insert(word[i]);
  }
  return out;
}

// "3600", "1.5", "2m", "infinity" in seconds; nullopt when invalid.
std::optional<double> Seconds(const std::string& word) {
  if (word == "infinity") return INFINITY;
  std::string number = word;
  double scale = 1;
  if (!number.empty()) {
    switch (number.back()) {
      case 's': scale = 1; number.pop_back(); break;
      case 'm': scale = 60; number.pop_back(); break;
      case 'h': scale = 3600; number.pop_back(); break;
      case 'd': scale = 86400; number.pop_back(); break;
      default: break;
    }
  }
  double value = 0;
  if (number.empty() || number[0] == '-' || !absl::SimpleAtod(number, &value)) return std::nullopt;
  return value * scale;
}

std::optional<int64_t> PortOf(const std::string& spec) {
  size_t colon = spec.rfind(':');
  std::string digits = colon == std::string::npos ? spec : spec.substr(colon + 1);
  int64_t port = 0;
  if (digits.empty() || !absl::SimpleAtoi(digits, &port) || port < 1 || port > 65535) {
    return std::nullopt;
  }
  return port;
}

// echo -e's and printf's backslash escapes; `stop` is set at `\c`.
std::string Unescape(const std::string& text, bool* stop) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 >= text.size()) {
      out.push_back(text[i]);
      continue;
    }
    char c = text[++i];
    switch (c) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case '\\': out.push_back('\\'); break;
      case 'c':
        if (stop) *stop = true;
        return out;
      default:
        out.push_back('\\');
        out.push_back(c);
    }
  }
  return out;
}

class Interpreter {
 public:
  Interpreter(const ImageBehavior& image, ContainerFs fs, std::string cwd,
              ContainerProcess& out)
      : image_(image), repository_(Repository(image.image)), fs_(std::move(fs)),
        cwd_(std::move(cwd)), out_(out) {}

  Flow RunList(const ShList& list) {
    for (const ShAndOr& item : list) {
      Flow flow = RunAndOr(item);
      if (flow != Flow::kNext) return flow;
    }
    return Flow::kNext;
  }

  // Runs argv as the container's process (no shell).
  Flow RunArgv(const Words& argv) {
    ShCommand command;
    command.words = argv;
    return Exec(command);
  }

  void Finish() {
    if (!partial_.empty()) AddLogLine(partial_);
    partial_.clear();
  }

  int status() const { return status_; }
  const std::string& last_error() const { return last_error_; }
  const std::string& unknown() const { return unknown_; }
  const ContainerFs& fs() const { return fs_; }
  const std::set<int64_t>& ports() const { return ports_; }

 private:
  using Handler = Flow (Interpreter::*)(const Words& args, Io& io);

  struct Program {
    const char* name;
    const char* image;  // the image repository it needs, nullptr: any image
    Handler run;
  };

  static const std::vector<Program>& Programs() {
    static const std::vector<Program> kPrograms = {
        {"echo", nullptr, &Interpreter::Echo},    {"printf", nullptr, &Interpreter::Printf},
        {"mkdir", nullptr, &Interpreter::Mkdir},  {"rm", nullptr, &Interpreter::Rm},
        {"cp", nullptr, &Interpreter::Cp},        {"sed", nullptr, &Interpreter::Sed},
        {"cat", nullptr, &Interpreter::Cat},      {"touch", nullptr, &Interpreter::Touch},
        {"sleep", nullptr, &Interpreter::Sleep},  {"true", nullptr, &Interpreter::True},
        {":", nullptr, &Interpreter::True},       {"false", nullptr, &Interpreter::False},
        {"exit", nullptr, &Interpreter::Exit},    {"httpd", "busybox", &Interpreter::Httpd},
        {"nc", "busybox", &Interpreter::Nc},      {"nginx", "nginx", &Interpreter::Nginx},
    };
    return kPrograms;
  }

  Flow Unknown(std::string why) {
    if (unknown_.empty()) unknown_ = std::move(why);
    return Flow::kUnknown;
  }

  Flow RunAndOr(const ShAndOr& item) {
    Flow flow = RunCommand(item.commands[0]);
    for (size_t i = 1; i < item.commands.size() && flow == Flow::kNext; ++i) {
      if (item.joins[i - 1] == (status_ == 0)) flow = RunCommand(item.commands[i]);
    }
    return flow;
  }

  Flow RunCommand(const ShCommand& command) {
    if (++commands_ > kMaxProcessCommands) {
      return Unknown(absl::StrCat("more than ", kMaxProcessCommands, " commands"));
    }
    if (command.kind == ShCommand::Kind::kWhile) return RunWhile(command);
    if (command.words[0] == "exec") {
      if (command.words.size() == 1) return Unknown("`exec` without a command");
      ShCommand rest = command;
      rest.words.erase(rest.words.begin());
      return Exec(rest);
    }
    return RunSimple(command);
  }

  // `exec CMD`: CMD is the process; when it returns, the process ends.
  Flow Exec(const ShCommand& command) {
    Flow flow = RunSimple(command);
    return flow == Flow::kNext ? Flow::kExit : flow;
  }

  Flow RunWhile(const ShCommand& loop) {
    const ShList& c = loop.condition;
    bool forever = c.size() == 1 && c[0].commands.size() == 1 &&
                   c[0].commands[0].kind == ShCommand::Kind::kSimple &&
                   c[0].commands[0].words.size() == 1 && c[0].commands[0].redirects.empty() &&
                   (c[0].commands[0].words[0] == "true" || c[0].commands[0].words[0] == ":");
    if (!forever) {
      return Unknown(absl::StrCat("line ", loop.line, ": a loop whose condition is not `true`"));
    }
    status_ = 0;
    Flow flow = RunList(loop.body);  // once: every later pass does the same
    return flow == Flow::kNext ? Flow::kBlocked : flow;
  }

  Flow RunSimple(const ShCommand& command) {
    Io io;
    for (const ShRedirect& r : command.redirects) {
      if (r.fd != 1 && r.fd != 2) return Unknown(absl::StrCat("a redirection of descriptor ", r.fd));
      Sink& sink = r.fd == 1 ? io.out : io.err;
      if (r.dup) {
        if (r.target != "1" && r.target != "2") {
          return Unknown(absl::StrCat("a redirection to descriptor ", r.target));
        }
        sink = r.target == "1" ? io.out : io.err;
        continue;
      }
      if (r.target == "/dev/null") {
        sink = Sink{Sink::Kind::kNull, ""};
        continue;
      }
      std::string path = NormalizePath(r.target, cwd_);
      std::string error = fs_.WriteFile(path, std::string(), r.append);
      if (error == kFsBoundError) return Unknown(error);
      if (!error.empty()) {
        if (error == "No such file or directory") error = "nonexistent directory";
        Error(Io{}, absl::StrCat("sh: can't create ", r.target, ": ", error));
        status_ = 1;
        return Flow::kNext;
      }
      sink = Sink{Sink::Kind::kFile, path};
    }
    Words words = command.words;
    if (Basename(words[0]) == "busybox" && words.size() > 1) words.erase(words.begin());
    std::string name = Basename(words[0]);
    for (const Program& p : Programs()) {
      if (name != p.name) continue;
      if (p.image != nullptr && !absl::StrContains(repository_, p.image)) break;
      Flow flow = (this->*p.run)(words, io);
      if (bound_hit_) return Unknown(kFsBoundError);
      return flow;
    }
    if (name == repository_) return ImageProcess();
    return Unknown(absl::StrCat("line ", command.line, ": the program `", name,
                                "` on image ", image_.image));
  }

  // The image's own program: it runs as the world says.
  Flow ImageProcess() {
    out_.image_program = true;
    ports_.insert(image_.ports.begin(), image_.ports.end());
    return Flow::kBlocked;
  }

  void AddLogLine(std::string line) {
    if (out_.log.size() >= kMaxLogLines) return;
    if (line.size() > kMaxLogLineBytes) line.resize(kMaxLogLineBytes);
    out_.log.push_back(std::move(line));
  }

  void Emit(const Sink& sink, const std::string& text) {
    switch (sink.kind) {
      case Sink::Kind::kNull:
        return;
      case Sink::Kind::kFile:
        if (fs_.WriteFile(sink.path, text, true) == kFsBoundError) bound_hit_ = true;
        return;
      case Sink::Kind::kLog: {
        partial_ += text;
        size_t start = 0;
        for (size_t nl = partial_.find('\n'); nl != std::string::npos;
             nl = partial_.find('\n', start)) {
          AddLogLine(partial_.substr(start, nl - start));
          start = nl + 1;
        }
        partial_.erase(0, start);
        if (partial_.size() > kMaxLogLineBytes) partial_.resize(kMaxLogLineBytes);
        return;
      }
    }
  }

  void Error(const Io& io, const std::string& line) {
    last_error_ = line;
    Emit(io.err, line + "\n");
  }

  // The programs, each as busybox runs it.

  Flow Echo(const Words& args, Io& io) {
    size_t i = 1;
    bool newline = true;
    bool escapes = false;
    for (; i < args.size(); ++i) {
      std::optional<std::set<char>> flags = Letters(args[i], "neE");
      if (!flags) break;
      newline &= !flags->contains('n');
      if (flags->contains('e')) escapes = true;
      if (flags->contains('E')) escapes = false;
    }
    std::string text = absl::StrJoin(args.begin() + i, args.end(), " ");
    bool stop = false;
    if (escapes) text = Unescape(text, &stop);
    Emit(io.out, newline && !stop ? text + "\n" : text);
    status_ = 0;
    return Flow::kNext;
  }

  Flow Printf(const Words& args, Io& io) {
    if (args.size() < 2) {
      Error(io, "printf: usage: printf FORMAT [ARGUMENT]...");
      status_ = 1;
      return Flow::kNext;
    }
    const std::string& format = args[1];
    size_t next = 2;
    std::string text;
    for (int pass = 0; pass < 100; ++pass) {
      bool consumed = false;
      for (size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%' || i + 1 >= format.size()) {
          text.push_back(format[i]);
          continue;
        }
        char c = format[++i];
        if (c == '%') {
          text.push_back('%');
        } else if (c == 's' || c == 'd' || c == 'i') {
          std::string arg = next < args.size() ? args[next++] : "";
          if (c != 's' && arg.empty()) arg = "0";
          text += arg;
          consumed = true;
        } else {
          return Unknown(absl::StrCat("printf's conversion %", std::string(1, c)));
        }
      }
      if (!consumed || next >= args.size()) break;
    }
    Emit(io.out, Unescape(text, nullptr));
    status_ = 0;
    return Flow::kNext;
  }

  // The operands of a command, after the flags in `letters` (and those of
  // `valued`, which take the next word); nullopt on another flag.
  std::optional<Words> Operands(const Words& args, absl::string_view letters,
                                std::set<char>* flags, absl::string_view valued = "",
                                std::map<char, std::string>* values = nullptr) {
    Words out;
    bool operands_only = false;
    for (size_t i = 1; i < args.size(); ++i) {
      const std::string& a = args[i];
      if (operands_only || a.size() < 2 || a[0] != '-') {
        out.push_back(a);
        continue;
      }
      if (a == "--") {
        operands_only = true;
        continue;
      }
      if (a.size() == 2 && valued.find(a[1]) != absl::string_view::npos) {
        if (i + 1 >= args.size()) return std::nullopt;
        if (values) (*values)[a[1]] = args[++i];
        continue;
      }
      std::optional<std::set<char>> f = Letters(a, letters);
      if (!f) return std::nullopt;
      flags->insert(f->begin(), f->end());
    }
    return out;
  }

  Flow BadFlags(const Words& args) {
    return Unknown(absl::StrCat("`", absl::StrJoin(args, " "), "` (its flags)"));
  }

  Flow Mkdir(const Words& args, Io& io) {
    std::set<char> flags;
    std::optional<Words> paths = Operands(args, "p", &flags, "m");
    if (!paths) return BadFlags(args);
    status_ = 0;
    for (const std::string& p : *paths) {
      std::string error = fs_.MakeDir(NormalizePath(p, cwd_), flags.contains('p'));
      if (error == kFsBoundError) return Unknown(error);
      if (!error.empty()) {
        Error(io, absl::StrCat("mkdir: can't create directory '", p, "': ", error));
        status_ = 1;
      }
    }
    return Flow::kNext;
  }

  Flow Rm(const Words& args, Io& io) {
    std::set<char> flags;
    std::optional<Words> paths = Operands(args, "rRf", &flags);
    if (!paths) return BadFlags(args);
    bool recursive = flags.contains('r') || flags.contains('R');
    status_ = 0;
    for (const std::string& p : *paths) {
      std::string error = fs_.Remove(NormalizePath(p, cwd_), recursive, flags.contains('f'));
      if (error == kFsBoundError) return Unknown(error);
      if (error.empty()) continue;
      Error(io, error == "Is a directory" ? absl::StrCat("rm: '", p, "' is a directory")
                                          : absl::StrCat("rm: can't remove '", p, "': ", error));
      status_ = 1;
    }
    return Flow::kNext;
  }

  Flow Cp(const Words& args, Io& io) {
    std::set<char> flags;
    std::optional<Words> paths = Operands(args, "rRapfdP", &flags);
    if (!paths) return BadFlags(args);
    status_ = 0;
    if (paths->size() < 2) {
      Error(io, "cp: missing operand");
      status_ = 1;
      return Flow::kNext;
    }
    bool recursive = flags.contains('r') || flags.contains('R') || flags.contains('a');
    std::string dst = paths->back();
    std::string dst_path = NormalizePath(dst, cwd_);
    bool into_dir = fs_.Stat(dst_path) == ContainerFs::Kind::kDir;
    if (paths->size() > 2 && !into_dir) {
      Error(io, absl::StrCat("cp: '", dst, "' is not a directory"));
      status_ = 1;
      return Flow::kNext;
    }
    for (size_t i = 0; i + 1 < paths->size(); ++i) {
      const std::string& src = (*paths)[i];
      std::string src_path = NormalizePath(src, cwd_);
      bool dir = fs_.Stat(src_path) == ContainerFs::Kind::kDir;
      std::string error = fs_.Copy(src_path, dst_path, recursive);
      if (error.empty()) continue;
      if (error == kFsBoundError) return Unknown(error);
      std::string target = into_dir ? absl::StrCat(dst, "/", Basename(src_path)) : dst;
      if (absl::StartsWith(error, "stat:")) {
        Error(io, absl::StrCat("cp: can't stat '", src, "': ", error.substr(5)));
      } else if (error == "omit:") {
        Error(io, absl::StrCat("cp: omitting directory '", src, "'"));
      } else {
        Error(io, absl::StrCat("cp: can't create ", dir ? "directory " : "", "'", target,
                               "': ", error));
      }
      status_ = 1;
    }
    return Flow::kNext;
  }

  Flow Sed(const Words& args, Io& io) {
    std::set<char> flags;
    std::map<char, std::string> values;
    std::optional<Words> operands = Operands(args, "iErn", &flags, "e", &values);
    if (!operands) return BadFlags(args);
    if (!flags.contains('i')) return Unknown("`sed` without -i (its output)");
    Words files = *operands;
    if (!values.contains('e')) {
      if (files.empty()) return BadFlags(args);
      files.erase(files.begin());  // the script
    }
    if (files.empty()) return Unknown("`sed -i` without a file");
    status_ = 0;
    for (const std::string& f : files) {
      std::string path = NormalizePath(f, cwd_);
      ContainerFs::Kind kind = fs_.Stat(path);
      if (kind != ContainerFs::Kind::kFile) {
        Error(io, absl::StrCat("sed: ", f, ": ",
                               kind == ContainerFs::Kind::kDir ? "Is a directory"
                                                               : "No such file or directory"));
        status_ = 1;
        continue;
      }
      std::string error = fs_.WriteFile(path, std::nullopt, false);
      if (error == kFsBoundError) return Unknown(error);
      if (!error.empty()) {
        // busybox writes a temporary file beside it and dies when it cannot.
        Error(io, absl::StrCat("sed: can't create temp file '", f, "XXXXXX': ", error));
        status_ = 1;
        return Flow::kNext;
      }
    }
    return Flow::kNext;
  }

  Flow Cat(const Words& args, Io& io) {
    std::set<char> flags;
    std::optional<Words> files = Operands(args, "", &flags);
    if (!files) return BadFlags(args);
    status_ = 0;
    for (const std::string& f : *files) {
      std::string path = NormalizePath(f, cwd_);
      ContainerFs::Kind kind = fs_.Stat(path);
      if (kind == ContainerFs::Kind::kNone) {
        Error(io, absl::StrCat("cat: can't open '", f, "': No such file or directory"));
        status_ = 1;
      } else if (kind == ContainerFs::Kind::kDir) {
        Error(io, "cat: read error: Is a directory");
        status_ = 1;
      } else if (std::optional<std::string> content = fs_.Content(path)) {
        Emit(io.out, *content);
      }
    }
    return Flow::kNext;
  }

  Flow Touch(const Words& args, Io& io) {
    std::set<char> flags;
    std::optional<Words> files = Operands(args, "", &flags);
    if (!files) return BadFlags(args);
    status_ = 0;
    for (const std::string& f : *files) {
      std::string path = NormalizePath(f, cwd_);
      std::string error;
      if (fs_.Stat(path) == ContainerFs::Kind::kNone) {
        error = fs_.WriteFile(path, std::string(), true);
      } else if (!fs_.Writable(path)) {
        error = "Read-only file system";
      }
      if (error == kFsBoundError) return Unknown(error);
      if (!error.empty()) {
        Error(io, absl::StrCat("touch: ", f, ": ", error));
        status_ = 1;
      }
    }
    return Flow::kNext;
  }

  Flow Sleep(const Words& args, Io& io) {
    double total = 0;
    for (size_t i = 1; i < args.size(); ++i) {
      std::optional<double> s = Seconds(args[i]);
      if (!s) {
        Error(io, absl::StrCat("sleep: invalid number '", args[i], "'"));
        status_ = 1;
        return Flow::kNext;
      }
      total += *s;
    }
    status_ = 0;
    return total >= static_cast<double>(kBlockingSleepSeconds) ? Flow::kBlocked : Flow::kNext;
  }

  Flow True(const Words&, Io&) {
    status_ = 0;
    return Flow::kNext;
  }

  Flow False(const Words&, Io&) {
    status_ = 1;
    return Flow::kNext;
  }

  Flow Exit(const Words& args, Io& io) {
    if (args.size() > 1) {
      int code = 0;
      if (!absl::SimpleAtoi(args[1], &code) || code < 0) {
        Error(io, absl::StrCat("sh: exit: Illegal number: ", args[1]));
        status_ = 2;
        return Flow::kExit;
      }
      status_ = code & 255;
    }
    return Flow::kExit;
  }

  Flow Httpd(const Words& args, Io& io) {
    std::set<char> flags;
    std::map<char, std::string> values;
    std::optional<Words> rest = Operands(args, "fv", &flags, "phcru", &values);
    if (!rest || !rest->empty()) return BadFlags(args);
    std::optional<int64_t> port = PortOf(values.contains('p') ? values['p'] : "80");
    if (!port) return BadFlags(args);
    std::string home = values.contains('h') ? values['h'] : cwd_;
    if (fs_.Stat(NormalizePath(home, cwd_)) != ContainerFs::Kind::kDir) {
      Error(io, absl::StrCat("httpd: can't change directory to '", home,
                             "': No such file or directory"));
      status_ = 1;
      return Flow::kNext;
    }
    ports_.insert(*port);
    status_ = 0;
    return flags.contains('f') ? Flow::kBlocked : Flow::kNext;  // else it daemonizes
  }

  Flow Nc(const Words& args, Io&) {
    std::set<char> flags;
    std::map<char, std::string> values;
    std::optional<Words> rest = Operands(args, "lkvn", &flags, "pwe", &values);
    if (!rest || !flags.contains('l')) return Unknown("`nc` other than `nc -l -p PORT`");
    std::optional<int64_t> port = values.contains('p') ? PortOf(values['p']) : std::nullopt;
    if (!port) return Unknown("`nc -l` without `-p PORT`");
    ports_.insert(*port);
    return Flow::kBlocked;  // it waits for a connection
  }

  Flow Nginx(const Words& args, Io& io) {
    std::set<char> flags;
    std::map<char, std::string> values;
    std::optional<Words> rest = Operands(args, "tTqvV", &flags, "cge", &values);
    if (!rest || !rest->empty()) return BadFlags(args);
    status_ = 0;
    if (flags.contains('v') || flags.contains('V')) {
      Error(io, "nginx version: nginx");
      status_ = 0;
      return Flow::kNext;
    }
    std::string conf = values.contains('c') ? values['c'] : "/etc/nginx/nginx.conf";
    std::string path = NormalizePath(conf, cwd_);
    if (fs_.Stat(path) != ContainerFs::Kind::kFile) {
      Error(io, absl::StrCat("nginx: [emerg] open() \"", conf,
                             "\" failed (2: No such file or directory)"));
      status_ = 1;
      return Flow::kNext;
    }
    if (flags.contains('t') || flags.contains('T')) {
      Error(io, absl::StrCat("nginx: the configuration file ", conf, " syntax is ok"));
      Error(io, absl::StrCat("nginx: configuration file ", conf, " test is successful"));
      return Flow::kNext;
    }
    out_.image_program = true;
    ports_.insert(image_.ports.begin(), image_.ports.end());
    std::optional<std::string> content = fs_.Content(path);
    bool foreground = absl::StrContains(values['g'], "daemon off") ||
                      (content && absl::StrContains(*content, "daemon off"));
    return foreground ? Flow::kBlocked : Flow::kNext;  // else it daemonizes
  }

  const ImageBehavior& image_;
  std::string repository_;
  ContainerFs fs_;
  std::string cwd_;
  ContainerProcess& out_;
  int status_ = 0;
  size_t commands_ = 0;
  bool bound_hit_ = false;
  std::string partial_;
  std::string last_error_;
  std::string unknown_;
  std::set<int64_t> ports_;
};

constexpr const char* kShells[] = {"sh", "ash", "bash", "dash"};

bool IsShell(const std::string& program) {
  std::string name = Basename(program);
  return std::find(std::begin(kShells), std::end(kShells), name) != std::end(kShells);
}

// The container's argv, or nullopt when some word is not a string.
std::optional<Words> Argv(const Json& container) {
  Words out;
  for (const char* field : {"command", "args"}) {
    const Json* words = Find(container, field);
    if (words == nullptr || words->is_null()) continue;
    if (!words->is_array()) return std::nullopt;
    for (const Json& w : *words) {
      if (!w.is_string()) return std::nullopt;
      out.push_back(w.get<std::string>());
    }
  }
  return out;
}

void ImageDefault(const ImageBehavior& image, ContainerProcess& out) {
  out.image_program = true;
  out.ports = image.ports;
  std::sort(out.ports.begin(), out.ports.end());
  out.ports.erase(std::unique(out.ports.begin(), out.ports.end()), out.ports.end());
}

}  // namespace

ContainerProcess ModelProcess(const Json& container, const ImageBehavior& image,
                              const ProcessMounts& mounts) {
  ContainerProcess out;
  std::optional<Words> argv = Argv(container);
  if (!argv) {
    out.unknown = "a command or args that is not a list of strings";
    ImageDefault(image, out);
    return out;
  }
  if (argv->empty()) {
    out.fate = ProcessFate::kRuns;
    ImageDefault(image, out);
    return out;
  }
  std::vector<std::string> image_files;
  for (const FileRequirement& f : image.files) image_files.push_back(f.path);
  std::string cwd = NormalizePath(GetString(container, "workingDir", "/"));
  Interpreter run(image, ContainerFs(ImageRoot(image.image, image_files), mounts.mounts,
                                     mounts.read_only_root),
                  cwd, out);
  Flow flow = Flow::kUnknown;
  std::string refusal;
  if (IsShell((*argv)[0])) {
    if (argv->size() < 3 || (*argv)[1] != "-c") {
      refusal = absl::StrCat("`", absl::StrJoin(*argv, " "), "` (a shell without -c SCRIPT)");
    } else if (absl::StatusOr<ShList> script = ParseShScript((*argv)[2]); !script.ok()) {
      refusal = absl::StrCat("the script: ", script.status().message());
    } else {
      flow = run.RunList(*script);
    }
  } else {
    flow = run.RunArgv(*argv);
  }
  run.Finish();
  if (!refusal.empty() || flow == Flow::kUnknown) {
    out.fate = ProcessFate::kUnknown;
    out.unknown = refusal.empty() ? run.unknown() : refusal;
    ImageDefault(image, out);
    return out;
  }
  out.ports.assign(run.ports().begin(), run.ports().end());
  out.files = run.fs().Written();
  out.writes = run.fs().Changed();
  if (flow == Flow::kBlocked) {
    out.fate = ProcessFate::kRuns;
    return out;
  }
  out.fate = ProcessFate::kExits;
  out.exit_code = run.status();
  out.exit_reason = out.exit_code == 0 ? "completed"
                    : run.last_error().empty() ? absl::StrCat("exit code ", out.exit_code)
                                               : run.last_error();
  return out;
}

}  // namespace kreplay
