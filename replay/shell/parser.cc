#include "replay/shell/parser.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "model/status_macros.h"
#include "replay/shell/lexer.h"
#include "replay/shell/programs.h"

namespace kreplay {
namespace {

// sh -c 'sh -c "..."' nests; deeper than this is not an agent's command.
constexpr int kMaxScriptDepth = 8;
constexpr absl::string_view kRedirections[] = {"<",  ">",  ">>",  ">|", ">&",  "<&",
                                               "<>", "&>", "&>>", "<<", "<<-", "<<<"};
constexpr absl::string_view kInputRedirections[] = {"<", "<&", "<>"};
constexpr absl::string_view kKeywords[] = {"if",   "then", "elif",   "else",     "fi", "for",
                                           "while", "until", "do",    "done",     "case", "esac",
                                           "select", "function", "{", "}", "[[", "]]"};

template <size_t N>
bool IsOneOf(absl::string_view word, const absl::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), word) != std::end(set);
}

bool IsRedirection(const ShellToken& token) {
  return token.kind == ShellTokenKind::kOperator && IsOneOf(token.text, kRedirections);
}

// A command with what wiring a pipeline needs to know about it.
struct Stage {
  ShellCommand shell;
  bool own_stdin = false;    // a redirection decides stdin
  bool stdin_known = false;  // shell.stdin_text is exactly what it reads
  bool stdout_redirected = false;
  std::optional<std::string> subshell;  // `( ... )`: the text inside
};
using Stages = std::vector<Stage>;

struct Script {
  std::vector<Stages> pipelines;
  std::vector<std::string> connectors;
};

void AddProblem(Stage& stage, std::string problem) {
  std::vector<std::string>& problems = stage.shell.problems;
  if (std::find(problems.begin(), problems.end(), problem) == problems.end()) {
    problems.push_back(std::move(problem));
  }
}

void AddProblems(Stage& stage, const std::vector<std::string>& problems) {
  for (const std::string& problem : problems) AddProblem(stage, problem);
}

class Parser {
 public:
  Parser(absl::string_view text, std::vector<ShellToken> tokens)
      : text_(text), tokens_(std::move(tokens)) {}

  absl::StatusOr<Script> Parse();

 private:
  const ShellToken& Peek() const { return tokens_[next_]; }
  bool PeekOperator(absl::string_view op) const {
    return Peek().kind == ShellTokenKind::kOperator && Peek().text == op;
  }
  void SkipNewlines() {
    while (Peek().kind == ShellTokenKind::kNewline) ++next_;
  }
  absl::Status Error(size_t at, absl::string_view what) const {
    return absl::InvalidArgumentError(absl::StrCat(what, " at ", DescribePosition(text_, at)));
  }
  absl::Status Unexpected() const;
  absl::Status ParseSeparator(Script* script);
  absl::Status ParsePipeline(Stages* out);
  absl::Status ParseStage(Stage* out);
  absl::Status ParseSubshell(Stage* out);
  absl::Status ParseRedirection(int fd, Stage* out);
  void AddWord(const ShellToken& word, Stage* out) const;

  absl::string_view text_;
  std::vector<ShellToken> tokens_;
  size_t next_ = 0;
};

absl::Status Parser::Unexpected() const {
  const ShellToken& token = Peek();
  if (token.kind == ShellTokenKind::kEnd) return Error(token.begin, "unexpected end of command");
  if (token.kind == ShellTokenKind::kNewline) return Error(token.begin, "unexpected newline");
  return Error(token.begin, absl::StrCat("unexpected `", token.text, "`"));
}

absl::StatusOr<Script> Parser::Parse() {
  Script script;
  SkipNewlines();
  while (Peek().kind != ShellTokenKind::kEnd) {
    KREPLAY_RETURN_IF_ERROR(ParsePipeline(&script.pipelines.emplace_back()));
    KREPLAY_RETURN_IF_ERROR(ParseSeparator(&script));
  }
  return script;
}

// After a pipeline: the end, `&&`/`||` (which need a command after them),
// or `;`, `&` and newlines (which may end the text).
absl::Status Parser::ParseSeparator(Script* script) {
  const ShellToken& separator = Peek();
  if (separator.kind == ShellTokenKind::kEnd) return absl::OkStatus();
  const bool chain = PeekOperator("&&") || PeekOperator("||");
  if (!chain && !PeekOperator(";") && !PeekOperator("&") &&
      separator.kind != ShellTokenKind::kNewline) {
    return Unexpected();
  }
  if (PeekOperator("&")) AddProblem(script->pipelines.back().back(), "runs in the background (`&`)");
  ++next_;
  SkipNewlines();
  if (Peek().kind == ShellTokenKind::kEnd) {
    return chain ? Error(separator.begin, absl::StrCat("missing command after `", separator.text, "`"))
                 : absl::OkStatus();
  }
  script->connectors.push_back(chain ? separator.text : ";");
  return absl::OkStatus();
}

