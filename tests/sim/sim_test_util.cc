#include "tests/sim/sim_test_util.h"

#include <doctest/doctest.h>

#include "absl/strings/match.h"
#include "model/manifest.h"
#include "sim/controller.h"
#include "sim/node.h"
#include "sim/pod_status.h"

namespace kreplay {

World TestWorld() {
  absl::StatusOr<World> world = WorldFromJson(Json::parse(R"({"images": [
      {"image": "nginx:1.27", "ports": [80]},
      {"image": "nginx:1.27-alpine", "ports": [80],
       "requires": {"files": [{"path": "/etc/nginx/nginx.conf", "contains": "listen 80;"}]}}]})"));
  REQUIRE(world.ok());
  return *world;
}

Cluster ClusterFrom(const std::string& yaml, const World& world) {
  absl::StatusOr<std::vector<Json>> objects = ParseManifests(yaml, "test.yaml");
  REQUIRE_MESSAGE(objects.ok(), objects.status().ToString());
  Cluster cluster;
  for (const Json& object : *objects) {
    absl::StatusOr<Json> created = cluster.Create(object);
    REQUIRE_MESSAGE(created.ok(), created.status().ToString());
  }
  REQUIRE(EnsureDefaultNode(cluster).ok());  // as a scene gets it (sim/node.h)
  absl::Status settled = Reconcile(cluster, world);
  REQUIRE_MESSAGE(settled.ok(), settled.ToString());
  return cluster;
}

int CountPods(const Cluster& cluster, const std::string& ns, const std::string& prefix) {
  int n = 0;
  for (const Json* pod : cluster.store().List("Pod", ns)) {
    n += absl::StartsWith(GetString(*pod, "metadata.name"), prefix) && IsPodActive(*pod);
  }
  return n;
}

int CountReadyPods(const Cluster& cluster, const std::string& ns, const std::string& prefix) {
  int n = 0;
  for (const Json* pod : cluster.store().List("Pod", ns)) {
    n += absl::StartsWith(GetString(*pod, "metadata.name"), prefix) && IsPodReady(*pod);
  }
  return n;
}

}  // namespace kreplay
