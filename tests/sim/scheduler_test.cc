#include "sim/scheduler.h"

#include <string>

#include <doctest/doctest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "model/manifest.h"
#include "sim/controller.h"
#include "sim/node.h"
#include "sim/pod_requests.h"
#include "sim/pod_status.h"
#include "sim/scheduler_fit.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

constexpr char kNode[] = R"(
apiVersion: v1
kind: Node
metadata:
  name: NAME
  labels: {kubernetes.io/arch: amd64, kubernetes.io/os: linux, disk: ssd, cores: "8"}
spec: {TAINTS}
status:
  allocatable: {cpu: "1", memory: 1Gi, pods: "PODS"}
)";

constexpr char kNamespace[] = R"(
apiVersion: v1
kind: Namespace
metadata: {name: bench}
)";

std::string Node(const std::string& name, const std::string& taints = "",
                 const std::string& pods = "110") {
  return absl::StrReplaceAll(kNode, {{"NAME", name}, {"TAINTS", taints}, {"PODS", pods}});
}

// A pod asking for `cpu` with `spec` (YAML flow fields) added to its spec.
std::string Pod(const std::string& name, const std::string& cpu, const std::string& spec = "") {
  return absl::StrCat(R"(
apiVersion: v1
kind: Pod
metadata: {name: )", name, R"(, namespace: bench}
spec:
  )", spec, R"(
  containers:
  - name: app
    image: nginx:1.27
    resources: {requests: {cpu: )", cpu, R"(, memory: 64Mi}}
)");
}

std::string Stream(std::initializer_list<std::string> docs) {
  std::string out = kNamespace;
  for (const std::string& d : docs) absl::StrAppend(&out, "---", d);
  return out;
}

const Json& PodOf(const Cluster& cluster, const std::string& name) {
  const Json* pod = cluster.Get(ObjectKey{"Pod", "bench", name});
  REQUIRE(pod != nullptr);
  return *pod;
}

std::string Scheduled(const Json& pod) {
  for (const Json& c : pod["status"].value("conditions", Json::array())) {
    if (GetString(c, "type") == "PodScheduled") {
      return absl::StrCat(GetString(c, "status"), " ", GetString(c, "reason"), " ",
                          GetString(c, "message"));
    }
  }
  return "";
}

std::string Preemption(const std::string& nodes, const std::string& verdict) {
  return absl::StrCat(" preemption: 0/", nodes, " nodes are available: ", verdict, "..");
}

TEST_CASE("a pod is bound to the default node and runs") {
  Cluster cluster = ClusterFrom(Stream({Pod("web", "100m")}), TestWorld());
  const Json& pod = PodOf(cluster, "web");
  CHECK(GetString(pod, "spec.nodeName") == kDefaultNodeName);
  CHECK(IsPodReady(pod));
  const Json* node = cluster.Get(ObjectKey{"Node", "", kDefaultNodeName});
  REQUIRE(node != nullptr);
  CHECK(GetLabel(*node, "kubernetes.io/arch") == "amd64");
  CHECK(GetLabel(*node, "kubernetes.io/os") == "linux");
  CHECK(GetLabel(*node, "kubernetes.io/hostname") == kDefaultNodeName);
  CHECK(GetString(*node, "status.allocatable.cpu") == "4");
}

TEST_CASE("a declared node replaces the default one") {
  Cluster cluster = ClusterFrom(Stream({Node("n1"), Pod("web", "100m")}), TestWorld());
  CHECK(cluster.store().List("Node").size() == 1);
  CHECK(GetString(PodOf(cluster, "web"), "spec.nodeName") == "n1");
}

