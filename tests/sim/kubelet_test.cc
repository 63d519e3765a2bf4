#include <doctest/doctest.h>

#include "sim/controller.h"
#include "sim/pod_status.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

constexpr char kShared[] = R"(
apiVersion: v1
kind: Namespace
metadata: {name: bench}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: shared-config, namespace: bench}
data:
  nginx.conf: "server { listen 80; }"
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: bench}
spec:
  replicas: 1
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27-alpine
        volumeMounts: [{name: conf, mountPath: /etc/nginx/nginx.conf, subPath: nginx.conf}]
      volumes: [{name: conf, configMap: {name: shared-config}}]
)";

const Json* OnlyPod(const Cluster& cluster) {
  std::vector<const Json*> pods = cluster.store().List("Pod", "bench");
  REQUIRE(pods.size() == 1);
  return pods[0];
}

std::string Waiting(const Json& pod) {
  return GetString(pod["status"]["containerStatuses"][0], "state.waiting.reason");
}

void SetConf(Cluster& cluster, const World& world, const std::string& text) {
  Json cm = *cluster.Get(ObjectKey{"ConfigMap", "bench", "shared-config"});
  cm["data"]["nginx.conf"] = text;
  REQUIRE(cluster.Update(cm).ok());
  REQUIRE(Reconcile(cluster, world).ok());
}

TEST_CASE("config is read at container start") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(kShared, world);
  REQUIRE(IsPodReady(*OnlyPod(cluster)));

  SUBCASE("a running pod keeps the config it started with") {
    SetConf(cluster, world, "server { listen INVALID; }");
    CHECK(IsPodReady(*OnlyPod(cluster)));
  }
  SUBCASE("a crash-looping pod picks up repaired config on its next restart") {
    SetConf(cluster, world, "server { listen INVALID; }");
    Json d = *cluster.Get(ObjectKey{"Deployment", "bench", "api"});
    d["spec"]["template"]["metadata"]["annotations"]["kubectl.kubernetes.io/restartedAt"] = "t";
    REQUIRE(cluster.Update(d).ok());
    REQUIRE(Reconcile(cluster, world).ok());
    // maxUnavailable 25% of 1 is 0, so the old pod stays while the new one crashes.
    std::vector<const Json*> pods = cluster.store().List("Pod", "bench");
    REQUIRE(pods.size() == 2);
    int crashing = 0;
    for (const Json* pod : pods) crashing += Waiting(*pod) == "CrashLoopBackOff";
    CHECK(crashing == 1);
    SetConf(cluster, world, "server { listen 80; }");
    const Json* pod = OnlyPod(cluster);
    CHECK(IsPodReady(*pod));
    CHECK(GetInt((*pod)["status"]["containerStatuses"][0], "restartCount") == 2);
  }
}

TEST_CASE("missing config references give the kubelet's waiting reasons") {
  World world = TestWorld();
  struct Case { const char* name; const char* container_extra; const char* volumes; const char* reason; };
  const Case cases[] = {
      {"missing volume source", "", "volumes: [{name: v, configMap: {name: nope}}]", "ContainerCreating"},
      {"optional volume source", "", "volumes: [{name: v, configMap: {name: nope, optional: true}}]", ""},
      {"missing envFrom", "envFrom: [{configMapRef: {name: nope}}]", "", "CreateContainerConfigError"},
      {"missing key", "env: [{name: X, valueFrom: {configMapKeyRef: {name: cm, key: nope}}}]", "", "CreateContainerConfigError"},
      {"present key", "env: [{name: X, valueFrom: {configMapKeyRef: {name: cm, key: k}}}]", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::string yaml = std::string(R"(
apiVersion: v1
kind: Namespace
metadata: {name: bench}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: bench}
data: {k: v}
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: bench}
spec:
  )") + c.volumes + R"(
  containers:
  - name: c
    image: nginx:1.27
    )" + c.container_extra + "\n";
    Cluster cluster = ClusterFrom(yaml, world);
    CHECK(Waiting(*OnlyPod(cluster)) == c.reason);
  }
  Cluster pull = ClusterFrom(R"(
apiVersion: v1
kind: Namespace
metadata: {name: bench}
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: bench}
spec: {containers: [{name: c, image: "nginx:99.99-nonexistent"}]}
)", world);
  CHECK(Waiting(*OnlyPod(pull)) == "ImagePullBackOff");
  CHECK(GetString(*OnlyPod(pull), "status.phase") == "Pending");
}

}  // namespace
}  // namespace kreplay
