// ConfigMap and Secret volumes of running pods: the content the kubelet has
// projected into them, and its periodic sync.
//
// When a pod's containers (re)start, the kubelet sets up each ConfigMap and
// Secret volume with the object's content then. While they run, the kubelet
// refreshes a whole-volume mount on its periodic sync of the pod: upstream
// every `syncFrequency` (1m by default, jittered up to 1.5x) with the
// ConfigMap/Secret cache of the default `Watch` change-detection strategy
// (no extra TTL delay). kreplay syncs at fixed ticks: the pod's start time
// plus every kVolumeSyncPeriod (60 s, the un-jittered syncFrequency), so a
// change shows in a running pod between 0 and 60 s after it lands. A sync
// takes the store's content at the first kubelet pass at or after the tick
// (time moves in steps: ledger times, `sleep:`, one second at a time in
// waiting reads); a ConfigMap deleted meanwhile leaves the last content in
// place (the kubelet's sync fails and keeps the files). A subPath mount is
// never refreshed: it keeps the content of the start.
//
// The state lives on the node (Cluster::NodeState, key `volumes/<pod uid>`),
// not in the API: `kubectl get` shows none of it.
#ifndef KREPLAY_SIM_VOLUME_SYNC_H_
#define KREPLAY_SIM_VOLUME_SYNC_H_

#include <map>
#include <string>

#include "absl/time/time.h"
#include "model/json.h"
#include "sim/cluster.h"
#include "sim/config_data.h"

namespace kreplay {

inline constexpr absl::Duration kVolumeSyncPeriod = absl::Seconds(60);

// What a pod's ConfigMap and Secret volumes hold (volume name -> data).
struct ProjectedVolumes {
  std::map<std::string, ConfigData> started;  // at the containers' start (subPath)
  std::map<std::string, ConfigData> current;  // after the last sync
};

// Records the store's content now as what `pod`'s containers start with.
ProjectedVolumes ProjectAtStart(Cluster& cluster, const Json& pod);

// For a running `pod`: syncs its volumes when a sync tick has passed since
// the last sync and returns what they hold now. A pod with no state yet (it
// was running before kreplay tracked it) starts from the store's content.
ProjectedVolumes SyncRunningVolumes(Cluster& cluster, const Json& pod);

// Drops the node state of pods that no longer exist.
void ForgetGonePods(Cluster& cluster);

}  // namespace kreplay

#endif  // KREPLAY_SIM_VOLUME_SYNC_H_