TEST_CASE("an unbound pod stays Pending with the scheduler's message") {
  const std::string taint = "taints: [{key: evidra.dev/core-blocker, value: \"true\", effect: NoSchedule}]";
  const std::string untolerated = "1 node(s) had untolerated taint {evidra.dev/core-blocker: true}.";
  const std::string unresolvable = Preemption("1", "1 Preemption is not helpful for scheduling");
  struct Case {
    const char* name;
    std::string node_spec;
    std::string cpu;
    std::string pod_spec;
    std::string want;  // "" when the pod is bound
  };
  const Case cases[] = {
      {"fits", taint, "100m", "tolerations: [{key: evidra.dev/core-blocker, operator: Exists, effect: NoSchedule}]", ""},
      {"toleration of the wrong effect", taint, "100m",
       "tolerations: [{key: evidra.dev/core-blocker, operator: Exists, effect: NoExecute}]",
       "0/1 nodes are available: " + untolerated + unresolvable},
      {"toleration of every effect", taint, "100m",
       "tolerations: [{key: evidra.dev/core-blocker, operator: Exists}]", ""},
      {"empty key with Exists tolerates everything", taint, "100m",
       "tolerations: [{operator: Exists}]", ""},
      {"Equal with another value", taint, "100m",
       "tolerations: [{key: evidra.dev/core-blocker, operator: Equal, value: \"false\"}]",
       "0/1 nodes are available: " + untolerated + unresolvable},
      {"Equal with the value", taint, "100m",
       "tolerations: [{key: evidra.dev/core-blocker, value: \"true\", effect: NoSchedule}]", ""},
      {"PreferNoSchedule does not block", "taints: [{key: k, effect: PreferNoSchedule}]", "100m", "", ""},
      {"selector mismatch", "", "100m", "nodeSelector: {kubernetes.io/arch: s390x}",
       "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector." + unresolvable},
      {"selector match", "", "100m", "nodeSelector: {kubernetes.io/arch: amd64}", ""},
      {"cpu one milli-core short", "", "1001m", "",
       "0/1 nodes are available: 1 Insufficient cpu." +
           Preemption("1", "1 No preemption victims found for incoming pod")},
      {"cpu exactly allocatable", "", "1", "", ""},
      {"the first failing filter decides: taint before selector and resources", taint, "16",
       "nodeSelector: {kubernetes.io/arch: s390x}", "0/1 nodes are available: " + untolerated + unresolvable},
      {"selector before resources", "", "16", "nodeSelector: {kubernetes.io/arch: s390x}",
       "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector." + unresolvable},
      {"cordoned", "unschedulable: true", "100m", "",
       "0/1 nodes are available: 1 node(s) were unschedulable." + unresolvable},
      {"preemptionPolicy Never", "", "2", "preemptionPolicy: Never",
       "0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.."},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Cluster cluster = ClusterFrom(Stream({Node("n1", c.node_spec), Pod("p", c.cpu, c.pod_spec)}), TestWorld());
    const Json& pod = PodOf(cluster, "p");
    if (c.want.empty()) {
      CHECK(GetString(pod, "spec.nodeName") == "n1");
      CHECK(Scheduled(pod) == "True  ");
      continue;
    }
    CHECK(GetString(pod, "spec.nodeName").empty());
    CHECK(Scheduled(pod) == "False Unschedulable " + c.want);
    CHECK(GetString(pod, "status.phase") == "Pending");
    CHECK(Find(pod, "status.containerStatuses") == nullptr);  // the kubelet never ran it
  }
}

TEST_CASE("requests are counted against what bound pods take") {
  Cluster fits = ClusterFrom(Stream({Node("n1"), Pod("a", "600m"), Pod("b", "400m")}), TestWorld());
  CHECK(GetString(PodOf(fits, "b"), "spec.nodeName") == "n1");
  Cluster over = ClusterFrom(Stream({Node("n1"), Pod("a", "600m"), Pod("b", "401m")}), TestWorld());
  CHECK(GetString(PodOf(over, "a"), "spec.nodeName") == "n1");
  CHECK(Scheduled(PodOf(over, "b")) ==
        "False Unschedulable 0/1 nodes are available: 1 Insufficient cpu." +
            Preemption("1", "1 No preemption victims found for incoming pod"));
}

