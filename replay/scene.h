// Scene steps after agent start: chaos events (internal to the replayer).
#ifndef KREPLAY_REPLAY_SCENE_H_
#define KREPLAY_REPLAY_SCENE_H_

#include "absl/status/status.h"
#include "replay/fixture.h"
#include "replay/pod_aliases.h"
#include "sim/cluster.h"

namespace kreplay {

// Applies one chaos event (journaled as actor "chaos") and settles.
absl::Status RunChaosStep(Cluster& cluster, const Fixture& fixture, const SceneStep& step,
                          PodAliases& aliases);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_SCENE_H_
