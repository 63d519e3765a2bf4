// Benchmark of the patch and apply engines (issue 3): patches per second for
// JSON merge patch, JSON patch, strategic merge patch, client-side apply and
// server-side apply on a realistic Deployment, and one strategic patch step
// against spawning `kubectl patch --local` for the same patch (skipped when
// kubectl is not installed). Figures and the command: docs/benchmarks.md.
//
//   kreplay_patch_bench [iterations] [kubectl_runs]
//
// A benchmark, not a test: it reads the steady clock and prints timings.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "model/client_side_apply.h"
#include "model/patch.h"
#include "model/server_side_apply.h"

namespace kreplay {
namespace {

const char* const kDeployment = R"({
  "apiVersion": "apps/v1", "kind": "Deployment",
  "metadata": {"name": "web", "namespace": "shop",
               "labels": {"app": "web", "tier": "frontend"},
               "annotations": {"deployment.kubernetes.io/revision": "3"}},
  "spec": {"replicas": 3, "revisionHistoryLimit": 10,
    "selector": {"matchLabels": {"app": "web"}},
    "strategy": {"type": "RollingUpdate",
                 "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"}},
    "template": {"metadata": {"labels": {"app": "web"}},
      "spec": {
        "containers": [
          {"name": "web", "image": "nginx:1.25", "imagePullPolicy": "IfNotPresent",
           "ports": [{"name": "http", "containerPort": 80, "protocol": "TCP"}],
           "env": [{"name": "MODE", "value": "prod"}, {"name": "LOG", "value": "info"},
                   {"name": "DB_HOST", "valueFrom": {"configMapKeyRef":
                       {"name": "web-config", "key": "db"}}}],
           "resources": {"requests": {"cpu": "100m", "memory": "64Mi"},
                         "limits": {"memory": "128Mi"}},
           "readinessProbe": {"httpGet": {"path": "/healthz", "port": 80},
                              "periodSeconds": 5},
           "livenessProbe": {"httpGet": {"path": "/healthz", "port": 80},
                             "initialDelaySeconds": 10},
           "volumeMounts": [{"name": "config", "mountPath": "/etc/app"},
                            {"name": "cache", "mountPath": "/cache"}]},
          {"name": "sidecar", "image": "envoy:1.29",
           "ports": [{"name": "admin", "containerPort": 9901, "protocol": "TCP"}],
           "env": [{"name": "ADMIN", "value": "on"}]}],
        "volumes": [{"name": "config", "configMap": {"name": "web-config"}},
                    {"name": "cache", "emptyDir": {}}],
        "tolerations": [{"key": "dedicated", "operator": "Equal", "value": "web",
                         "effect": "NoSchedule"}],
        "terminationGracePeriodSeconds": 30}}},
  "status": {"replicas": 3, "readyReplicas": 3, "availableReplicas": 3}})";

// `kubectl set image`-style: one container image, one env var.
const char* const kStrategic = R"({"spec":{"template":{"spec":{"containers":[
    {"name":"web","image":"nginx:1.26","env":[{"name":"LOG","value":"debug"}]}]}}}})";
const char* const kMerge = R"({"spec":{"replicas":5},"metadata":{"labels":{"tier":null}}})";
const char* const kJsonPatch = R"([
    {"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.26"},
    {"op":"add","path":"/spec/template/spec/containers/0/env/-","value":{"name":"X","value":"1"}},
    {"op":"test","path":"/spec/replicas","value":3}])";

double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// Runs `body` `iterations` times; prints operations per second (wall and
// process CPU: on a shared machine the CPU figure is the stable one).
void Measure(absl::string_view what, int iterations,
             const std::function<bool()>& body) {
  auto start = std::chrono::steady_clock::now();
  double cpu_start = CpuSeconds();
  int failures = 0;
  for (int i = 0; i < iterations; ++i) failures += body() ? 0 : 1;
  double cpu = CpuSeconds() - cpu_start;
  std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
  absl::PrintF("%-28s %9.0f ops/s wall  %9.0f ops/s cpu  %8.1f us/op cpu%s\n", what,
               iterations / wall.count(), iterations / cpu, 1e6 * cpu / iterations,
               failures ? absl::StrCat("  (", failures, " FAILED)") : "");
}

