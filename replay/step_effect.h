// Turning the cluster's write journal into a step's effect: which objects
// were created, updated (with a JSON diff) and deleted, and by whom.
#ifndef KREPLAY_REPLAY_STEP_EFFECT_H_
#define KREPLAY_REPLAY_STEP_EFFECT_H_

#include <vector>

#include "replay/replay_result.h"
#include "sim/cluster.h"

namespace kreplay {

// Folds `journal` (in write order) into an Effect ordered by object key. An
// object created and deleted within the journal does not appear; one whose
// writes cancel out does not appear as updated. Diffs leave out
// resourceVersion and managedFields.
Effect EffectOf(const std::vector<Change>& journal);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_STEP_EFFECT_H_
