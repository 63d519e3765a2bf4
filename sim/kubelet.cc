// The kubelet stand-in: gives every pod the status its containers would
// have, from the world's image facts (sim/container_start.h); keeps the
// volumes of running pods in sync (sim/volume_sync.h) and re-runs their exec
// readiness probes on every pass (sim/pod_readiness.h).
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "sim/container_start.h"
#include "sim/controller.h"
#include "sim/names.h"
#include "sim/pod_readiness.h"
#include "sim/pod_status.h"
#include "sim/volume_sync.h"

namespace kreplay {
namespace {

// A pod whose containers all started keeps running with the config it
// started with, until its spec changes (a container image patched in place).
bool StillRunning(const Json& pod) {
  const Json* statuses = Find(pod, "status.containerStatuses");
  const Json* containers = Find(pod, "spec.containers");
  if (!statuses || !containers || statuses->size() != containers->size()) return false;
  for (size_t i = 0; i < statuses->size(); ++i) {
    const Json& s = (*statuses)[i];
    if (Find(s, "state.running") == nullptr) return false;
    if (GetString(s, "image") != GetString((*containers)[i], "image")) return false;
  }
  return true;
}

int64_t PreviousRestarts(const Json& pod, size_t i) {
  const Json* statuses = Find(pod, "status.containerStatuses");
  if (!statuses || i >= statuses->size()) return 0;
  return GetInt((*statuses)[i], "restartCount");
}

bool WasCrashLooping(const Json& pod, size_t i) {
  const Json* statuses = Find(pod, "status.containerStatuses");
  if (!statuses || i >= statuses->size()) return false;
  return GetString((*statuses)[i], "state.waiting.reason") == "CrashLoopBackOff";
}

Json ContainerStatus(const Json& pod, size_t i, const ContainerStart& c,
                     const std::string& now) {
  Json status = {{"name", c.name}, {"image", c.image}, {"ready", c.ready}};
  int64_t restarts = PreviousRestarts(pod, i);
  bool crash = c.state == StartState::kCrashLoopBackOff;
  // One restart is counted when a container enters a crash loop and one
  // when it comes out of it: the counts stay stable between passes.
  if (crash != WasCrashLooping(pod, i) && (crash || restarts > 0)) ++restarts;
  status["restartCount"] = restarts;
  status["started"] = c.state == StartState::kRunning;
  if (c.state == StartState::kRunning) {
    status["state"] = {{"running", {{"startedAt", now}}}};
  } else {
    status["state"] = {{"waiting", {{"reason", ReasonOf(c.state)}, {"message", c.message}}}};
  }
  return status;
}

Json Condition(const char* type, bool value) {
  return {{"type", type}, {"status", value ? "True" : "False"}};
}

Json PodStatus(const Json& pod, const std::vector<ContainerStart>& starts,
               const std::string& now) {
  bool all_started = true;
  bool all_ready = !starts.empty();
  bool any_crash = false;
  Json statuses = Json::array();
  for (size_t i = 0; i < starts.size(); ++i) {
    const ContainerStart& c = starts[i];
    all_started &= c.state == StartState::kRunning;
    any_crash |= c.state == StartState::kCrashLoopBackOff;
    all_ready &= c.ready && c.state == StartState::kRunning;
    statuses.push_back(ContainerStatus(pod, i, c, now));
  }
  bool running = all_started || any_crash;
  Json status = {{"phase", running ? "Running" : "Pending"},
                 {"containerStatuses", statuses},
                 {"startTime", GetString(pod, "status.startTime", now)},
                 {"conditions", Json::array({Condition("PodScheduled", true),
                                             Condition("Initialized", true),
                                             Condition("ContainersReady", all_ready),
                                             Condition("Ready", all_ready)})}};
  if (running) {
    uint32_t h = Fnv32a(GetString(pod, "metadata.uid"));
    status["podIP"] = absl::StrCat("10.244.", (h >> 8) % 250, ".", 2 + h % 250);
  }
  return status;
}

// A starting (or restarting) pod: its status from a fresh start, its
// volumes projected with the store's content now. Only exec readiness
// probes read the projected volumes of a running pod, so only their pods
// keep the projection (node state).
Json StartStatus(Cluster& cluster, const Json& pod, const World& world) {
  std::string ns = GetString(pod, "metadata.namespace");
  std::vector<ContainerStart> starts = EvaluateStart(pod, ns, cluster.store(), world);
  if (HasExecReadinessProbe(pod)) ProjectAtStart(cluster, pod);
  return PodStatus(pod, starts, cluster.now());
}

// A running pod with an exec readiness probe: its volumes synced, then the
// probe re-run against what they hold; nullopt for any other pod (nothing
// of it changes while it runs).
std::optional<Json> RunningStatus(Cluster& cluster, const Json& pod, const World& world) {
  if (!HasExecReadinessProbe(pod)) return std::nullopt;
  ProjectedVolumes volumes = SyncRunningVolumes(cluster, pod);
  StartOptions options;
  options.projected = &volumes.current;
  options.started = &volumes.started;
  std::string ns = GetString(pod, "metadata.namespace");
  return RefreshReadiness(pod, EvaluateStart(pod, ns, cluster.store(), world, options));
}

// Only the kubelet of the pod's node runs it: a pod the scheduler has not
// bound (sim/scheduler.h) stays Pending, with no container statuses.
bool BoundToNode(const Json& pod) { return !GetString(pod, "spec.nodeName").empty(); }

}  // namespace

absl::StatusOr<bool> SyncKubelet(Cluster& cluster, const World& world) {
  bool wrote = false;
  std::vector<const Json*> pods = cluster.store().List("Pod");
  std::vector<std::pair<ObjectKey, Json>> updates;
  for (const Json* pod : pods) {
    if (!IsPodActive(*pod) || !BoundToNode(*pod)) continue;
    if (!StillRunning(*pod)) {
      updates.emplace_back(KeyOf(*pod), StartStatus(cluster, *pod, world));
    } else if (std::optional<Json> status = RunningStatus(cluster, *pod, world)) {
      updates.emplace_back(KeyOf(*pod), *std::move(status));
    }
  }
  ForgetGonePods(cluster);
  for (const auto& [key, status] : updates) {
    const Json* live = cluster.Get(key);
    if (live && live->contains("status") && (*live)["status"] == status) continue;
    absl::Status s = cluster.UpdateStatus(key, status);
    if (!s.ok() && !absl::IsNotFound(s)) return s;  // a pod gone meanwhile wrote nothing
    wrote = s.ok() || wrote;
  }
  return wrote;
}

}  // namespace kreplay
