#include "cli/blast_command.h"

#include <memory>

#include <CLI/CLI.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/blast_report.h"
#include "cli/exit_status.h"
#include "cli/scenario_input.h"
#include "replay/run/replayer.h"

namespace kreplay {
namespace {

struct BlastOptions {
  ScenarioOptions scenario;
  std::string operation;
  std::string output = "text";
};

absl::Status NotAToolCall(absl::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("operation: not a JSON tool call {\"tool\": ..., \"args\": {...}}: ", why));
}

absl::StatusOr<ToolCall> JsonToolCall(const std::string& text) {
  Json parsed;
  try {
    parsed = Json::parse(text);
  } catch (const Json::parse_error& e) {
    return NotAToolCall(e.what());
  }
  if (!parsed.is_object()) return NotAToolCall("not an object");
  const Json* tool = Find(parsed, "tool");
  if (tool == nullptr || !tool->is_string()) return NotAToolCall("\"tool\" must be a string");
  const Json* args = Find(parsed, "args");
  if (args != nullptr && !args->is_object()) return NotAToolCall("\"args\" must be an object");
  const Json* server = Find(parsed, "server");
  if (server != nullptr && !server->is_string()) return NotAToolCall("\"server\" must be a string");
  ToolCall call;
  call.tool = tool->get<std::string>();
  if (args != nullptr) call.args = *args;
  if (server != nullptr) call.server = server->get<std::string>();
  return call;
}

// Why the simulated step cannot stand for OPERATION, or "" when it can: an
// unknown tool, a mutation (or an unknown verb) kreplay did not fully
// understand, one it does not model, or one after which the simulator
// failed would all give a radius that means nothing. Problems of a read
// only change what it would print: they are shown, not fatal.
std::string Uninterpretable(const StepReport& step) {
  if (!step.known_tool) {
    return absl::StrCat("no vocabulary knows the tool \"", step.call.tool, "\"");
  }
  std::vector<std::string> why;
  for (const OperationReport& r : step.operations) {
    bool matters = r.op.mutating() || r.op.verb == Verb::kUnknown;
    if (matters && !r.op.problem.empty()) why.push_back(r.op.problem);
  }
  for (const StepProblem& problem : step.problems) {
    // Parser problems of a mutation are in `why` already; what the executor
    // does not model often repeats the last of them.
    if (problem.kind == StepProblem::Kind::kNotInterpretable) continue;
    bool repeats = !why.empty() && absl::EndsWith(problem.Text(), why.back());
    if (!repeats) why.push_back(problem.Text());
  }
  return absl::StrJoin(why, "; ");
}

absl::StatusOr<ReplayResult> ReplayWith(const Scenario& scenario, ToolCall call) {
  Ledger ledger = scenario.ledger;
  // The operation happens right after the last replayed call: no chaos
  // event fires in between.
  if (!ledger.calls.empty()) call.time = ledger.calls.back().time;
  ledger.calls.push_back(std::move(call));
  return Replay(scenario.fixture, ledger, ChaosAfterLastCall::kSkip);
}

int Run(const BlastOptions& o, std::ostream& out, std::ostream& err) {
  absl::StatusOr<ToolCall> call = HypotheticalCall(o.operation);
  if (!call.ok()) return ReportError(call.status(), err);
  absl::StatusOr<Scenario> scenario = LoadScenario(o.scenario);
  if (!scenario.ok()) return ReportError(scenario.status(), err);
  absl::StatusOr<ReplayResult> result = ReplayWith(*scenario, *std::move(call));
  if (!result.ok()) return ReportError(result.status(), err);
  const StepReport& step = result->steps.back();
  if (std::string why = Uninterpretable(step); !why.empty()) {
    return ReportError(absl::InvalidArgumentError(
                           absl::StrCat("operation: kreplay cannot interpret it: ", why)),
                       err);
  }
  BlastAnswer answer{o.scenario.fixture, o.scenario.ledger, scenario->StateName(), o.operation,
                     &*result, StepBlastRadius(step)};
  if (o.output == "json") {
    out << BlastJson(answer).dump(2, ' ', /*ensure_ascii=*/false,
               Json::error_handler_t::replace) << "\n";
  } else {
    out << BlastText(answer);
  }
  return 0;
}

}  // namespace

absl::StatusOr<ToolCall> HypotheticalCall(const std::string& operation) {
  absl::string_view text = absl::StripAsciiWhitespace(operation);
  if (text.empty()) return absl::FailedPreconditionError("operation: empty");
  absl::StatusOr<ToolCall> call = ToolCall{};
  if (text.front() == '{') {
    call = JsonToolCall(std::string(text));
  } else {
    call->tool = "run_command";
    call->args = {{"command", operation}};
  }
  if (call.ok()) call->source = "operation";
  return call;
}

CommandRun SetupBlastCommand(CLI::App& sub) {
  auto o = std::make_shared<BlastOptions>();
  AddScenarioOptions(sub, o->scenario);
  sub.add_option("-o,--output", o->output, "Output format")
      ->check(CLI::IsMember({"text", "json"}));
  sub.add_option("operation", o->operation,
                 "The operation, quoted as one argument: a command line "
                 "('kubectl delete configmap x -n ns') or a JSON tool call "
                 "'{\"tool\":...,\"args\":{...}}'")
      ->required();
  return [o](std::ostream& out, std::ostream& err) { return Run(*o, out, err); };
}

}  // namespace kreplay