absl::Status Parser::ParsePipeline(Stages* out) {
  if (Peek().kind == ShellTokenKind::kWord && Peek().text == "!" && !Peek().quoted) ++next_;
  while (true) {
    KREPLAY_RETURN_IF_ERROR(ParseStage(&out->emplace_back()));
    if (!PeekOperator("|") && !PeekOperator("|&")) return absl::OkStatus();
    const size_t bar = Peek().begin;
    ++next_;
    SkipNewlines();
    if (Peek().kind == ShellTokenKind::kEnd) return Error(bar, "missing command after `|`");
  }
}

absl::Status Parser::ParseStage(Stage* out) {
  const size_t first = next_;
  if (PeekOperator("(")) KREPLAY_RETURN_IF_ERROR(ParseSubshell(out));
  while (true) {
    const ShellToken& token = Peek();
    if (token.kind == ShellTokenKind::kWord && token.io_number && IsRedirection(tokens_[next_ + 1])) {
      ++next_;
      KREPLAY_RETURN_IF_ERROR(ParseRedirection(std::atoi(token.text.c_str()), out));
    } else if (token.kind == ShellTokenKind::kWord) {
      if (out->subshell) return Unexpected();
      ++next_;
      AddWord(token, out);
    } else if (IsRedirection(token)) {
      KREPLAY_RETURN_IF_ERROR(ParseRedirection(-1, out));
    } else {
      break;
    }
  }
  if (next_ == first) return Unexpected();
  const size_t begin = tokens_[first].begin;
  out->shell.text = std::string(text_.substr(begin, tokens_[next_ - 1].end - begin));
  return absl::OkStatus();
}

// Leading NAME=value words set the environment and are not arguments.
void Parser::AddWord(const ShellToken& word, Stage* out) const {
  if (!(word.assignment && out->shell.argv.empty())) out->shell.argv.push_back(word.text);
  AddProblems(*out, word.problems);
}

absl::Status Parser::ParseSubshell(Stage* out) {
  const ShellToken& open = tokens_[next_];
  int depth = 0;
  for (size_t i = next_; i < tokens_.size(); ++i) {
    if (tokens_[i].kind != ShellTokenKind::kOperator) continue;
    depth += tokens_[i].text == "(" ? 1 : tokens_[i].text == ")" ? -1 : 0;
    if (depth == 0) {
      out->subshell = std::string(text_.substr(open.end, tokens_[i].begin - open.end));
      next_ = i + 1;
      return absl::OkStatus();
    }
  }
  return Error(open.begin, "unmatched `(`");
}

absl::Status Parser::ParseRedirection(int fd, Stage* out) {
  const ShellToken& op = tokens_[next_++];
  const ShellToken& target = Peek();
  if (target.kind != ShellTokenKind::kWord) {
    return Error(op.begin, absl::StrCat("missing target after `", op.text, "`"));
  }
  ++next_;
  const bool input = op.text.front() == '<';
  if (input && fd > 0) return absl::OkStatus();  // another descriptor than stdin
  if (op.text == "<<" || op.text == "<<-" || op.text == "<<<") {
    const bool heredoc = op.text != "<<<";
    out->shell.stdin_text = heredoc ? target.heredoc_body.value_or("") : target.text + "\n";
    AddProblems(*out, heredoc ? target.heredoc_problems : target.problems);
    out->own_stdin = out->stdin_known = true;
    return absl::OkStatus();
  }
  AddProblems(*out, target.problems);
  if (IsOneOf(op.text, kInputRedirections)) {
    out->own_stdin = true;
    out->stdin_known = false;
    out->shell.stdin_text.clear();
    AddProblem(*out, absl::StrCat("stdin from `", op.text, " ", target.text, "` is not known"));
    return absl::OkStatus();
  }
  const bool stdout_fd = fd == -1 || fd == 1 || op.text.front() == '&';
  if (stdout_fd && !(op.text == ">&" && target.text == "1")) out->stdout_redirected = true;
  return absl::OkStatus();
}

absl::StatusOr<Script> ParseScript(absl::string_view text, int depth);

// What the previous stage writes into the pipe, when known exactly.
std::optional<std::string> OutputOf(const Stage& stage) {
  if (stage.stdout_redirected || !stage.shell.problems.empty()) return std::nullopt;
  return KnownOutput(stage.shell.argv, stage.stdin_known
                                           ? std::optional<std::string>(stage.shell.stdin_text)
                                           : std::nullopt);
}

void Wire(Stages& pipeline) {
  for (size_t i = 1; i < pipeline.size(); ++i) {
    Stage& stage = pipeline[i];
    if (stage.own_stdin) continue;
    const std::optional<std::string> input = OutputOf(pipeline[i - 1]);
    stage.shell.stdin_from_pipe = true;
    stage.stdin_known = input.has_value();
    stage.shell.stdin_text = input.value_or("");
  }
}

