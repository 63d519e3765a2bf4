#include "replay/run/replayer.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "replay/exec/executor.h"
#include "replay/run/request.h"
#include "replay/run/scene.h"
#include "replay/run/step_blast.h"
#include "replay/run/step_effect.h"
#include "replay/vocab/vocabulary.h"

namespace kreplay {
namespace {

// Recorded errors that come from parts of a real cluster kreplay does not
// model (authorization, admission webhooks, the network): a simulated
// success next to them is expected, not a divergence.
constexpr const char* kEnvironmentErrors[] = {
    "forbidden", "Forbidden", "Unauthorized", "admission webhook", "connection refused",
    "i/o timeout", "context deadline exceeded", "Unable to connect", "timed out",
    "provide credentials"};

bool EnvironmentError(const RecordedOutcome& outcome) {
  std::string text = outcome.error.empty() ? outcome.output : outcome.error;
  for (const char* pattern : kEnvironmentErrors) {
    if (absl::StrContains(text, pattern)) return true;
  }
  return false;
}

std::optional<absl::Time> ParseTime(const std::string& text) {
  absl::Time t;
  std::string err;
  if (absl::ParseTime(absl::RFC3339_full, text, &t, &err)) return t;
  return std::nullopt;
}

// RFC 3339 at second precision in UTC, as kubectl stamps restartedAt.
std::string StepTime(const ToolCall& call, const Fixture& f) {
  std::optional<absl::Time> t = ParseTime(call.time);
  if (!t) return f.start_time;
  return absl::FormatTime("%Y-%m-%d%ET%H:%M:%SZ", *t, absl::UTCTimeZone());
}

// "+10s", "+2m", "+1h" from agent start.
std::optional<absl::Time> ChaosTime(const SceneStep& step, const Fixture& f) {
  std::optional<absl::Time> start = ParseTime(f.start_time);
  absl::Duration offset;
  std::string at = step.at;
  if (!at.empty() && at[0] == '+') at = at.substr(1);
  if (!start || !absl::ParseDuration(at, &offset)) return std::nullopt;
  return *start + offset;
}

struct Run {
  const Fixture& fixture;
  Cluster cluster;
  PodAliases aliases;
  size_t next_chaos = 0;
  const StepObserver* observer = nullptr;  // null when there is none
};

void FireChaos(Run& run, const ToolCall* before, StepReport* step) {
  std::optional<absl::Time> now = before ? ParseTime(before->time) : std::nullopt;
  while (run.next_chaos < run.fixture.chaos.size()) {
    const SceneStep& event = run.fixture.chaos[run.next_chaos];
    std::optional<absl::Time> at = ChaosTime(event, run.fixture);
    if (before != nullptr && (!now || !at || *at > *now)) return;
    absl::Status s = RunChaosStep(run.cluster, run.fixture, event, run.aliases);
    std::string text = absl::StrCat(event.field, " at ", event.at, ": ",
                                    event.kubectl.empty() ? "apply " + KeyOf(event.apply).ToString()
                                                          : event.kubectl);
    if (!s.ok()) absl::StrAppend(&text, " (failed: ", s.message(), ")");
    if (step) step->chaos_before.push_back(text);
    ++run.next_chaos;
  }
}

// Runs one request of `report`'s operation through the request pipeline
// (run/request.h) and records what it found, did and left: the rules compare
// each target as first addressed with how the last request left it
// (run/replay_result.h). False when the step stops here: the simulated
// server refused, kreplay does not model the operation, or the controllers
// failed to settle after it.
bool RecordRequest(Cluster& cluster, const Fixture& f, const Operation& request, ExecContext& ctx,
                OperationReport& report, StepReport& step) {
  RequestRun run = RunRequest(cluster, f.world, request, ctx);
  for (auto& [key, controller] : run.controllers) report.controllers[key] = std::move(controller);
  report.targets.insert(report.targets.end(), run.targets.begin(), run.targets.end());
  for (auto& [key, object] : run.before) report.before.try_emplace(key, std::move(object));
  for (auto& [key, object] : run.after) report.after[key] = std::move(object);
  for (std::string& note : run.notes) {
    if (std::find(report.notes.begin(), report.notes.end(), note) == report.notes.end()) {
      report.notes.push_back(std::move(note));
    }
  }
  report.output.insert(report.output.end(), run.output.begin(), run.output.end());
  using O = RequestRun::Outcome;
  switch (run.outcome) {
    case O::kDone:
      return true;
    case O::kRefused:
      report.error = std::move(run.message);
      return false;
    case O::kNotModelled:
      // Not modelled is not the server refusing: the call stays uninterpreted.
      step.problems.push_back({StepProblem::Kind::kNotModelled, std::move(run.message)});
      return false;
    case O::kNotSettled:
      // The write was accepted; what the controllers made of it is unknown.
      step.problems.push_back({StepProblem::Kind::kSimulatorError, std::move(run.message)});
      return false;
  }
  return false;
}

// Runs the step's operations on `cluster`, stopping at the first error.
void Execute(Cluster& cluster, const Fixture& f, StepReport& step, PodAliases& aliases) {
  ExecContext ctx{step.time, "default", &aliases};
  for (OperationReport& report : step.operations) {
    for (const Operation& request : Requests(report.op)) {
      if (!RecordRequest(cluster, f, request, ctx, report, step)) return;
    }
    report.executed = true;
  }
}

std::string FirstError(const StepReport& step) {
  for (const OperationReport& r : step.operations) {
    if (!r.error.empty()) return r.error;
  }
  return "";
}

void Judge(StepReport& step, const std::string& sim_error) {
  const RecordedOutcome& recorded = step.call.outcome;
  using S = RecordedOutcome::Status;
  if (recorded.status == S::kError && sim_error.empty() && step.mutating &&
      !EnvironmentError(recorded)) {
    step.divergence = "recorded an error, but the simulated API server accepts the call";
  } else if (recorded.status == S::kOk && !sim_error.empty()) {
    step.divergence = absl::StrCat("recorded success, but the simulated API server refuses: ",
                                   sim_error);
  }
}

StepReport ReplayStep(Run& run, const ToolCall& call, int index) {
  StepReport step;
  step.index = index;
  step.call = call;
  step.time = StepTime(call, run.fixture);
  FireChaos(run, &call, &step);
  // Chaos is not the agent's effect; only an observer sees its writes.
  std::vector<Change> chaos_writes = run.cluster.TakeJournal();
  Interpretation meaning = Interpret(call);
  step.known_tool = meaning.known_tool;
  for (std::string& problem : meaning.problems) {
    step.problems.push_back({StepProblem::Kind::kNotInterpretable, std::move(problem)});
  }
  for (Operation& op : meaning.operations) {
    step.mutating |= op.mutating();
    if (!op.problem.empty()) step.problems.push_back({StepProblem::Kind::kNotInterpretable, op.problem});
    step.operations.push_back(OperationReport{std::move(op), {}, "", false, {}, {}, {}, {}, {}});
  }
  std::map<std::string, std::string> aliases_before = run.aliases.mapping();
  run.cluster.SetTime(step.time);
  step.attempt_only = call.outcome.status == RecordedOutcome::Status::kError;
  if (step.attempt_only) {
    Cluster scratch = run.cluster;  // what the simulator would have said
    Execute(scratch, run.fixture, step, run.aliases);
    Judge(step, FirstError(step));
    for (OperationReport& r : step.operations) r.executed = false;
  } else {
    Execute(run.cluster, run.fixture, step, run.aliases);
    Judge(step, FirstError(step));
  }
  std::vector<Change> journal = run.cluster.TakeJournal();
  step.effect = EffectOf(journal);
  step.blast_radius = ComputeStepBlastRadius(step, journal, run.cluster.store(), run.fixture.world);
  if (run.observer != nullptr) {
    chaos_writes.insert(chaos_writes.end(), journal.begin(), journal.end());
    (*run.observer)(StepObservation{index, run.cluster, chaos_writes});
  }
  for (const auto& [recorded, sim] : run.aliases.mapping()) {
    if (!aliases_before.contains(recorded)) step.aliases[recorded] = sim;
  }
  return step;
}

}  // namespace

absl::StatusOr<ReplayResult> Replay(const Fixture& fixture, const Ledger& ledger,
                                    ChaosAfterLastCall chaos, const StepObserver& observer) {
  absl::StatusOr<Cluster> scene = BuildScene(fixture);
  if (!scene.ok()) return scene.status();
  ReplayResult result;
  result.fixture = &fixture;
  result.ledger = ledger;
  result.start = *scene;
  result.health_at_start = EvaluateAllHealth(scene->store());
  Run run{fixture, *std::move(scene), {}, 0, observer ? &observer : nullptr};
  for (size_t i = 0; i < ledger.calls.size(); ++i) {
    result.steps.push_back(ReplayStep(run, ledger.calls[i], static_cast<int>(i) + 1));
  }
  if (chaos == ChaosAfterLastCall::kApply) {
    FireChaos(run, nullptr, result.steps.empty() ? nullptr : &result.steps.back());
  }
  (void)run.cluster.TakeJournal();
  result.end = std::move(run.cluster);
  return result;
}

}  // namespace kreplay
