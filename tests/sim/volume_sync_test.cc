#include "sim/volume_sync.h"

#include <doctest/doctest.h>

#include <string>

#include "model/manifest.h"
#include "sim/clock.h"
#include "sim/controller.h"
#include "sim/node.h"
#include "sim/pod_status.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

World BusyboxWorld() {
  absl::StatusOr<World> world =
      WorldFromJson(Json::parse(R"({"images": [{"image": "busybox:1.36", "ports": [8080]}]})"));
  REQUIRE(world.ok());
  return *world;
}

// The config-mutation-mid-fix shape: web's exec probe reads /config/mode,
// a whole-volume mount of web-config; `mount` is the volumeMount.
std::string Web(const std::string& mount) {
  return R"y(
apiVersion: v1
kind: Namespace
metadata: {name: bench}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: web-config, namespace: bench}
data: {mode: good}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: bench}
spec:
  containers:
  - name: web
    image: "busybox:1.36"
    command: [sh, -c, "httpd -f -p 8080"]
    readinessProbe:
      exec: {command: [sh, -c, 'test "$(cat /config/mode)" = good']}
    volumeMounts: [)y" + mount + R"y(]
  volumes: [{name: config, configMap: {name: web-config}}]
)y";
}

constexpr char kWholeVolume[] = "{name: config, mountPath: /config}";
constexpr char kStart[] = "2026-05-12T10:00:00Z";

Cluster Start(const std::string& yaml, const World& world) {
  Cluster cluster;
  cluster.SetTime(kStart);
  absl::StatusOr<std::vector<Json>> objects = ParseManifests(yaml, "test.yaml");
  REQUIRE(objects.ok());
  for (const Json& object : *objects) REQUIRE(cluster.Create(object).ok());
  REQUIRE(EnsureDefaultNode(cluster).ok());  // the node the pods run on (sim/node.h)
  REQUIRE(Reconcile(cluster, world).ok());
  return cluster;
}

bool WebReady(const Cluster& cluster) {
  const Json* pod = cluster.Get(ObjectKey{"Pod", "bench", "web"});
  REQUIRE(pod != nullptr);
  return IsPodReady(*pod);
}

void SetMode(Cluster& cluster, const World& world, const std::string& mode) {
  Json cm = *cluster.Get(ObjectKey{"ConfigMap", "bench", "web-config"});
  cm["data"]["mode"] = mode;
  REQUIRE(cluster.Update(cm).ok());
  REQUIRE(Reconcile(cluster, world).ok());
}

TEST_CASE("volume sync: a whole-volume mount changes at the kubelet's next sync tick") {
  World world = BusyboxWorld();
  Cluster cluster = Start(Web(kWholeVolume), world);
  REQUIRE(WebReady(cluster));
  REQUIRE(AdvanceTo(cluster, world, "2026-05-12T10:00:08Z").ok());
  SetMode(cluster, world, "bad");
  CHECK(WebReady(cluster));  // the running pod still sees good
  REQUIRE(AdvanceTo(cluster, world, "2026-05-12T10:00:59Z").ok());
  CHECK(WebReady(cluster));  // one second before the tick
  REQUIRE(AdvanceTo(cluster, world, "2026-05-12T10:01:00Z").ok());
  CHECK_FALSE(WebReady(cluster));
  const Json* pod = cluster.Get(ObjectKey{"Pod", "bench", "web"});
  CHECK(GetInt((*pod)["status"]["containerStatuses"][0], "restartCount") == 0);

  SUBCASE("repaired: ready again at the following tick, not before") {
    SetMode(cluster, world, "good");
    REQUIRE(AdvanceTo(cluster, world, "2026-05-12T10:01:30Z").ok());
    CHECK_FALSE(WebReady(cluster));
    REQUIRE(AdvanceTo(cluster, world, "2026-05-12T10:02:00Z").ok());
    CHECK(WebReady(cluster));
  }
  SUBCASE("a deleted ConfigMap leaves the last content in place") {
    REQUIRE(cluster.Delete(ObjectKey{"ConfigMap", "bench", "web-config"},
                           Propagation::kBackground).ok());
    REQUIRE(AdvanceTo(cluster, world, "2026-05-12T10:03:00Z").ok());
    CHECK_FALSE(WebReady(cluster));
    CHECK(cluster.Get(ObjectKey{"Pod", "bench", "web"}) != nullptr);
  }
}

TEST_CASE("volume sync: a jump past several ticks takes the content at the jump") {
  World world = BusyboxWorld();
  Cluster cluster = Start(Web(kWholeVolume), world);
  SetMode(cluster, world, "bad");
  REQUIRE(AdvanceTo(cluster, world, "2026-05-12T10:05:30Z").ok());
  CHECK_FALSE(WebReady(cluster));
}

TEST_CASE("volume sync: a subPath mount is never refreshed; a new pod reads the current content") {
  World world = BusyboxWorld();
  Cluster cluster =
      Start(Web("{name: config, mountPath: /config/mode, subPath: mode}"), world);
  REQUIRE(WebReady(cluster));
  SetMode(cluster, world, "bad");
  REQUIRE(AdvanceTo(cluster, world, "2026-05-12T10:10:00Z").ok());
  CHECK(WebReady(cluster));

  // The same pod created again (a restart of its containers) reads bad.
  Json pod = *cluster.Get(ObjectKey{"Pod", "bench", "web"});
  REQUIRE(cluster.Delete(KeyOf(pod), Propagation::kBackground).ok());
  REQUIRE(Reconcile(cluster, world).ok());
  CHECK(cluster.NodeStateKeys().empty());  // the gone pod's state is dropped
  Json fresh = {{"apiVersion", "v1"}, {"kind", "Pod"}, {"metadata", {{"name", "web"},
                {"namespace", "bench"}}}, {"spec", pod["spec"]}};
  REQUIRE(cluster.Create(fresh).ok());
  REQUIRE(Reconcile(cluster, world).ok());
  CHECK_FALSE(WebReady(cluster));
}

}  // namespace
}  // namespace kreplay
