// Blast radius and the touched-healthy set (design.md §4).
//
// A step's blast radius lists every object its effect reached, in tiers:
//   changed    its stored state changed (the target, and controller cascades);
//   disrupted  a pod removed or restarted, a Service whose ready endpoints fell.
// Each member carries the reason it is there. The run's blast radius is the
// union, each object at the first step and the strongest tier that reached it.
//
// The touched-healthy set: objects healthy at agent start, outside the fault,
// and changed or disrupted by the run.
#ifndef KREPLAY_REPLAY_BLAST_RADIUS_H_
#define KREPLAY_REPLAY_BLAST_RADIUS_H_

#include <set>
#include <string>
#include <vector>

#include "replay/replay_result.h"

namespace kreplay {

enum class Tier { kChanged, kDisrupted, kExposed, kLatent };
const char* TierName(Tier tier);

struct BlastMember {
  ObjectKey key;
  Tier tier = Tier::kChanged;
  int step = 0;         // 1-based step index
  std::string reason;   // "updated by agent", "pod removed by replicaset-controller", ...

  friend bool operator==(const BlastMember&, const BlastMember&) = default;
};

// The blast radius of one step, ordered by tier, then key.
std::vector<BlastMember> StepBlastRadius(const StepReport& step);

// The run's blast radius over every step, ordered by tier, then key.
std::vector<BlastMember> RunBlastRadius(const std::vector<StepReport>& steps);

// Objects the fault is about: the fixture's fault patterns matched against
// the state at agent start, plus everything they own, transitively.
std::set<ObjectKey> FaultScope(const ReplayResult& result);

// Members of `run_radius` (changed or disrupted) healthy at start and outside
// the fault, in key order.
std::vector<BlastMember> TouchedHealthy(const ReplayResult& result,
                                        const std::vector<BlastMember>& run_radius);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_BLAST_RADIUS_H_