TEST_CASE("the node's pod count is a limit") {
  Cluster cluster = ClusterFrom(Stream({Node("n1", "", "1"), Pod("a", "1m"), Pod("b", "1m")}), TestWorld());
  CHECK(Scheduled(PodOf(cluster, "b")) ==
        "False Unschedulable 0/1 nodes are available: 1 Too many pods." +
            Preemption("1", "1 No preemption victims found for incoming pod"));
}

TEST_CASE("reasons from several nodes are a sorted histogram") {
  Cluster cluster = ClusterFrom(
      Stream({Node("n1", "taints: [{key: k, value: v, effect: NoExecute}]"), Node("n2"),
              Pod("p", "2")}),
      TestWorld());
  CHECK(Scheduled(PodOf(cluster, "p")) ==
        "False Unschedulable 0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had "
        "untolerated taint {k: v}. preemption: 0/2 nodes are available: 1 No preemption victims "
        "found for incoming pod, 1 Preemption is not helpful for scheduling..");
}

TEST_CASE("the least allocated node wins; the name breaks ties") {
  Cluster cluster = ClusterFrom(Stream({Node("n1"), Node("n2"), Pod("a", "500m"), Pod("b", "100m")}), TestWorld());
  CHECK(GetString(PodOf(cluster, "a"), "spec.nodeName") == "n1");
  CHECK(GetString(PodOf(cluster, "b"), "spec.nodeName") == "n2");
}

TEST_CASE("a running pod stays when a NoSchedule taint is added; a new one is Pending") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(Stream({Node("n1"), Pod("a", "100m")}), world);
  REQUIRE(IsPodReady(PodOf(cluster, "a")));
  Json node = *cluster.Get(ObjectKey{"Node", "", "n1"});
  node["spec"]["taints"] = Json::parse(R"([{"key": "k", "value": "v", "effect": "NoSchedule"}])");
  REQUIRE(cluster.Update(node).ok());
  absl::StatusOr<std::vector<Json>> pod = ParseManifests(Pod("b", "100m"), "b.yaml");
  REQUIRE(pod.ok());
  REQUIRE(cluster.Create((*pod)[0]).ok());
  REQUIRE(Reconcile(cluster, world).ok());
  CHECK(IsPodReady(PodOf(cluster, "a")));
  CHECK(GetString(PodOf(cluster, "a"), "spec.nodeName") == "n1");
  CHECK(GetString(PodOf(cluster, "b"), "spec.nodeName").empty());
}

TEST_CASE("no node at all") {
  Cluster cluster;  // no default node: ClusterFrom would add one
  REQUIRE(cluster.Create(Json::parse(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"bench"}})")).ok());
  absl::StatusOr<std::vector<Json>> pod = ParseManifests(Pod("p", "1m"), "p.yaml");
  REQUIRE(pod.ok());
  REQUIRE(cluster.Create((*pod)[0]).ok());
  REQUIRE(Reconcile(cluster, TestWorld()).ok());
  CHECK(Scheduled(PodOf(cluster, "p")) == "False Unschedulable no nodes available to schedule pods");
}

Json NodeJson() {
  return Json::parse(R"({"metadata": {"name": "n1", "labels": {"disk": "ssd", "cores": "8"}}})");
}

bool Selects(const std::string& term) {
  Json pod = Json::parse(absl::StrCat(
      R"({"spec": {"affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": )",
      R"({"nodeSelectorTerms": )", term, "}}}}}"));
  return MatchesNodeSelection(pod, NodeJson());
}

