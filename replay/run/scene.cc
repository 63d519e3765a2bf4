// Building the cluster at agent start: baseline, fault, settle.
#include "replay/run/scene.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "model/client_side_apply.h"
#include "replay/exec/executor.h"
#include "replay/run/request.h"
#include "replay/vocab/vocabulary.h"
#include "sim/clock.h"
#include "sim/controller.h"
#include "sim/node.h"

namespace kreplay {
namespace {

absl::Status FixtureError(const Fixture& f, const std::string& field, absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat(f.file, ": ", field, ": ", message));
}

// A scene step as an agent call would run it, through the request pipeline
// (run/request.h): a kubectl line through the kubectl vocabulary, or a
// manifest created or replaced. Every outcome but done, a refusal, an
// operation kreplay does not model or controllers that do not settle, is
// the fixture's error: a scene must build exactly.
absl::Status RunSceneStep(Cluster& cluster, const Fixture& f, const SceneStep& step,
                          PodAliases& aliases) {
  ExecContext ctx{cluster.now(), "default", &aliases};
  auto run = [&](const Operation& request, const std::string& field) {
    RequestRun result = RunRequest(cluster, f.world, request, ctx);
    return result.done() ? absl::OkStatus() : FixtureError(f, field, result.message);
  };
  if (!step.sleep.empty()) {
    std::optional<absl::Time> now = ParseClockTime(cluster.now());
    if (!now) return FixtureError(f, step.field + ".sleep", "the scene's clock is not a time");
    absl::Status s = AdvanceTo(cluster, f.world,
                               FormatClockTime(*now + absl::Seconds(step.sleep_seconds)));
    return s.ok() ? s : FixtureError(f, step.field + ".sleep", s.message());
  }
  if (!step.apply.is_null()) {
    Operation op;
    op.verb = cluster.Get(KeyOf(step.apply)) ? Verb::kReplace : Verb::kCreate;
    op.manifests.push_back(step.apply);
    return run(op, step.field + ".apply");
  }
  if (!step.file.empty()) {  // kubectl apply -f FILE: client-side, one request per object
    Operation op;
    op.verb = Verb::kApply;
    op.manifests = step.file_manifests;
    return run(op, step.field + ".file");
  }
  ToolCall call;
  call.source = f.file;
  call.tool = "run_command";
  call.server = "kubectl";
  call.args = {{"command", step.kubectl}};
  call.time = cluster.now();
  Interpretation meaning = Interpret(call);
  for (const Operation& op : meaning.operations) {
    if (!op.problem.empty()) return FixtureError(f, step.field + ".kubectl", op.problem);
    for (const Operation& request : Requests(op)) {
      if (absl::Status s = run(request, step.field + ".kubectl"); !s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

// The pauses of the scene's steps: the scene starts that much before agent
// start, so that its clock reaches `start` when the fault is done.
absl::Duration ScenePauses(const Fixture& f) {
  absl::Duration total = absl::ZeroDuration();
  for (const auto* steps : {&f.fault_steps, &f.fault_after_break}) {
    for (const SceneStep& step : *steps) total += absl::Seconds(step.sleep_seconds);
  }
  return total;
}

// A baseline object as `kubectl apply` creates it: with the last-applied
// annotation of the manifest as given (model/client_side_apply.h).
Json Applied(const Json& manifest) {
  Json object = manifest;
  object["metadata"]["annotations"][kLastAppliedAnnotation] = LastAppliedConfiguration(manifest);
  return object;
}

}  // namespace

absl::StatusOr<Cluster> BuildScene(const Fixture& f) {
  Cluster cluster;
  std::optional<absl::Time> start = ParseClockTime(f.start_time);
  absl::Duration pauses = ScenePauses(f);
  cluster.SetTime(start && pauses > absl::ZeroDuration() ? FormatClockTime(*start - pauses)
                                                         : f.start_time);
  cluster.SetActor("baseline");
  if (absl::StatusOr<Json> ns = cluster.Create(
          {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", "default"}}}});
      !ns.ok()) {
    return ns.status();
  }
  for (size_t i = 0; i < f.baseline.size(); ++i) {
    absl::StatusOr<Json> created =
        cluster.Create(f.baseline_applied && f.baseline[i].is_object() ? Applied(f.baseline[i])
                                                                        : f.baseline[i]);
    if (!created.ok() && !absl::IsAlreadyExists(created.status())) {
      return FixtureError(f, absl::StrCat("baseline object ", i + 1, " (",
                                          KeyOf(f.baseline[i]).ToString(), ")"),
                          created.status().message());
    }
  }
  // A fixture that declares no Node runs on kind's single node (sim/node.h).
  if (absl::Status s = EnsureDefaultNode(cluster); !s.ok()) {
    return FixtureError(f, "baseline", s.message());
  }
  // The baseline is created at once, not request by request: it settles here.
  if (absl::Status s = Reconcile(cluster, f.world); !s.ok()) {
    return FixtureError(f, "baseline", s.message());
  }
  cluster.SetActor("fault");
  PodAliases aliases;
  for (const auto* steps : {&f.fault_steps, &f.fault_after_break}) {
    for (const SceneStep& step : *steps) {
      if (absl::Status s = RunSceneStep(cluster, f, step, aliases); !s.ok()) return s;
    }
  }
  // The pauses end at agent start; without any, the clock is there already.
  if (absl::Status s = AdvanceTo(cluster, f.world, f.start_time); !s.ok()) {
    return FixtureError(f, "fault", s.message());
  }
  cluster.SetActor("agent");
  (void)cluster.TakeJournal();  // the scene is the start, not a change
  return cluster;
}

absl::Status RunChaosStep(Cluster& cluster, const Fixture& f, const SceneStep& step,
                          PodAliases& aliases) {
  cluster.SetActor("chaos");
  absl::Status s = RunSceneStep(cluster, f, step, aliases);
  cluster.SetActor("agent");
  return s;
}

}  // namespace kreplay