void MarkKeyword(Stage& stage) {
  const std::vector<std::string>& argv = stage.shell.argv;
  if (!argv.empty() && IsOneOf(argv[0], kKeywords)) {
    AddProblem(stage, absl::StrCat("shell keyword `", argv[0], "` is not interpreted"));
  }
}

// The script a stage runs as text: a subshell's content, `sh -c` and
// `eval` arguments, or a shell's known stdin. Unreadable scripts become
// problems of the stage.
std::optional<Script> InnerScript(Stage& stage, int depth) {
  ShellScript script = ShellScriptOf(stage.shell.argv);
  if (stage.subshell) script = {ShellScript::Source::kArgument, *stage.subshell};
  if (script.source == ShellScript::Source::kStdin && stage.stdin_known) {
    script = {ShellScript::Source::kArgument, stage.shell.stdin_text};
    stage.own_stdin = stage.stdin_known = false;  // the script consumed it
    stage.shell.stdin_text.clear();
  }
  switch (script.source) {
    case ShellScript::Source::kNone: return std::nullopt;
    case ShellScript::Source::kLocalFile:
      AddProblem(stage, absl::StrCat("runs the local script `", script.text, "`, which is not known"));
      return std::nullopt;
    case ShellScript::Source::kStdin:
      AddProblem(stage, "reads a shell script from stdin, which is not known");
      return std::nullopt;
    case ShellScript::Source::kMissing:
      AddProblem(stage, "`-c` without a command string");
      return std::nullopt;
    case ShellScript::Source::kArgument: break;
  }
  absl::StatusOr<Script> inner = depth < kMaxScriptDepth
                                     ? ParseScript(script.text, depth + 1)
                                     : absl::InvalidArgumentError("nested too deeply");
  if (inner.ok()) return *std::move(inner);
  AddProblem(stage, absl::StrCat("shell script `", script.text, "` is not parsed: ",
                                 inner.status().message()));
  return std::nullopt;
}

// The first command of a script spliced in place of `outer` reads what
// `outer` read and carries its problems.
void Inherit(const Stage& outer, Stage& first) {
  if (!first.own_stdin) {
    first.own_stdin = outer.own_stdin;
    first.stdin_known = outer.stdin_known;
    first.shell.stdin_text = outer.shell.stdin_text;
    first.shell.stdin_from_pipe = outer.shell.stdin_from_pipe;
  }
  AddProblems(first, outer.shell.problems);
}

// A one-stage pipeline whose stage runs a script becomes that script's
// pipelines; inside a longer pipeline, a script of one pipeline is spliced
// into it.
void Expand(Stages pipeline, int depth, Script* out) {
  for (Stage& stage : pipeline) MarkKeyword(stage);
  Wire(pipeline);
  Stages expanded;
  for (Stage& stage : pipeline) {
    std::optional<Script> inner = InnerScript(stage, depth);
    const bool splice_all = inner && pipeline.size() == 1 && !inner->pipelines.empty();
    const bool splice_one = inner && inner->pipelines.size() == 1;
    if (!splice_all && !splice_one) {
      if (inner && !inner->pipelines.empty()) {
        AddProblem(stage, "a script of several pipelines inside a pipeline is not interpreted");
      }
      expanded.push_back(std::move(stage));
      continue;
    }
    Inherit(stage, inner->pipelines.front().front());
    Wire(inner->pipelines.front());
    if (splice_all) {
      for (std::string& connector : inner->connectors) out->connectors.push_back(std::move(connector));
      for (size_t i = 0; i + 1 < inner->pipelines.size(); ++i) {
        out->pipelines.push_back(std::move(inner->pipelines[i]));
      }
    }
    for (Stage& inner_stage : inner->pipelines.back()) expanded.push_back(std::move(inner_stage));
  }
  Wire(expanded);
  out->pipelines.push_back(std::move(expanded));
}

absl::StatusOr<Script> ParseScript(absl::string_view text, int depth) {
  KREPLAY_ASSIGN_OR_RETURN(std::vector<ShellToken> tokens, LexShell(text));
  KREPLAY_ASSIGN_OR_RETURN(Script parsed, Parser(text, std::move(tokens)).Parse());
  Script out;
  for (size_t i = 0; i < parsed.pipelines.size(); ++i) {
    if (i > 0) out.connectors.push_back(parsed.connectors[i - 1]);
    Expand(std::move(parsed.pipelines[i]), depth, &out);
  }
  return out;
}

}  // namespace

absl::StatusOr<CommandList> ParseShell(absl::string_view text) {
  KREPLAY_ASSIGN_OR_RETURN(Script script, ParseScript(text, 0));
  CommandList list;
  list.connectors = std::move(script.connectors);
  for (Stages& stages : script.pipelines) {
    Pipeline& pipeline = list.pipelines.emplace_back();
    for (Stage& stage : stages) pipeline.commands.push_back(std::move(stage.shell));
  }
  return list;
}

}  // namespace kreplay