TEST_CASE("required node affinity operators") {
  auto expr = [](const std::string& e) { return absl::StrCat(R"([{"matchExpressions": [)", e, "]}]"); };
  CHECK(Selects(expr(R"({"key": "disk", "operator": "In", "values": ["hdd", "ssd"]})")));
  CHECK_FALSE(Selects(expr(R"({"key": "disk", "operator": "In", "values": ["hdd"]})")));
  CHECK(Selects(expr(R"({"key": "disk", "operator": "NotIn", "values": ["hdd"]})")));
  CHECK_FALSE(Selects(expr(R"({"key": "disk", "operator": "NotIn", "values": ["ssd"]})")));
  CHECK(Selects(expr(R"({"key": "zone", "operator": "NotIn", "values": ["a"]})")));  // absent label
  CHECK(Selects(expr(R"({"key": "disk", "operator": "Exists"})")));
  CHECK_FALSE(Selects(expr(R"({"key": "zone", "operator": "Exists"})")));
  CHECK(Selects(expr(R"({"key": "zone", "operator": "DoesNotExist"})")));
  CHECK_FALSE(Selects(expr(R"({"key": "disk", "operator": "DoesNotExist"})")));
  CHECK(Selects(expr(R"({"key": "cores", "operator": "Gt", "values": ["7"]})")));
  CHECK_FALSE(Selects(expr(R"({"key": "cores", "operator": "Gt", "values": ["8"]})")));
  CHECK(Selects(expr(R"({"key": "cores", "operator": "Lt", "values": ["9"]})")));
  CHECK_FALSE(Selects(expr(R"({"key": "cores", "operator": "Lt", "values": ["8"]})")));
  CHECK_FALSE(Selects(expr(R"({"key": "disk", "operator": "Gt", "values": ["1"]})")));  // not a number
  // expressions of a term are ANDed, terms ORed; an empty term selects nothing
  CHECK_FALSE(Selects(expr(R"({"key": "disk", "operator": "Exists"}, {"key": "zone", "operator": "Exists"})")));
  CHECK(Selects(R"([{"matchExpressions": [{"key": "zone", "operator": "Exists"}]},
                    {"matchExpressions": [{"key": "disk", "operator": "Exists"}]}])"));
  CHECK_FALSE(Selects(R"([{}])"));
  CHECK(Selects(R"([{"matchFields": [{"key": "metadata.name", "operator": "In", "values": ["n1"]}]}])"));
  CHECK_FALSE(Selects(R"([{"matchFields": [{"key": "metadata.name", "operator": "In", "values": ["n2"]}]}])"));
}

TEST_CASE("nodeSelector and affinity must both select the node") {
  Json pod = Json::parse(R"({"spec": {"nodeSelector": {"disk": "ssd"}, "affinity": {"nodeAffinity":
      {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms":
      [{"matchExpressions": [{"key": "cores", "operator": "Gt", "values": ["16"]}]}]}}}}})");
  CHECK_FALSE(MatchesNodeSelection(pod, NodeJson()));
  pod["spec"].erase("affinity");
  CHECK(MatchesNodeSelection(pod, NodeJson()));
  pod["spec"]["nodeSelector"]["disk"] = "SSD";
  CHECK_FALSE(MatchesNodeSelection(pod, NodeJson()));
}

TEST_CASE("effective requests count init containers and sidecars as upstream") {
  Json pod = Json::parse(R"({"spec": {
      "initContainers": [
        {"name": "side", "restartPolicy": "Always", "resources": {"requests": {"cpu": "100m"}}},
        {"name": "init", "resources": {"requests": {"cpu": "1", "memory": "1Gi"}}}],
      "containers": [
        {"name": "a", "resources": {"requests": {"cpu": "200m", "memory": "64Mi"}}},
        {"name": "b", "resources": {"requests": {"cpu": "300m"}}}]}})");
  absl::StatusOr<ResourceList> requests = PodRequests(pod);
  REQUIRE(requests.ok());
  // cpu: max(200m+300m+100m sidecar, 1 init + 100m sidecar) = 1100m; memory: max(64Mi, 1Gi)
  CHECK(requests->at("cpu").String() == "1100m");
  CHECK(requests->at("memory").String() == "1Gi");
  pod["spec"]["initContainers"][1]["resources"]["requests"]["cpu"] = "100m";
  requests = PodRequests(pod);
  REQUIRE(requests.ok());
  CHECK(requests->at("cpu").String() == "600m");
  pod["spec"]["containers"][0]["resources"]["requests"]["cpu"] = "lots";
  CHECK_FALSE(PodRequests(pod).ok());
}

}  // namespace
}  // namespace kreplay
