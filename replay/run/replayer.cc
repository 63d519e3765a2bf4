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
#include "replay/run/waiting_read.h"
#include "replay/vocab/vocabulary.h"
#include "sim/clock.h"

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

// RFC 3339 at second precision in UTC, as kubectl stamps restartedAt; the
// fixture's start when the call has no time.
std::string StepTime(const ToolCall& call, const Fixture& f) {
  std::optional<absl::Time> t = ParseClockTime(call.time);
  if (!t) return f.start_time;
  return FormatClockTime(*t);
}

// When the agent started, on the ledger's clock: the first call's time when
// it has one (a ledger recorded on another day than the fixture's start
// still meets its timed chaos), else the fixture's start.
std::optional<absl::Time> AgentStart(const Ledger& ledger, const Fixture& f) {
  if (!ledger.calls.empty()) {
    if (std::optional<absl::Time> first = ParseClockTime(ledger.calls.front().time)) return first;
  }
  return ParseClockTime(f.start_time);
}

// "+10s", "+2m", "+1h" from agent start; nullopt for an after_change step.
std::optional<absl::Time> ChaosTime(const SceneStep& step, std::optional<absl::Time> start) {
  absl::Duration offset;
  std::string at = step.at;
  if (!at.empty() && at[0] == '+') at = at.substr(1);
  if (step.at.empty() || !start || !absl::ParseDuration(at, &offset)) return std::nullopt;
  return *start + offset;
}

struct Run {
  const Fixture& fixture;
  Cluster cluster;
  PodAliases aliases;
  std::optional<absl::Time> agent_start;
  std::vector<bool> fired;                 // per fixture.chaos step
  const StepObserver* observer = nullptr;  // null when there is none
};

// Runs chaos step `i` (once), at `time` when given, and says what it did.
std::string FireOne(Run& run, size_t i, std::optional<absl::Time> time) {
  const SceneStep& event = run.fixture.chaos[i];
  run.fired[i] = true;
  absl::Status s = absl::OkStatus();
  if (time) s = AdvanceTo(run.cluster, run.fixture.world, FormatClockTime(*time));
  if (s.ok()) s = RunChaosStep(run.cluster, run.fixture, event, run.aliases);
  std::string text = absl::StrCat(event.field, " ", event.Trigger(), ": ", event.Describe());
  if (!s.ok()) absl::StrAppend(&text, " (failed: ", s.message(), ")");
  return text;
}

// Fires the timed chaos steps due before call `before` (recorded at or
// before its time, in the order listed), or after the last call when
// `before` is null. Steps on an object's change fire in FireOnChange.
void FireChaos(Run& run, const ToolCall* before, StepReport* step) {
  std::optional<absl::Time> now = before ? ParseClockTime(before->time) : std::nullopt;
  for (size_t i = 0; i < run.fixture.chaos.size(); ++i) {
    const SceneStep& event = run.fixture.chaos[i];
    if (run.fired[i] || !event.after_change.empty()) continue;
    std::optional<absl::Time> at = ChaosTime(event, run.agent_start);
    if (before != nullptr && (!now || !at || *at > *now)) return;
    std::string text = FireOne(run, i, at);
    if (step) step->chaos_before.push_back(text);
  }
}

// Fires every after_change chaos step whose object the agent's accepted
// writes in `journal` changed, right after the step that wrote it.
void FireOnChange(Run& run, const std::vector<Change>& journal, StepReport& step) {
  for (size_t i = 0; i < run.fixture.chaos.size(); ++i) {
    const ChangeTrigger& trigger = run.fixture.chaos[i].after_change;
    if (run.fired[i] || trigger.empty()) continue;
    bool changed = std::any_of(journal.begin(), journal.end(), [&](const Change& c) {
      return c.actor == "agent" && trigger.Matches(c.key);
    });
    if (changed) step.chaos_after.push_back(FireOne(run, i, std::nullopt));
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
  // Under an authority_profile the agent is evidra's service account, and
  // RBAC authorizes every request (run/agent_requests.h).
  static const UserInfo* const kAgent = new UserInfo(AuthenticatedUser(kAgentUser));
  RequestRun run = RunRequest(cluster, f.world, request, ctx, f.authority_profile ? kAgent : nullptr);
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
  FireChaos(run, &call, &step);
  // Time never goes back: a call recorded before the clock (chaos, a wait
  // that let time pass, a scene that ends later) happens at the clock.
  step.time = LaterTime(run.cluster.now(), StepTime(call, run.fixture));
  if (absl::Status s = AdvanceTo(run.cluster, run.fixture.world, step.time); !s.ok()) {
    step.problems.push_back({StepProblem::Kind::kSimulatorError, std::string(s.message())});
  }
  // Chaos and the controllers' work as time passed are not the agent's
  // effect; only an observer sees their writes.
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
  if (!step.attempt_only) FireOnChange(run, journal, step);
  // Waiting reads let time pass, attempts too (a wait that timed out took
  // its time); what the controllers do meanwhile is not the step's effect.
  for (const OperationReport& report : step.operations) {
    if (!report.error.empty()) continue;
    if (absl::Status s = LetTimePass(run.cluster, run.fixture.world, report.op, report.targets);
        !s.ok()) {
      step.problems.push_back({StepProblem::Kind::kSimulatorError, std::string(s.message())});
    }
  }
  std::vector<Change> after_writes = run.cluster.TakeJournal();
  if (run.observer != nullptr) {
    chaos_writes.insert(chaos_writes.end(), journal.begin(), journal.end());
    chaos_writes.insert(chaos_writes.end(), after_writes.begin(), after_writes.end());
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
  Run run{fixture, *std::move(scene), {}, AgentStart(ledger, fixture),
          std::vector<bool>(fixture.chaos.size(), false), observer ? &observer : nullptr};
  for (size_t i = 0; i < ledger.calls.size(); ++i) {
    result.steps.push_back(ReplayStep(run, ledger.calls[i], static_cast<int>(i) + 1));
  }
  if (chaos == ChaosAfterLastCall::kApply && !fixture.chaos_stop_on_agent_done) {
    FireChaos(run, nullptr, result.steps.empty() ? nullptr : &result.steps.back());
  }
  (void)run.cluster.TakeJournal();
  result.end = std::move(run.cluster);
  return result;
}

}  // namespace kreplay
