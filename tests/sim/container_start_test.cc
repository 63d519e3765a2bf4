#include "sim/container_start.h"

#include <doctest/doctest.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "sim/pod_status.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

World ScriptWorld(const std::string& nginx_requires = "") {
  std::string text = absl::StrCat(R"({"images": [{"image": "busybox:1.36"},
      {"image": "nginx:1.27-alpine", "ports": [80])",
                                  nginx_requires, "}]}");
  absl::StatusOr<World> world = WorldFromJson(Json::parse(text));
  REQUIRE(world.ok());
  return *world;
}

// readonly-filesystem (kubernetes-core@1 case 10): VOLUMES is replaced.
constexpr char kReadonly[] = R"(
apiVersion: v1
kind: Namespace
metadata: {name: bench}
---
apiVersion: v1
kind: Pod
metadata: {name: app, namespace: bench}
spec:
  containers:
  - name: app
    image: nginx:1.27-alpine
    securityContext: {readOnlyRootFilesystem: true}
    command:
    - sh
    - -c
    - |
      mkdir -p /var/log/app
      echo "started" > /tmp/healthcheck
      echo "log entry" > /var/log/app/access.log
      rm -rf /tmp/etc-nginx && cp -r /etc/nginx /tmp/etc-nginx
      sed -i 's|/var/log/nginx|/var/log/app|g; s|/run/nginx.pid|/tmp/nginx.pid|g' /tmp/etc-nginx/nginx.conf
      nginx -c /tmp/etc-nginx/nginx.conf -g 'daemon off;'
VOLUMES
)";

constexpr char kVolumes[] = R"(    volumeMounts: [{name: tmp, mountPath: /tmp}, {name: var-log-app, mountPath: /var/log/app}]
  volumes: [{name: tmp, emptyDir: {}}, {name: var-log-app, emptyDir: {}}])";

const Json& OnlyPod(const Cluster& cluster) {
  std::vector<const Json*> pods = cluster.store().List("Pod", "bench");
  REQUIRE(pods.size() == 1);
  return *pods[0];
}

TEST_CASE("container start: the readonly-filesystem script needs its two emptyDirs") {
  World world = ScriptWorld();
  Cluster with = ClusterFrom(absl::StrReplaceAll(kReadonly, {{"VOLUMES", kVolumes}}), world);
  CHECK(IsPodReady(OnlyPod(with)));
  std::vector<ContainerStart> starts = EvaluateStart(OnlyPod(with), "bench", with.store(), world);
  REQUIRE(starts.size() == 1);
  CHECK(starts[0].process.files.at("/tmp/healthcheck") == "started\n");
  CHECK(ListeningPorts(OnlyPod(with), "app", "bench", with.store(), world) ==
        std::vector<int64_t>{80});

  Cluster without = ClusterFrom(absl::StrReplaceAll(kReadonly, {{"VOLUMES", ""}}), world);
  const Json& pod = OnlyPod(without);
  CHECK_FALSE(IsPodReady(pod));
  const Json& status = pod["status"]["containerStatuses"][0];
  CHECK(GetString(status, "state.waiting.reason") == "CrashLoopBackOff");
  CHECK(GetString(status, "state.waiting.message") ==
        "back-off restarting failed container app: exited with code 1: nginx: [emerg] open() "
        "\"/tmp/etc-nginx/nginx.conf\" failed (2: No such file or directory)");
  CHECK(ListeningPorts(pod, "app", "bench", without.store(), world).empty());
}

TEST_CASE("container start: the image's writable requirement still applies to its program") {
  World world = ScriptWorld(R"(, "requires": {"writable": ["/var/cache/nginx"]})");
  Cluster cluster = ClusterFrom(absl::StrReplaceAll(kReadonly, {{"VOLUMES", kVolumes}}), world);
  const Json& status = OnlyPod(cluster)["status"]["containerStatuses"][0];
  CHECK(GetString(status, "state.waiting.message") ==
        "back-off restarting failed container app: /var/cache/nginx: read-only file system");
}

constexpr char kBusybox[] = R"(
apiVersion: v1
kind: Namespace
metadata: {name: bench}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: bench}
spec:
  containers:
  - name: web
    image: busybox:1.36
    command: [sh, -c, "mkdir -p /www && echo ok >/www/index.html && httpd -f -p 8080 -h /www"]
    readinessProbe: {tcpSocket: {port: PORT}}
    volumeMounts: [{name: web-root, mountPath: /www}]
  volumes: [{name: web-root, emptyDir: {}}]
)";

TEST_CASE("container start: readiness checks the port the script's server listens on") {
  World world = ScriptWorld();
  Cluster on_8080 = ClusterFrom(absl::StrReplaceAll(kBusybox, {{"PORT", "8080"}}), world);
  CHECK(IsPodReady(OnlyPod(on_8080)));
  Cluster on_80 = ClusterFrom(absl::StrReplaceAll(kBusybox, {{"PORT", "80"}}), world);
  CHECK_FALSE(IsPodReady(OnlyPod(on_80)));
  CHECK(GetString(OnlyPod(on_80)["status"]["containerStatuses"][0], "state.running.startedAt") !=
        "");
}

}  // namespace
}  // namespace kreplay
