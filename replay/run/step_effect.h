// Turning the cluster's write journal into a step's effect: which objects
// were created, updated (with a JSON diff) and deleted, and by whom.
#ifndef KREPLAY_REPLAY_RUN_STEP_EFFECT_H_
#define KREPLAY_REPLAY_RUN_STEP_EFFECT_H_

#include <vector>

#include "replay/run/replay_result.h"
#include "sim/cluster.h"

namespace kreplay {

// Folds `journal` (in write order) into an Effect ordered by object key: an
// object is created (by the actor of its first write), updated (first
// actor, diff from before the step to after it) or deleted (by the actor of
// its last write). An object created and deleted within the journal is in
// both lists, as both writes reached the cluster; one whose writes cancel
// out does not appear as updated. Diffs leave out resourceVersion and
// managedFields.
Effect EffectOf(const std::vector<Change>& journal);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_STEP_EFFECT_H_
