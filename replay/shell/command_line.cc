#include "replay/shell/command_line.h"

#include <optional>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "replay/kubectl/call.h"
#include "replay/kubectl/helm_parser.h"
#include "replay/kubectl/parser.h"
#include "replay/shell/parser.h"
#include "replay/shell/shell_limits.h"
#include "replay/shell/tools.h"

namespace kreplay {
namespace {

// `sh -c "$(echo ...)"` nests; deeper nesting than this is reported, not read.
constexpr int kMaxDepth = 4;
constexpr char kXargsInput[] = "<xargs input>";

Operation NewOperation(Verb verb, std::string problem) {
  Operation op;
  op.verb = verb;
  op.problem = std::move(problem);
  return op;
}

// The start of an over-long line, for the report.
std::string Excerpt(absl::string_view text) {
  constexpr size_t kExcerptBytes = 200;
  if (text.size() <= kExcerptBytes) return std::string(text);
  return absl::StrCat(text.substr(0, kExcerptBytes), "...");
}

size_t CommandCount(const CommandList& list) {
  size_t count = 0;
  for (const Pipeline& pipeline : list.pipelines) count += pipeline.commands.size();
  return count;
}

// A refused command keeps the verb it attempted (the attempt counts).
std::vector<Operation> FromParser(absl::StatusOr<std::vector<Operation>> ops, Verb attempted) {
  if (ops.ok()) return *std::move(ops);
  return {NewOperation(attempted, absl::StrCat("usage error: ", ops.status().message()))};
}

// What the command at `index` reads on stdin.
StdinSource StdinOf(const Pipeline& pipeline, size_t index) {
  const ShellCommand& command = pipeline.commands[index];
  if (!command.stdin_text.empty()) {
    return StdinSource{command.stdin_text, command.stdin_from_pipe ? "pipe" : "heredoc"};
  }
  if (command.stdin_from_pipe && index > 0) {
    return StdinSource{std::nullopt,
                       absl::StrCat("the output of `", pipeline.commands[index - 1].text, "`")};
  }
  return StdinSource{"", "stdin"};
}

class Interpreter {
 public:
  explicit Interpreter(CommandLineOps& out) : out_(out) {}

  void Line(absl::string_view text, int depth) {
    if (depth > kMaxDepth) {
      out_.problems.push_back(absl::StrCat("commands nested deeper than ", kMaxDepth,
                                           " levels are not interpreted: ", text));
      return;
    }
    if (text.size() > kMaxCommandLineBytes) {
      Refuse(text, absl::StrCat("command line of ", text.size(), " bytes is not interpreted (limit ",
                                kMaxCommandLineBytes, ")"));
      return;
    }
    absl::StatusOr<CommandList> list = ParseShell(text);
    if (list.ok() && CommandCount(*list) > kMaxCommandsPerLine) {
      Refuse(text, absl::StrCat("command line of ", CommandCount(*list),
                                " commands is not interpreted (limit ", kMaxCommandsPerLine, ")"));
      return;
    }
    if (!list.ok()) {
      Operation op = NewOperation(Verb::kUnknown, std::string(list.status().message()));
      op.source = std::string(text);
      out_.operations.push_back(std::move(op));
      return;
    }
    for (size_t i = 0; i < list->pipelines.size(); ++i) {
      bool after_or = i > 0 && list->connectors[i - 1] == "||";
      for (size_t j = 0; j < list->pipelines[i].commands.size(); ++j) {
        Command(list->pipelines[i], j, after_or, depth);
      }
    }
  }

 private:
  void Refuse(absl::string_view text, std::string problem) {
    Operation op = NewOperation(Verb::kUnknown, std::move(problem));
    op.source = Excerpt(text);
    out_.operations.push_back(std::move(op));
  }

  void Command(const Pipeline& pipeline, size_t index, bool after_or, int depth) {
    const ShellCommand& command = pipeline.commands[index];
    // Command substitutions run before the command that uses their output.
    for (const std::string& word : command.argv) {
      for (const std::string& inner : CommandSubstitutions(word)) Line(inner, depth + 1);
    }
    std::vector<Operation> ops =
        command.argv.empty() ? std::vector<Operation>{NewOperation(Verb::kLocal, "")}
                             : Argv(command.argv, StdinOf(pipeline, index), depth);
    for (Operation& op : ops) {
      for (const std::string& problem : command.problems) AddProblem(op, problem);
      // A local no-op after `||` (`|| true`, `|| echo failed`, `|| :`) changes
      // nothing whether it runs or not: the recorded outcome says how cmd went.
      bool no_op = op.verb == Verb::kLocal && op.problem.empty();
      if (after_or && !no_op) AddProblem(op, "runs only if the command before `||` failed");
      op.source = command.text;
      out_.operations.push_back(std::move(op));
    }
  }

  std::vector<Operation> Argv(const std::vector<std::string>& argv, const StdinSource& stdin,
                              int depth) {
    std::vector<std::string> command = UnwrapCommand(argv);
    if (command.empty()) return {NewOperation(Verb::kLocal, "")};
    if (command.size() == 1 && command[0].find(' ') != std::string::npos && command != argv) {
      return Nested(command[0], depth);  // watch 'kubectl get pods'
    }
    if (IsKubectlProgram(command[0])) {
      absl::StatusOr<std::vector<Operation>> ops = ParseKubectl(command, stdin);
      // The verb only labels a usage error; reading it parses the words again.
      Verb attempted = ops.ok() ? Verb::kUnknown : KubectlVerbOf(command);
      return FromParser(std::move(ops), attempted);
    }
    if (IsHelmProgram(command[0])) return FromParser(ParseHelm(command, stdin), Verb::kUnknown);
    if (std::optional<std::vector<std::string>> inner = XargsCommand(command, kXargsInput)) {
      return Xargs(*inner, depth);
    }
    LocalProgram local = ClassifyLocalProgram(command);
    switch (local.kind) {
      case LocalKind::kReadOnly:
        return {NewOperation(Verb::kLocal, "")};
      case LocalKind::kWrites:
        return {NewOperation(Verb::kUnknown, local.problem)};
      case LocalKind::kUnknown:
        break;
    }
    return {NewOperation(Verb::kUnknown,
                         absl::StrCat("unknown command: ", ProgramName(command[0])))};
  }

  std::vector<Operation> Xargs(const std::vector<std::string>& command, int depth) {
    std::vector<Operation> ops =
        Argv(command, StdinSource{std::nullopt, "xargs' input"}, depth);
    for (Operation& op : ops) {
      if (op.verb != Verb::kLocal) {
        AddProblem(op, "xargs: arguments come from its input, which is not recorded");
      }
    }
    return ops;
  }

  std::vector<Operation> Nested(const std::string& text, int depth) {
    CommandLineOps nested;
    Interpreter(nested).Line(text, depth + 1);
    for (std::string& problem : nested.problems) out_.problems.push_back(std::move(problem));
    if (nested.operations.empty()) return {NewOperation(Verb::kLocal, "")};
    return std::move(nested.operations);
  }

  CommandLineOps& out_;
};

}  // namespace

CommandLineOps InterpretCommandLine(absl::string_view text) {
  CommandLineOps out;
  Interpreter(out).Line(text, 0);
  return out;
}

}  // namespace kreplay
