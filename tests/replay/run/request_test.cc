// The request pipeline (replay/run/request.h) and its typed outcomes: a
// refusal, an operation kreplay does not model (not an error, and not the
// API server's 415, which is a refusal), and controllers that fail after an
// accepted write; how the replayer turns them into typed step problems; and
// the typed severities and ledger problems that reports render as before.
#include <algorithm>
#include <string>

#include <doctest/doctest.h>

#include "absl/strings/match.h"
#include "replay/exec/executor.h"
#include "replay/judge/verdict.h"
#include "replay/ledger/ledger_reader.h"
#include "replay/run/finding_severity.h"
#include "replay/run/fixture.h"
#include "replay/run/replayer.h"
#include "replay/run/request.h"
#include "replay/run/step_problem.h"
#include "sim/controller.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

constexpr char kNamespaces[] = R"(
apiVersion: v1
kind: Namespace
metadata: {name: default}
---
apiVersion: v1
kind: Namespace
metadata: {name: shop}
)";

Json ConfigMap(const std::string& name) {
  return {{"apiVersion", "v1"}, {"kind", "ConfigMap"},
          {"metadata", {{"name", name}, {"namespace", "default"}}}};
}

Operation CreateOf(const Json& manifest) {
  Operation op;
  op.verb = Verb::kCreate;
  op.manifests.push_back(manifest);
  return op;
}

// A ReplicaSet that wants a pod in namespace `shop`, whose Namespace object
// is then removed from under it: the ReplicaSet controller's create is
// refused with NotFound, which no controller expects.
Cluster ClusterWithOrphanedReplicaSet(const World& world) {
  Cluster cluster = ClusterFrom(kNamespaces, world);
  Json rs = {{"apiVersion", "apps/v1"}, {"kind", "ReplicaSet"},
             {"metadata", {{"name", "web"}, {"namespace", "shop"}}},
             {"spec", {{"replicas", 1},
                       {"selector", {{"matchLabels", {{"app", "web"}}}}},
                       {"template", {{"metadata", {{"labels", {{"app", "web"}}}}},
                                     {"spec", {{"containers", Json::array({{{"name", "web"},
                                                                            {"image", "nginx:1.27"}}})}}}}}}}};
  REQUIRE(cluster.Create(rs).ok());
  cluster.Remove(ObjectKey{"Namespace", "", "shop"});
  return cluster;
}

TEST_CASE("a controller's unexpected write error fails Reconcile, naming the controller") {
  World world = TestWorld();
  Cluster cluster = ClusterWithOrphanedReplicaSet(world);
  absl::Status settled = Reconcile(cluster, world);
  REQUIRE_FALSE(settled.ok());
  CHECK(settled.message() == "replicaset-controller: namespaces \"shop\" not found");
}

TEST_CASE("a Reconcile error after an accepted write is the request's not-settled outcome") {
  World world = TestWorld();
  Cluster cluster = ClusterWithOrphanedReplicaSet(world);
  PodAliases aliases;
  ExecContext ctx{"2026-05-12T10:00:00Z", "default", &aliases};
  RequestRun run = RunRequest(cluster, world, CreateOf(ConfigMap("c")), ctx);
  CHECK(run.outcome == RequestRun::Outcome::kNotSettled);
  CHECK_FALSE(run.done());
  CHECK(absl::StrContains(run.message, "replicaset-controller"));
  CHECK(cluster.Get(ObjectKey{"ConfigMap", "default", "c"}) != nullptr);  // the write was accepted
  REQUIRE(run.targets.size() == 1);
  CHECK(run.targets[0] == (ObjectKey{"ConfigMap", "default", "c"}));
  CHECK(run.after.contains(run.targets[0]));
  CHECK_FALSE(run.before.contains(run.targets[0]));
}

TEST_CASE("a create refused in a terminating namespace is tolerated, and Reconcile settles") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(kNamespaces, world);
  REQUIRE(cluster.Create({{"apiVersion", "v1"}, {"kind", "Namespace"},
                          {"metadata", {{"name", "a"}}}}).ok());
  REQUIRE(cluster.Create({{"apiVersion", "v1"}, {"kind", "Service"},
                          {"metadata", {{"name", "web"}, {"namespace", "shop"}}},
                          {"spec", {{"selector", {{"app", "web"}}},
                                    {"ports", Json::array({{{"port", 80}}})}}}}).ok());
  // Both terminate at once. The namespace controller removes the empty `a`
  // and ends its sync there, so the endpoints controller, next, tries to
  // create the Service's Endpoints in `shop`, which is terminating.
  REQUIRE(cluster.Delete(ObjectKey{"Namespace", "", "a"}, Propagation::kBackground).ok());
  REQUIRE(cluster.Delete(ObjectKey{"Namespace", "", "shop"}, Propagation::kBackground).ok());
  absl::Status settled = Reconcile(cluster, world);
  CHECK_MESSAGE(settled.ok(), settled.ToString());
  CHECK(cluster.Get(ObjectKey{"Endpoints", "shop", "web"}) == nullptr);
  CHECK(cluster.Get(ObjectKey{"Namespace", "", "shop"}) == nullptr);
}

