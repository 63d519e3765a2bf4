// Cluster::writes and the idle-controller skip in Reconcile (sim/controller):
// the counter moves with every journaled write and only then, and a settled
// cluster reconciles again without any write.
#include <doctest/doctest.h>

#include "sim/cluster.h"
#include "sim/controller.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

constexpr char kApp[] = R"(
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: "nginx:1.27"}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80}]
)";

TEST_CASE("Cluster::writes counts journaled writes and survives TakeJournal") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(kApp, world);
  uint64_t settled = cluster.writes();
  CHECK(settled > 0);
  (void)cluster.TakeJournal();
  CHECK(cluster.writes() == settled);

  const Json* live = cluster.Get(ObjectKey{"Service", "shop", "web"});
  REQUIRE(live != nullptr);
  REQUIRE(cluster.Update(*live).ok());  // a no-op write is not journaled
  CHECK(cluster.writes() == settled);
  CHECK(cluster.TakeJournal().empty());

  Json scaled = *cluster.Get(ObjectKey{"Deployment", "shop", "web"});
  scaled["spec"]["replicas"] = 3;
  REQUIRE(cluster.Update(scaled).ok());
  CHECK(cluster.writes() == settled + 1);
}

TEST_CASE("Reconcile on a settled cluster writes nothing; after a change it settles") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(kApp, world);
  (void)cluster.TakeJournal();
  REQUIRE(Reconcile(cluster, world).ok());
  CHECK(cluster.TakeJournal().empty());

  Json scaled = *cluster.Get(ObjectKey{"Deployment", "shop", "web"});
  scaled["spec"]["replicas"] = 3;
  REQUIRE(cluster.Update(scaled).ok());
  REQUIRE(Reconcile(cluster, world).ok());
  CHECK(CountReadyPods(cluster, "shop", "web-") == 3);
  uint64_t after = cluster.writes();
  REQUIRE(Reconcile(cluster, world).ok());
  CHECK(cluster.writes() == after);
}

}  // namespace
}  // namespace kreplay
