#include "sim/reachability.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "model/manifest.h"
#include "sim/controller.h"
#include "sim/pod_status.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

World NetWorld() {
  absl::StatusOr<World> world = WorldFromJson(Json::parse(R"({"images": [
      {"image": "nginx:1.27", "ports": [80]}, {"image": "busybox:1.36", "ports": []}]})"));
  REQUIRE(world.ok());
  return *world;
}

// backend (nginx on 80) behind Service backend; a busybox client pod whose
// readiness probe wgets `url`.
constexpr char kNginx[] = R"({name: nginx, image: "nginx:1.27", ports: [{containerPort: 80}]})";

std::string Stack(const std::string& url, const std::string& target_port = "80",
                  const std::string& backend = kNginx) {
  return R"(
apiVersion: v1
kind: Namespace
metadata: {name: bench}
---
apiVersion: v1
kind: Pod
metadata: {name: backend, namespace: bench, labels: {app: backend}}
spec: {containers: [)" + backend + R"(]}
---
apiVersion: v1
kind: Service
metadata: {name: backend, namespace: bench}
spec: {selector: {app: backend}, ports: [{port: 80, targetPort: )" + target_port + R"(}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: bench, labels: {app: frontend}}
spec:
  containers:
  - name: probe
    image: "busybox:1.36"
    command: [sh, -c, "sleep 3600"]
    readinessProbe:
      exec: {command: [sh, -c, "wget -qO- -T 2 )" + url + R"("]}
)";
}

constexpr char kDenyBackend[] = R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: bench}
spec: {podSelector: {}, policyTypes: [Ingress]}
)";

bool ClientReady(const Cluster& cluster) {
  const Json* pod = cluster.Get(ObjectKey{"Pod", "bench", "client"});
  REQUIRE(pod != nullptr);
  return IsPodReady(*pod);
}

void Apply(Cluster& cluster, const World& world, const std::string& yaml) {
  absl::StatusOr<std::vector<Json>> objects = ParseManifests(yaml, "test.yaml");
  REQUIRE(objects.ok());
  for (const Json& object : *objects) REQUIRE(cluster.Create(object).ok());
  REQUIRE(Reconcile(cluster, world).ok());
}

TEST_CASE("reachability: Service DNS names as a pod's resolver expands them") {
  auto resolved = [](const std::string& host) {
    std::optional<ServiceName> s = ResolveServiceHost(host, "bench");
    return s ? s->name + "/" + s->ns : std::string("-");
  };
  CHECK(resolved("backend") == "backend/bench");
  CHECK(resolved("backend.other") == "backend/other");
  CHECK(resolved("backend.other.svc") == "backend/other");
  CHECK(resolved("backend.other.svc.cluster.local") == "backend/other");
  CHECK(resolved("backend.other.svc.cluster.local.") == "backend/other");
  CHECK(resolved("backend.svc") == "-");  // a namespace's name, not a Service
  CHECK(resolved("a.b.c") == "-");
  CHECK(resolved("") == "-");
}

TEST_CASE("reachability: a wget readiness probe follows Service, endpoints and policies") {
  World world = NetWorld();
  for (const char* url : {"http://backend/", "http://backend.bench/",
                          "http://backend.bench.svc/", "http://backend.bench.svc.cluster.local/"}) {
    CAPTURE(url);
    Cluster cluster = ClusterFrom(Stack(url), world);
    CHECK(ClientReady(cluster));
  }
  SUBCASE("a NetworkPolicy makes the running pod unready without a restart") {
    Cluster cluster = ClusterFrom(Stack("http://backend/"), world);
    REQUIRE(ClientReady(cluster));
    Apply(cluster, world, kDenyBackend);
    CHECK_FALSE(ClientReady(cluster));
    const Json* pod = cluster.Get(ObjectKey{"Pod", "bench", "client"});
    CHECK(GetInt((*pod)["status"]["containerStatuses"][0], "restartCount") == 0);
    Apply(cluster, world, R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-frontend, namespace: bench}
spec:
  podSelector: {matchLabels: {app: backend}}
  ingress: [{from: [{podSelector: {matchLabels: {app: frontend}}}], ports: [{port: 80}]}]
)");
    CHECK(ClientReady(cluster));
  }
}

TEST_CASE("reachability: the policy port is the targetPort, not the Service port") {
  World world = NetWorld();
  // busybox httpd on 8080 behind Service port 80.
  std::string stack = Stack("http://backend/", "8080",
                            R"({name: web, image: "busybox:1.36", command: [httpd, -f, -p, "8080"]})");
  auto allowing = [](const std::string& port) {
    return std::string(kDenyBackend) + R"(
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-port, namespace: bench}
spec:
  podSelector: {matchLabels: {app: backend}}
  ingress: [{ports: [{port: )" + port + R"(}]}]
)";
  };
  Cluster cluster = ClusterFrom(stack, world);
  REQUIRE(ClientReady(cluster));
  Cluster service_port = cluster;
  Apply(service_port, world, allowing("80"));
  CHECK_FALSE(ClientReady(service_port));
  Apply(cluster, world, allowing("8080"));
  CHECK(ClientReady(cluster));
}

TEST_CASE("reachability: near misses of the Service path fail") {
  World world = NetWorld();
  // nginx listens on 80, not on the targetPort 8080.
  CHECK_FALSE(ClientReady(ClusterFrom(Stack("http://backend/", "8080"), world)));
  // The Service has no port 8080.
  CHECK_FALSE(ClientReady(ClusterFrom(Stack("http://backend:8080/"), world)));
  // No Service of that name, or in that namespace.
  CHECK_FALSE(ClientReady(ClusterFrom(Stack("http://database/"), world)));
  CHECK_FALSE(ClientReady(ClusterFrom(Stack("http://backend.other/"), world)));
  // The localhost of the client: busybox's sleep listens nowhere.
  CHECK_FALSE(ClientReady(ClusterFrom(Stack("http://localhost/"), world)));

  SUBCASE("no ready endpoint: the backend pod is gone") {
    Cluster cluster = ClusterFrom(Stack("http://backend/"), world);
    REQUIRE(ClientReady(cluster));
    REQUIRE(cluster.Delete(ObjectKey{"Pod", "bench", "backend"}, Propagation::kBackground).ok());
    REQUIRE(Reconcile(cluster, world).ok());
    CHECK_FALSE(ClientReady(cluster));
    Reach r = ReachFromPod(cluster.store(), world, *cluster.Get(ObjectKey{"Pod", "bench", "client"}),
                           "backend", 80);
    CHECK(r.reason == "Service bench/backend has no ready endpoints");
  }
}

}  // namespace
}  // namespace kreplay
