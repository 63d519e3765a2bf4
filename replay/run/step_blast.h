// The blast radius of one replayed step, computed while the replayer still
// holds the state the step left: the changed and disrupted members come from
// the step's write journal, the exposed and latent ones from the dependency
// graph (model/dependency_graph.h) of the states before and after the step,
// and every member carries the edge path that put it there.
#ifndef KREPLAY_REPLAY_RUN_STEP_BLAST_H_
#define KREPLAY_REPLAY_RUN_STEP_BLAST_H_

#include <string>
#include <vector>

#include "model/object_store.h"
#include "replay/run/blast_member.h"
#include "replay/run/replay_result.h"
#include "sim/cluster.h"
#include "sim/world.h"

namespace kreplay {

// The blast radius of `step`, ordered by tier, then key. `journal` is every
// write of the step in order (step.effect was folded from it), `after` the
// state it left, `world` the fixture's image facts (latent members are pods
// that EvaluateStart says would not start on `after`). Empty when the step
// wrote nothing.
std::vector<BlastMember> ComputeStepBlastRadius(const StepReport& step,
                                                const std::vector<Change>& journal,
                                                const ObjectStore& after, const World& world);

// Why the ready pod `pod` would not come back if it restarted now on
// `store` ("running on its old config; a restart now gives nginx:
// CrashLoopBackOff (...)"), or "" when it would, or is not ready now.
std::string WouldFailOnRestart(const ObjectKey& pod, const ObjectStore& store, const World& world);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_STEP_BLAST_H_
