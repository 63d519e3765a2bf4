#include <doctest/doctest.h>

#include "sim/controller.h"
#include "sim/deployment_util.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

constexpr char kWeb[] = R"(
apiVersion: v1
kind: Namespace
metadata: {name: bench}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: bench}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{containerPort: 80}]
        readinessProbe: {httpGet: {path: /, port: 80}}
---
apiVersion: v1
kind: Service
metadata: {name: web-svc, namespace: bench}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
)";

const Json& Deployment(const Cluster& c) {
  return *c.Get(ObjectKey{"Deployment", "bench", "web"});
}

void SetImage(Cluster& cluster, const World& world, const std::string& image) {
  Json d = Deployment(cluster);
  d["spec"]["template"]["spec"]["containers"][0]["image"] = image;
  REQUIRE(cluster.Update(d).ok());
  REQUIRE(Reconcile(cluster, world).ok());
}

TEST_CASE("a Deployment rolls out a ReplicaSet of ready pods behind its Service") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(kWeb, world);
  std::vector<const Json*> rss = ReplicaSetsOf(cluster.store(), Deployment(cluster));
  REQUIRE(rss.size() == 1);
  std::string rs_name = GetString(*rss[0], "metadata.name");
  CHECK(rs_name.rfind("web-", 0) == 0);
  CHECK(GetLabel(*rss[0], "pod-template-hash") == rs_name.substr(4));
  CHECK(RevisionOf(*rss[0]) == 1);
  CHECK(CountReadyPods(cluster, "bench", rs_name + "-") == 2);
  const Json& d = Deployment(cluster);
  CHECK(GetInt(d, "status.availableReplicas") == 2);
  CHECK(GetInt(d, "status.updatedReplicas") == 2);
  CHECK(GetAnnotation(d, kRevisionAnnotation) == "1");
  const Json* ep = cluster.Get(ObjectKey{"Endpoints", "bench", "web-svc"});
  REQUIRE(ep != nullptr);
  CHECK((*ep)["subsets"][0]["addresses"].size() == 2);
}

TEST_CASE("a rollout to a missing image is stuck with the old pods serving") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(kWeb, world);
  SetImage(cluster, world, "nginx:99.99-nonexistent");
  std::vector<const Json*> rss = ReplicaSetsOf(cluster.store(), Deployment(cluster));
  REQUIRE(rss.size() == 2);
  // maxSurge 25% of 2 rounds up to 1, maxUnavailable rounds down to 0.
  CHECK(GetInt(*rss[0], "spec.replicas") == 2);
  CHECK(GetInt(*rss[1], "spec.replicas") == 1);
  CHECK(RevisionOf(*rss[1]) == 2);
  std::string new_rs = GetString(*rss[1], "metadata.name");
  CHECK(CountPods(cluster, "bench", new_rs + "-") == 1);
  CHECK(CountReadyPods(cluster, "bench", new_rs + "-") == 0);
  const Json& d = Deployment(cluster);
  CHECK(GetInt(d, "status.availableReplicas") == 2);
  CHECK(GetInt(d, "status.updatedReplicas") == 1);
  const Json* ep = cluster.Get(ObjectKey{"Endpoints", "bench", "web-svc"});
  CHECK((*ep)["subsets"][0]["addresses"].size() == 2);

  SUBCASE("reverting the template makes the first ReplicaSet new again") {
    SetImage(cluster, world, "nginx:1.27");
    std::vector<const Json*> after = ReplicaSetsOf(cluster.store(), Deployment(cluster));
    REQUIRE(after.size() == 2);
    const Json& first = *cluster.Get(KeyOf(*rss[0]));
    CHECK(RevisionOf(first) == 3);
    CHECK(GetAnnotation(first, kRevisionHistoryAnnotation) == "1");
    CHECK(GetInt(first, "spec.replicas") == 2);
    CHECK(GetInt(*cluster.Get(ObjectKey{"ReplicaSet", "bench", new_rs}), "spec.replicas") == 0);
    CHECK(CountPods(cluster, "bench", new_rs + "-") == 0);
    CHECK(GetAnnotation(Deployment(cluster), kRevisionAnnotation) == "3");
  }
  SUBCASE("a working image completes the rollout and retires the old pods") {
    SetImage(cluster, world, "nginx:1.27-alpine");
    std::vector<const Json*> after = ReplicaSetsOf(cluster.store(), Deployment(cluster));
    REQUIRE(after.size() == 3);
    CHECK(GetInt(*after[2], "spec.replicas") == 2);
    CHECK(GetInt(*after[0], "spec.replicas") == 0);
    CHECK(GetInt(*after[1], "spec.replicas") == 0);
    CHECK(GetInt(Deployment(cluster), "status.updatedReplicas") == 2);
  }
}

TEST_CASE("the same inputs give the same names") {
  World world = TestWorld();
  Cluster a = ClusterFrom(kWeb, world);
  Cluster b = ClusterFrom(kWeb, world);
  CHECK(a.store().objects().size() == b.store().objects().size());
  auto ia = a.store().objects().begin();
  for (auto ib = b.store().objects().begin(); ib != b.store().objects().end(); ++ia, ++ib) {
    CHECK(ia->first == ib->first);
    CHECK(*ia->second == *ib->second);
  }
}

}  // namespace
}  // namespace kreplay
