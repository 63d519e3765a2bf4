// The scene: the fixture's cluster at agent start, and the chaos events that
// the replayer interleaves with the agent's calls after it.
#ifndef KREPLAY_REPLAY_RUN_SCENE_H_
#define KREPLAY_REPLAY_RUN_SCENE_H_

#include "absl/status/status.h"
#include "replay/exec/pod_aliases.h"
#include "replay/run/fixture.h"
#include "sim/cluster.h"

namespace kreplay {

// The cluster at agent start: baseline created, fault steps applied through
// the request pipeline (run/request.h), every controller settled. Errors:
// InvalidArgument naming the fixture file and field (`fault[1].kubectl`,
// `baseline` when its controllers do not settle) of whatever fails: a
// refusal, an operation kreplay does not model, or controllers that do not
// settle.
absl::StatusOr<Cluster> BuildScene(const Fixture& fixture);

// Applies one chaos event (journaled as actor "chaos") through the request
// pipeline, which settles after each mutation. Errors as BuildScene's.
absl::Status RunChaosStep(Cluster& cluster, const Fixture& fixture, const SceneStep& step,
                          PodAliases& aliases);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_SCENE_H_
