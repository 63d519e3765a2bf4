#include "sim/volume_sync.h"

#include <optional>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "sim/clock.h"
#include "sim/container_start.h"

namespace kreplay {
namespace {

std::string KeyOfPod(const Json& pod) {
  return absl::StrCat("volumes/", GetString(pod, "metadata.uid"));
}

Json ToJson(const std::map<std::string, ConfigData>& volumes) {
  Json out = Json::object();
  for (const auto& [name, data] : volumes) out[name] = data;
  return out;
}

std::map<std::string, ConfigData> FromJson(const Json* volumes) {
  std::map<std::string, ConfigData> out;
  if (volumes == nullptr || !volumes->is_object()) return out;
  for (const auto& [name, data] : volumes->items()) {
    out[name] = data.get<ConfigData>();
  }
  return out;
}

void Save(Cluster& cluster, const Json& pod, const ProjectedVolumes& volumes,
          const std::string& synced_at) {
  cluster.SetNodeState(KeyOfPod(pod), Json{{"started", ToJson(volumes.started)},
                                           {"current", ToJson(volumes.current)},
                                           {"syncedAt", synced_at}});
}

// The latest sync tick at or before now: startTime + k * kVolumeSyncPeriod;
// "" when a time does not parse.
std::string LatestTick(const Json& pod, const std::string& now) {
  std::optional<absl::Time> start = ParseClockTime(GetString(pod, "status.startTime"));
  std::optional<absl::Time> at = ParseClockTime(now);
  if (!start || !at || *at < *start) return "";
  absl::Duration remainder;
  int64_t ticks = absl::IDivDuration(*at - *start, kVolumeSyncPeriod, &remainder);
  return FormatClockTime(*start + ticks * kVolumeSyncPeriod);
}

}  // namespace

ProjectedVolumes ProjectAtStart(Cluster& cluster, const Json& pod) {
  ProjectedVolumes out;
  out.started = ProjectedVolumeData(pod, GetString(pod, "metadata.namespace"), cluster.store());
  out.current = out.started;
  Save(cluster, pod, out, cluster.now());
  return out;
}

ProjectedVolumes SyncRunningVolumes(Cluster& cluster, const Json& pod) {
  const Json* state = cluster.NodeState(KeyOfPod(pod));
  if (state == nullptr) return ProjectAtStart(cluster, pod);
  ProjectedVolumes out{FromJson(Find(*state, "started")), FromJson(Find(*state, "current"))};
  std::string tick = LatestTick(pod, cluster.now());
  std::string synced_at = GetString(*state, "syncedAt");
  if (tick.empty() || tick == synced_at || LaterTime(synced_at, tick) == synced_at) return out;
  for (auto& [name, data] :
       ProjectedVolumeData(pod, GetString(pod, "metadata.namespace"), cluster.store())) {
    out.current[name] = std::move(data);  // a deleted object keeps the last content
  }
  Save(cluster, pod, out, tick);
  return out;
}

void ForgetGonePods(Cluster& cluster) {
  std::set<std::string> live;
  for (const Json* pod : cluster.store().List("Pod")) live.insert(KeyOfPod(*pod));
  for (const std::string& key : cluster.NodeStateKeys()) {
    if (key.rfind("volumes/", 0) == 0 && !live.contains(key)) cluster.EraseNodeState(key);
  }
}

}  // namespace kreplay
