// kubectl taint and label on nodes, as the executor applies them: adding,
// replacing (--overwrite), removing by key and effect or by key, -l
// selectors, and kubectl's refusals.
#include "replay/exec/taint.h"

#include <string>

#include <doctest/doctest.h>

#include "replay/exec/executor.h"
#include "replay/vocab/vocabulary.h"
#include "sim/controller.h"
#include "sim/node.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

constexpr char kNodes[] = R"(
apiVersion: v1
kind: Node
metadata: {name: n1, labels: {kubernetes.io/os: linux, pool: a}}
---
apiVersion: v1
kind: Node
metadata: {name: n2, labels: {kubernetes.io/os: windows, pool: a}}
)";

// Runs one kubectl command line; returns the first error ("" when none).
std::string Run(Cluster& cluster, const std::string& command) {
  static PodAliases aliases;
  ToolCall call{"test", 1, "run_command", "kubectl", {{"command", command}}, {}, ""};
  Interpretation meaning = Interpret(call);
  ExecContext ctx{"2026-05-12T10:00:00Z", "default", &aliases};
  REQUIRE_FALSE(meaning.operations.empty());
  for (const Operation& op : meaning.operations) {
    REQUIRE_MESSAGE(op.problem.empty(), op.problem);
    absl::StatusOr<ExecResult> r = Execute(cluster, op, ctx);
    if (!r.ok()) return std::string(r.status().message());
    REQUIRE(Reconcile(cluster, TestWorld()).ok());
  }
  return "";
}

std::string Taints(const Cluster& cluster, const std::string& node) {
  std::string out;
  const Json* taints = Find(*cluster.Get(ObjectKey{"Node", "", node}), "spec.taints");
  for (const Json& t : taints ? *taints : Json::array()) {
    out += GetString(t, "key") + "=" + GetString(t, "value") + ":" + GetString(t, "effect") + ";";
  }
  return out;
}

TEST_CASE("kubectl taint adds, replaces and removes taints") {
  Cluster cluster = ClusterFrom(kNodes, TestWorld());
  CHECK(Run(cluster, "kubectl taint nodes n1 k=v:NoSchedule") == "");
  CHECK(Taints(cluster, "n1") == "k=v:NoSchedule;");
  CHECK(Taints(cluster, "n2") == "");

  // same key and effect: refused without --overwrite, replaced with it
  CHECK(Run(cluster, "kubectl taint nodes n1 k=w:NoSchedule") ==
        "error: node n1 already has k taint(s) with same effect(s) and --overwrite is false");
  CHECK(Run(cluster, "kubectl taint nodes n1 k=w:NoSchedule --overwrite") == "");
  CHECK(Taints(cluster, "n1") == "k=w:NoSchedule;");

  // the same key with another effect is another taint; new taints come first
  CHECK(Run(cluster, "kubectl taint node n1 k:NoExecute") == "");
  CHECK(Taints(cluster, "n1") == "k=:NoExecute;k=w:NoSchedule;");
  CHECK(GetString(cluster.Get(ObjectKey{"Node", "", "n1"})->at("spec").at("taints")[0], "timeAdded") ==
        "2026-05-12T10:00:00Z");

  // removal by key and effect leaves the other effect
  CHECK(Run(cluster, "kubectl taint nodes n1 k:NoSchedule-") == "");
  CHECK(Taints(cluster, "n1") == "k=:NoExecute;");
  CHECK(Run(cluster, "kubectl taint nodes n1 k:NoSchedule-") == "error: taint \"k:NoSchedule\" not found");

  // removal by key takes every effect
  CHECK(Run(cluster, "kubectl taint nodes n1 k=v:PreferNoSchedule") == "");
  CHECK(Run(cluster, "kubectl taint nodes n1 k-") == "");
  CHECK(Taints(cluster, "n1") == "");
  CHECK(Find(*cluster.Get(ObjectKey{"Node", "", "n1"}), "spec.taints") == nullptr);
}

TEST_CASE("kubectl taint -l taints the nodes the selector matches") {
  Cluster cluster = ClusterFrom(kNodes, TestWorld());
  CHECK(Run(cluster, "kubectl taint nodes -l kubernetes.io/os=linux evidra.dev/core-blocker=true:NoSchedule --overwrite") == "");
  CHECK(Taints(cluster, "n1") == "evidra.dev/core-blocker=true:NoSchedule;");
  CHECK(Taints(cluster, "n2") == "");
  CHECK(Run(cluster, "kubectl taint nodes -l pool=a x=1:NoSchedule") == "");
  CHECK(Taints(cluster, "n2") == "x=1:NoSchedule;");
  CHECK(Run(cluster, "kubectl taint nodes -l kubernetes.io/os=linux evidra.dev/core-blocker:NoSchedule-") == "");
  CHECK(Taints(cluster, "n1") == "x=1:NoSchedule;");
}

TEST_CASE("kubectl taint refuses what is not a node") {
  Cluster cluster = ClusterFrom(R"(
apiVersion: v1
kind: Namespace
metadata: {name: bench}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c, namespace: bench}
)", TestWorld());
  CHECK(Run(cluster, "kubectl taint configmap c -n bench k=v:NoSchedule") ==
        "error: taint is only applicable to nodes");
}

TEST_CASE("kubectl label nodes with -l, --overwrite and removal") {
  Cluster cluster = ClusterFrom(kNodes, TestWorld());
  CHECK(Run(cluster, "kubectl label nodes -l kubernetes.io/os=linux evidra.io/scheduler-fixture=true") == "");
  CHECK(GetLabel(*cluster.Get(ObjectKey{"Node", "", "n1"}), "evidra.io/scheduler-fixture") == "true");
  CHECK(GetLabel(*cluster.Get(ObjectKey{"Node", "", "n2"}), "evidra.io/scheduler-fixture") == "");
  CHECK(Run(cluster, "kubectl label nodes n1 pool=b") ==
        "error: 'pool' already has a value (a), and --overwrite is false");
  CHECK(Run(cluster, "kubectl label nodes n1 pool=b --overwrite") == "");
  CHECK(GetLabel(*cluster.Get(ObjectKey{"Node", "", "n1"}), "pool") == "b");
  CHECK(Run(cluster, "kubectl label nodes -l kubernetes.io/os=linux evidra.io/scheduler-fixture-") == "");
  CHECK(GetLabel(*cluster.Get(ObjectKey{"Node", "", "n1"}), "evidra.io/scheduler-fixture") == "");
}

TEST_CASE("an untolerated taint keeps new pods off a node; removing it lets them on") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(R"(
apiVersion: v1
kind: Namespace
metadata: {name: bench}
)", world);
  CHECK(Run(cluster, std::string("kubectl taint nodes ") + kDefaultNodeName + " k=v:NoSchedule") == "");
  CHECK(Run(cluster, "kubectl run p -n bench --image=nginx:1.27") == "");
  const Json* pod = cluster.Get(ObjectKey{"Pod", "bench", "p"});
  REQUIRE(pod != nullptr);
  CHECK(GetString(*pod, "spec.nodeName").empty());
  CHECK(Run(cluster, std::string("kubectl taint nodes ") + kDefaultNodeName + " k-") == "");
  pod = cluster.Get(ObjectKey{"Pod", "bench", "p"});
  CHECK(GetString(*pod, "spec.nodeName") == kDefaultNodeName);
  CHECK(GetString(*pod, "status.phase") == "Running");
}

}  // namespace
}  // namespace kreplay