TEST_CASE("request outcomes: done, refused, not modelled") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(kNamespaces, world);
  PodAliases aliases;
  ExecContext ctx{"2026-05-12T10:00:00Z", "default", &aliases};
  CHECK(RunRequest(cluster, world, CreateOf(ConfigMap("c")), ctx).done());

  RequestRun again = RunRequest(cluster, world, CreateOf(ConfigMap("c")), ctx);
  CHECK(again.outcome == RequestRun::Outcome::kRefused);
  CHECK(again.message == "configmaps \"c\" already exists");

  Operation helm;
  helm.verb = Verb::kUnknown;
  helm.problem = "helm test runs the chart's test pods: not modelled";
  RequestRun unmodelled = RunRequest(cluster, world, helm, ctx);
  CHECK(unmodelled.outcome == RequestRun::Outcome::kNotModelled);
  CHECK(unmodelled.message == helm.problem);
}

TEST_CASE("not modelled is an ExecResult; the API server's 415 is an error") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(kNamespaces, world);
  PodAliases aliases;
  ExecContext ctx{"2026-05-12T10:00:00Z", "default", &aliases};
  Operation helm;
  helm.verb = Verb::kUnknown;
  helm.problem = "not understood";
  absl::StatusOr<ExecResult> unmodelled = Execute(cluster, helm, ctx);
  REQUIRE(unmodelled.ok());
  REQUIRE(unmodelled->not_modelled.has_value());
  CHECK(unmodelled->not_modelled->what == "not understood");

  REQUIRE(cluster.Create({{"apiVersion", "example.com/v1"}, {"kind", "Widget"},
                          {"metadata", {{"name", "w"}, {"namespace", "default"}}},
                          {"spec", {{"a", 0}}}}).ok());
  Operation patch;
  patch.verb = Verb::kPatch;
  patch.kind = "Widget";
  patch.resource = "widget";
  patch.names = {"w"};
  patch.patch = {{"spec", {{"a", 1}}}};
  patch.patch_type = PatchType::kStrategic;
  absl::StatusOr<ExecResult> refused = Execute(cluster, patch, ctx);
  REQUIRE_FALSE(refused.ok());
  CHECK(absl::IsUnimplemented(refused.status()));
  CHECK(absl::StrContains(refused.status().message(), "unknown format"));
  RequestRun run = RunRequest(cluster, world, patch, ctx);
  CHECK(run.outcome == RequestRun::Outcome::kRefused);
  CHECK(absl::StrContains(run.message, "unknown format"));
}

TEST_CASE("step problems render with the kind's prefix") {
  CHECK(StepProblem{StepProblem::Kind::kNotInterpretable, "glob not expanded"}.Text() ==
        "glob not expanded");
  CHECK(StepProblem{StepProblem::Kind::kNotModelled, "kreplay does not model `drain`"}.Text() ==
        "not modelled: kreplay does not model `drain`");
  CHECK(StepProblem{StepProblem::Kind::kSimulatorError, "controllers did not settle"}.Text() ==
        "simulator error: controllers did not settle");
}

TEST_CASE("a replayed call kreplay does not model is a typed step problem and makes the run incomplete") {
  absl::StatusOr<Fixture> f = LoadFixture("broken-deployment", {KREPLAY_FIXTURES_DIR});
  REQUIRE_MESSAGE(f.ok(), f.status().ToString());
  Ledger ledger;
  ledger.source = "test";
  ledger.calls.push_back(ToolCall{"test", 1, "run_command", "",
                                  {{"command", "helm uninstall web -n bench"}}, {}, ""});
  absl::StatusOr<ReplayResult> result = Replay(*f, ledger);
  REQUIRE_MESSAGE(result.ok(), result.status().ToString());
  REQUIRE(result->steps.size() == 1);
  const StepReport& step = result->steps[0];
  REQUIRE(step.problems.size() == 1);
  CHECK(step.problems[0].kind == StepProblem::Kind::kNotModelled);
  CHECK(step.problems[0].message == "kreplay does not model `helm uninstall`");
  CHECK(step.operations[0].error.empty());  // not the API server refusing
  Judgement j = JudgeReplay(*result);
  CHECK(std::find(j.incomplete_reasons.begin(), j.incomplete_reasons.end(),
                  "step 1 (run_command): not modelled: kreplay does not model `helm uninstall`") !=
        j.incomplete_reasons.end());
}

TEST_CASE("finding severities: names as reports print them, parsed back") {
  for (FindingSeverity s : {FindingSeverity::kInfo, FindingSeverity::kWarning,
                            FindingSeverity::kCritical}) {
    CHECK(ParseSeverity(SeverityName(s)) == s);
  }
  CHECK(std::string(SeverityName(FindingSeverity::kCritical)) == "critical");
  CHECK_FALSE(ParseSeverity("high").has_value());
}

TEST_CASE("ledger problems: severity is a field, the info prefix only rendered") {
  LedgerProblem info{"l.jsonl", 3, "", "notifications ignored x2", Severity::kInfo};
  CHECK(IsInfoProblem(info));
  CHECK(info.Text() == "info: notifications ignored x2");
  LedgerProblem warning{"l.jsonl", 4, "", "info: looks like one", Severity::kWarning};
  CHECK_FALSE(IsInfoProblem(warning));  // the message's words do not decide
  CHECK(warning.Text() == "info: looks like one");
  CHECK((LedgerProblem{"l.jsonl", 5, "", "bad", Severity::kFatal}.fatal()));
}

}  // namespace
}  // namespace kreplay
