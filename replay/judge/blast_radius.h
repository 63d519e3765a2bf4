// Blast radius and the touched-healthy set (docs/concepts.md).
//
// Each step's blast radius (tiers in run/blast_member.h) is computed by the
// replayer while it holds the step's states (run/step_blast.h). The run's blast
// radius is the union, each object once per tier, at the first step that
// reached it there.
//
// The touched-healthy set: objects healthy at agent start, outside the fault,
// and changed or disrupted by the run.
#ifndef KREPLAY_REPLAY_JUDGE_BLAST_RADIUS_H_
#define KREPLAY_REPLAY_JUDGE_BLAST_RADIUS_H_

#include <set>
#include <string>
#include <vector>

#include "replay/run/blast_member.h"
#include "replay/run/replay_result.h"

namespace kreplay {

// The blast radius of one step, ordered by tier, then key.
const std::vector<BlastMember>& StepBlastRadius(const StepReport& step);

// The run's blast radius over every step, ordered by tier, then key.
std::vector<BlastMember> RunBlastRadius(const std::vector<StepReport>& steps);

// Objects the fault is about: the fixture's fault patterns matched against
// the state at agent start, plus everything they own, transitively.
std::set<ObjectKey> FaultScope(const ReplayResult& result);

// Members of `run_radius` (changed or disrupted) healthy at start and outside
// the fault, in key order; not a ResourceQuota whose only writes were its
// controller's status counts (bookkeeping, as an Endpoints is).
std::vector<BlastMember> TouchedHealthy(const ReplayResult& result,
                                        const std::vector<BlastMember>& run_radius);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_JUDGE_BLAST_RADIUS_H_