std::string FindKubectl() {
  if (access("/usr/bin/kubectl", X_OK) == 0) return "/usr/bin/kubectl";
  return std::system("command -v kubectl >/dev/null 2>&1") == 0 ? "kubectl" : "";
}

// Mean wall time of `runs` spawns of kubectl patch --local for kStrategic.
double KubectlMs(const std::string& kubectl, const Json& object, int runs) {
  char path[] = "/tmp/kreplay-patch-bench-XXXXXX.json";
  int fd = mkstemps(path, 5);
  if (fd < 0) return -1;
  std::string text = object.dump();
  bool written = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  close(fd);
  std::string command = absl::StrCat(kubectl, " patch --local -f ", path, " -p '",
                                     Json::parse(kStrategic).dump(),
                                     "' -o json >/dev/null");
  auto start = std::chrono::steady_clock::now();
  bool ok = written;
  for (int i = 0; i < runs && ok; ++i) ok = std::system(command.c_str()) == 0;
  std::chrono::duration<double, std::milli> wall = std::chrono::steady_clock::now() - start;
  unlink(path);
  return ok ? wall.count() / runs : -1;
}

int Run(int iterations, int kubectl_runs) {
  const Json object = Json::parse(kDeployment);
  const Json strategic = Json::parse(kStrategic);
  const Json merge = Json::parse(kMerge);
  const Json json_patch = Json::parse(kJsonPatch);
  absl::PrintF("patch engines on a %d-byte Deployment, %d iterations each\n",
               static_cast<int>(object.dump().size()), iterations);
  Measure("merge patch", iterations,
          [&] { return ApplyPatch(object, merge, PatchType::kMerge).ok(); });
  Measure("json patch", iterations,
          [&] { return ApplyPatch(object, json_patch, PatchType::kJson).ok(); });
  Measure("strategic merge patch", iterations,
          [&] { return ApplyPatch(object, strategic, PatchType::kStrategic).ok(); });

  Json manifest = object;
  manifest.erase("status");
  Json applied = *ClientSideApply(nullptr, manifest);
  Json changed = manifest;
  changed["spec"]["template"]["spec"]["containers"][0]["image"] = "nginx:1.26";
  changed["spec"]["template"]["spec"]["containers"][1].erase("env");
  Measure("client-side apply (3-way)", iterations,
          [&] { return ClientSideApply(&applied, changed).ok(); });

  SsaOptions options{"bench", false, "2024-06-11T10:00:00Z"};
  Json ssa_live = *ServerSideApply(nullptr, manifest, options);
  Measure("server-side apply", iterations,
          [&] { return ServerSideApply(&ssa_live, changed, options).ok(); });

  std::string kubectl = FindKubectl();
  if (kubectl.empty() || kubectl_runs <= 0) {
    absl::PrintF("kubectl not found: spawn comparison skipped\n");
    return 0;
  }
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < iterations; ++i) {
    if (!ApplyPatch(object, strategic, PatchType::kStrategic).ok()) return 1;
  }
  std::chrono::duration<double, std::milli> ours = std::chrono::steady_clock::now() - start;
  double ours_ms = ours.count() / iterations;
  double theirs_ms = KubectlMs(kubectl, object, kubectl_runs);
  if (theirs_ms < 0) {
    absl::PrintF("kubectl patch --local failed: spawn comparison skipped\n");
    return 0;
  }
  absl::PrintF("one strategic patch step: kreplay %.4f ms, kubectl patch --local %.1f ms "
               "(mean of %d spawns): %.0fx\n",
               ours_ms, theirs_ms, kubectl_runs, theirs_ms / ours_ms);
  return 0;
}

}  // namespace
}  // namespace kreplay

int main(int argc, char** argv) {
  int iterations = argc > 1 ? std::atoi(argv[1]) : 20000;
  int kubectl_runs = argc > 2 ? std::atoi(argv[2]) : 20;
  return kreplay::Run(iterations > 0 ? iterations : 20000, kubectl_runs);
}
