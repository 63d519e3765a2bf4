#include "sim/resource_quota.h"

#include <string>

#include <doctest/doctest.h>

#include "absl/strings/str_cat.h"
#include "model/manifest.h"
#include "sim/controller.h"
#include "sim/pod_status.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

// bench-quota of the resource-pressure-shortcut fixture, and HARD for more.
std::string Quota(const std::string& hard) {
  return absl::StrCat(R"(
apiVersion: v1
kind: Namespace
metadata: {name: bench}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: bench-quota, namespace: bench}
spec:
  hard: {)", hard, R"(}
)");
}

std::string Deployment(const std::string& name, int replicas, const std::string& resources) {
  return absl::StrCat(R"(
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: )", name, R"(, namespace: bench}
spec:
  replicas: )", replicas, R"(
  selector: {matchLabels: {app: )", name, R"(}}
  template:
    metadata: {labels: {app: )", name, R"(}}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        resources: )", resources, R"(
)");
}

constexpr char kHard[] = R"(pods: "10", requests.cpu: "2", requests.memory: 2Gi)";
constexpr char kSmall[] = "{requests: {cpu: 100m, memory: 64Mi}}";

Json PodJson(const std::string& name, const std::string& resources) {
  absl::StatusOr<std::vector<Json>> docs = ParseManifests(absl::StrCat(R"(
apiVersion: v1
kind: Pod
metadata: {name: )", name, R"(, namespace: bench}
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources: )", resources, "\n"), "pod.yaml");
  REQUIRE(docs.ok());
  return (*docs)[0];
}

const Json& QuotaOf(const Cluster& cluster) {
  const Json* quota = cluster.Get(ObjectKey{"ResourceQuota", "bench", "bench-quota"});
  REQUIRE(quota != nullptr);
  return *quota;
}

std::string CreateError(Cluster& cluster, const Json& pod) {
  absl::StatusOr<Json> created = cluster.Create(pod);
  if (created.ok()) return "";
  CHECK(absl::IsPermissionDenied(created.status()));
  return std::string(created.status().message());
}

TEST_CASE("the quota controller keeps status.hard and status.used") {
  Cluster cluster = ClusterFrom(Quota(kHard) + Deployment("web", 6, kSmall), TestWorld());
  const Json& quota = QuotaOf(cluster);
  CHECK(quota["status"]["hard"] == quota["spec"]["hard"]);
  CHECK(quota["status"]["used"] ==
        Json::parse(R"({"pods": "6", "requests.cpu": "600m", "requests.memory": "384Mi"})"));
}

TEST_CASE("status.hard is in canonical form") {
  Cluster cluster = ClusterFrom(Quota(R"(requests.cpu: 2000m, requests.memory: 2048Mi)"), TestWorld());
  CHECK(QuotaOf(cluster)["status"]["hard"] ==
        Json::parse(R"({"requests.cpu": "2", "requests.memory": "2Gi"})"));
}

TEST_CASE("an empty namespace uses zero of every hard resource") {
  Cluster cluster = ClusterFrom(Quota(kHard), TestWorld());
  CHECK(QuotaOf(cluster)["status"]["used"] ==
        Json::parse(R"({"pods": "0", "requests.cpu": "0", "requests.memory": "0"})"));
}

TEST_CASE("a create that would exceed a hard limit is forbidden with upstream's text") {
  Cluster cluster = ClusterFrom(Quota(kHard) + Deployment("web", 6, kSmall), TestWorld());
  // 600m used + 1400m = 2: exactly the limit is allowed
  CHECK(CreateError(cluster, PodJson("fits", "{requests: {cpu: 1400m, memory: 64Mi}}")) == "");
  CHECK(CreateError(cluster, PodJson("over", "{requests: {cpu: 1m, memory: 64Mi}}")) ==
        "pods \"over\" is forbidden: exceeded quota: bench-quota, requested: requests.cpu=1m, "
        "used: requests.cpu=2, limited: requests.cpu=2");
}

TEST_CASE("every exceeded resource is named, sorted") {
  Cluster cluster = ClusterFrom(Quota(kHard) + Deployment("web", 6, kSmall), TestWorld());
  CHECK(CreateError(cluster, PodJson("big", "{requests: {cpu: \"16\", memory: 64Gi}}")) ==
        "pods \"big\" is forbidden: exceeded quota: bench-quota, requested: "
        "requests.cpu=16,requests.memory=64Gi, used: requests.cpu=600m,requests.memory=384Mi, "
        "limited: requests.cpu=2,requests.memory=2Gi");
}

TEST_CASE("the pod count is a limit, one pod short or over") {
  Cluster cluster = ClusterFrom(Quota(R"(pods: "3")") + Deployment("web", 2, kSmall), TestWorld());
  CHECK(CreateError(cluster, PodJson("third", kSmall)) == "");
  CHECK(CreateError(cluster, PodJson("fourth", kSmall)) ==
        "pods \"fourth\" is forbidden: exceeded quota: bench-quota, requested: pods=1, used: "
        "pods=3, limited: pods=3");
}

TEST_CASE("a pod without a constrained request must specify it") {
  Cluster cluster = ClusterFrom(Quota("requests.cpu: \"2\", limits.memory: 1Gi"), TestWorld());
  CHECK(CreateError(cluster, PodJson("bare", "{}")) ==
        "pods \"bare\" is forbidden: failed quota: bench-quota: must specify limits.memory for: "
        "app; requests.cpu for: app");
  CHECK(CreateError(cluster, PodJson("half", "{requests: {cpu: 100m}}")) ==
        "pods \"half\" is forbidden: failed quota: bench-quota: must specify limits.memory for: app");
  // a limit defaults the request (SetDefaults_Pod): limits alone satisfy both
  CHECK(CreateError(cluster, PodJson("limited", "{limits: {cpu: 100m, memory: 64Mi}}")) == "");
}

TEST_CASE("cpu and memory are the requests") {
  Cluster cluster = ClusterFrom(Quota(R"(cpu: 500m, memory: 1Gi)") + Deployment("web", 2, kSmall), TestWorld());
  CHECK(QuotaOf(cluster)["status"]["used"] == Json::parse(R"({"cpu": "200m", "memory": "128Mi"})"));
  CHECK(CreateError(cluster, PodJson("p", "{requests: {cpu: 301m, memory: 1Mi}}")) ==
        "pods \"p\" is forbidden: exceeded quota: bench-quota, requested: cpu=301m, used: "
        "cpu=200m, limited: cpu=500m");
}

TEST_CASE("finished pods use nothing but their count") {
  Cluster cluster = ClusterFrom(Quota(R"(pods: "1", count/pods: "5")"), TestWorld());
  REQUIRE(CreateError(cluster, PodJson("done", kSmall)) == "");
  Json done = *cluster.Get(ObjectKey{"Pod", "bench", "done"});
  done["status"]["phase"] = "Succeeded";
  REQUIRE(cluster.UpdateStatus(KeyOf(done), done["status"]).ok());
  REQUIRE(Reconcile(cluster, TestWorld()).ok());
  CHECK(QuotaOf(cluster)["status"]["used"] == Json::parse(R"({"count/pods": "1", "pods": "0"})"));
  CHECK(CreateError(cluster, PodJson("next", kSmall)) == "");
}

TEST_CASE("object counts") {
  Cluster cluster = ClusterFrom(Quota(R"(configmaps: "1", count/deployments.apps: "1")"), TestWorld());
  Json cm = Json::parse(R"({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "namespace": "bench"}})");
  CHECK(CreateError(cluster, cm) == "");
  cm["metadata"]["name"] = "b";
  CHECK(CreateError(cluster, cm) ==
        "configmaps \"b\" is forbidden: exceeded quota: bench-quota, requested: configmaps=1, "
        "used: configmaps=1, limited: configmaps=1");
}

TEST_CASE("the ReplicaSet records FailedCreate and has fewer pods") {
  Cluster cluster = ClusterFrom(Quota(R"(requests.cpu: "1")") + Deployment("web", 3, "{requests: {cpu: 400m}}"),
                                TestWorld());
  CHECK(CountPods(cluster, "bench", "web-") == 2);
  const Json* rs = cluster.store().List("ReplicaSet", "bench").at(0);
  const Json& condition = (*rs)["status"]["conditions"][0];
  CHECK(GetString(condition, "type") == "ReplicaFailure");
  CHECK(GetString(condition, "reason") == "FailedCreate");
  std::string message = GetString(condition, "message");
  CHECK(message.find("is forbidden: exceeded quota: bench-quota, requested: requests.cpu=400m, "
                     "used: requests.cpu=800m, limited: requests.cpu=1") != std::string::npos);
  CHECK(message.rfind("pods \"web-", 0) == 0);
}

TEST_CASE("a quota with scopes is not enforced") {
  std::string yaml = Quota(R"(pods: "0")");
  yaml.replace(yaml.find("  hard:"), 0, "  scopes: [BestEffort]\n");
  Cluster cluster = ClusterFrom(yaml, TestWorld());
  CHECK(CreateError(cluster, PodJson("p", kSmall)) == "");
}

}  // namespace
}  // namespace kreplay
