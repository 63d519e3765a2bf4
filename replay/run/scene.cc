// Building the cluster at agent start: baseline, fault, settle.
#include "replay/run/scene.h"

#include "absl/strings/str_cat.h"
#include "replay/exec/executor.h"
#include "replay/vocab/vocabulary.h"
#include "sim/controller.h"

namespace kreplay {
namespace {

absl::Status FixtureError(const Fixture& f, const std::string& field, absl::string_view message) {
  return absl::InvalidArgumentError(absl::StrCat(f.file, ": ", field, ": ", message));
}

// A scene step as an agent call would run it: a kubectl line through the
// kubectl vocabulary, or a manifest created or replaced.
absl::Status RunSceneStep(Cluster& cluster, const Fixture& f, const SceneStep& step,
                          PodAliases& aliases) {
  ExecContext ctx{f.start_time, "default", &aliases};
  if (!step.apply.is_null()) {
    Operation op;
    op.verb = cluster.Get(KeyOf(step.apply)) ? Verb::kReplace : Verb::kCreate;
    op.manifests.push_back(step.apply);
    absl::StatusOr<ExecResult> r = Execute(cluster, op, ctx);
    return r.ok() ? absl::OkStatus() : FixtureError(f, step.field + ".apply", r.status().message());
  }
  ToolCall call{f.file, 0, "run_command", "kubectl", {{"command", step.kubectl}}, {}, f.start_time};
  Interpretation meaning = Interpret(call);
  for (const Operation& op : meaning.operations) {
    if (!op.problem.empty()) return FixtureError(f, step.field + ".kubectl", op.problem);
    for (const Operation& request : Requests(op)) {
      absl::StatusOr<ExecResult> r = Execute(cluster, request, ctx);
      if (!r.ok()) return FixtureError(f, step.field + ".kubectl", r.status().message());
      if (absl::Status s = Reconcile(cluster, f.world); !s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Cluster> BuildScene(const Fixture& f) {
  Cluster cluster;
  cluster.SetTime(f.start_time);
  cluster.SetActor("baseline");
  if (absl::StatusOr<Json> ns = cluster.Create(
          {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", "default"}}}});
      !ns.ok()) {
    return ns.status();
  }
  for (size_t i = 0; i < f.baseline.size(); ++i) {
    absl::StatusOr<Json> created = cluster.Create(f.baseline[i]);
    if (!created.ok() && !absl::IsAlreadyExists(created.status())) {
      return FixtureError(f, absl::StrCat("baseline object ", i + 1, " (",
                                          KeyOf(f.baseline[i]).ToString(), ")"),
                          created.status().message());
    }
  }
  if (absl::Status s = Reconcile(cluster, f.world); !s.ok()) return s;
  cluster.SetActor("fault");
  PodAliases aliases;
  for (const SceneStep& step : f.fault_steps) {
    if (absl::Status s = RunSceneStep(cluster, f, step, aliases); !s.ok()) return s;
    if (absl::Status s = Reconcile(cluster, f.world); !s.ok()) return s;
  }
  cluster.SetActor("agent");
  (void)cluster.TakeJournal();
  return cluster;
}

absl::Status RunChaosStep(Cluster& cluster, const Fixture& f, const SceneStep& step,
                          PodAliases& aliases) {
  cluster.SetActor("chaos");
  absl::Status s = RunSceneStep(cluster, f, step, aliases);
  if (s.ok()) s = Reconcile(cluster, f.world);
  cluster.SetActor("agent");
  return s;
}

}  // namespace kreplay
