// Why the API server's defaults matter to the controllers: a `kubectl
// rollout undo` recorded in an audit log sends the old ReplicaSet's template
// as the server returned it (every default filled in, `creationTimestamp:
// null`, `resources: {}`), and that template must revive the old ReplicaSet
// rather than make a new one; a write that leaves defaults out changes
// nothing; an update keeps what the registry allocated.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/manifest.h"
#include "model/patch.h"
#include "sim/controller.h"
#include "sim/deployment_util.h"
#include "sim/names.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

// broken-deployment's world, with a log sidecar.
World BrokenWorld() {
  absl::StatusOr<World> world = WorldFromJson(Json::parse(R"({"images": [
      {"image": "nginx:1.27-alpine", "ports": [80]}, {"image": "busybox:1.36"}]})"));
  REQUIRE(world.ok());
  return *world;
}

// broken-deployment's web, as the fixture writes it, with a log sidecar.
constexpr char kBroken[] = R"(
apiVersion: v1
kind: Namespace
metadata: {name: bench}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: bench, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27-alpine
        ports: [{containerPort: 80}]
        readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
        resources: {requests: {cpu: 50m, memory: 64Mi}}
      - name: log
        image: busybox:1.36
)";

// The old ReplicaSet's template as `kubectl rollout undo` sends it in its
// JSON patch (an audit log's requestObject): the server's stored form,
// pod-template-hash label removed.
constexpr char kServerTemplate[] = R"({
  "metadata": {"creationTimestamp": null, "labels": {"app": "web"}},
  "spec": {
    "containers": [
      {"image": "nginx:1.27-alpine", "imagePullPolicy": "IfNotPresent", "name": "nginx",
       "ports": [{"containerPort": 80, "protocol": "TCP"}],
       "readinessProbe": {"failureThreshold": 3, "httpGet": {"path": "/", "port": 80, "scheme": "HTTP"},
                          "periodSeconds": 5, "successThreshold": 1, "timeoutSeconds": 1},
       "resources": {"requests": {"cpu": "50m", "memory": "64Mi"}},
       "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File"},
      {"image": "busybox:1.36", "imagePullPolicy": "IfNotPresent", "name": "log", "resources": {},
       "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File"}],
    "dnsPolicy": "ClusterFirst", "restartPolicy": "Always", "schedulerName": "default-scheduler",
    "securityContext": {}, "terminationGracePeriodSeconds": 30}})";

const Json& Web(const Cluster& cluster) {
  return *cluster.Get(ObjectKey{"Deployment", "bench", "web"});
}

void Write(Cluster& cluster, const World& world, const Json& patch) {
  absl::StatusOr<Json> patched = ApplyPatch(Web(cluster), patch, PatchType::kJson);
  REQUIRE_MESSAGE(patched.ok(), patched.status().ToString());
  absl::StatusOr<Json> stored = cluster.Update(*patched);
  REQUIRE_MESSAGE(stored.ok(), stored.status().ToString());
  REQUIRE(Reconcile(cluster, world).ok());
}

TEST_CASE("rollout undo with the server's template revives the old ReplicaSet") {
  World world = BrokenWorld();
  Cluster cluster = ClusterFrom(kBroken, world);
  std::vector<const Json*> before = ReplicaSetsOf(cluster.store(), Web(cluster));
  REQUIRE(before.size() == 1);
  const ObjectKey good = KeyOf(*before[0]);

  // The stored template is the server's form: equal to what undo sends back.
  Json server_template = Json::parse(kServerTemplate);
  Json stored = Web(cluster)["spec"]["template"];
  Json expected = server_template;
  expected["metadata"].erase("creationTimestamp");
  expected["spec"]["containers"][1].erase("resources");
  CHECK(Compact(stored) == Compact(expected));
  // pod-template-hash is taken over the defaulted template.
  CHECK(good.name == "web-" + PodTemplateHash(stored, 0));

  // The fault: set image to a missing one; the rollout is stuck.
  Write(cluster, world, Json::parse(R"([{"op": "replace",
      "path": "/spec/template/spec/containers/0/image", "value": "nginx:99.99-nonexistent"}])"));
  std::vector<const Json*> stuck = ReplicaSetsOf(cluster.store(), Web(cluster));
  REQUIRE(stuck.size() == 2);
  const ObjectKey broken = KeyOf(*stuck[1]);

  // kubectl rollout undo: replace the template and the annotations.
  Json undo = Json::array(
      {{{"op", "replace"}, {"path", "/spec/template"}, {"value", server_template}},
       {{"op", "replace"}, {"path", "/metadata/annotations"},
        {"value", {{"deployment.kubernetes.io/revision", "2"}}}}});
  Write(cluster, world, undo);

  std::vector<const Json*> after = ReplicaSetsOf(cluster.store(), Web(cluster));
  CHECK(after.size() == 2);  // no third ReplicaSet
  const Json& revived = *cluster.Get(good);
  CHECK(RevisionOf(revived) == 3);
  CHECK(GetInt(revived, "spec.replicas") == 2);
  CHECK(GetInt(*cluster.Get(broken), "spec.replicas") == 0);
  CHECK(GetAnnotation(Web(cluster), kRevisionAnnotation) == "3");
  CHECK(CountReadyPods(cluster, "bench", good.name + "-") == 2);
  CHECK(CountPods(cluster, "bench", broken.name + "-") == 0);
}

TEST_CASE("a write that only leaves out defaults changes nothing") {
  World world = BrokenWorld();
  Cluster cluster = ClusterFrom(kBroken, world);
  Json live = Web(cluster);
  absl::StatusOr<std::vector<Json>> parsed = ParseManifests(R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: bench, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: nginx, image: nginx:1.27-alpine, ports: [{containerPort: 80}],
         readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5},
         resources: {requests: {cpu: 50m, memory: 64Mi}}}
      - {name: log, image: busybox:1.36, resources: {}}
)", "put.yaml");
  REQUIRE(parsed.ok());
  Json put = parsed->front();
  put["metadata"]["annotations"] = live["metadata"]["annotations"];
  absl::StatusOr<Json> stored = cluster.Update(put);
  REQUIRE(stored.ok());
  CHECK(GetInt(*stored, "metadata.generation") == GetInt(live, "metadata.generation"));
  CHECK((*stored)["spec"] == live["spec"]);
}

TEST_CASE("a Service update keeps the allocated addresses") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(R"(
apiVersion: v1
kind: Namespace
metadata: {name: bench}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: bench}
spec: {selector: {app: web}, ports: [{port: 80}]}
)", world);
  const Json live = *cluster.Get(ObjectKey{"Service", "bench", "web"});
  Json put = live;
  for (const char* field : {"clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy"}) {
    put["spec"].erase(field);
  }
  put["spec"]["selector"]["tier"] = "front";
  absl::StatusOr<Json> stored = cluster.Update(put);
  REQUIRE_MESSAGE(stored.ok(), stored.status().ToString());
  for (const char* field : {"clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy"}) {
    CAPTURE(field);
    CHECK((*stored)["spec"][field] == live["spec"][field]);
  }
}

}  // namespace
}  // namespace kreplay
