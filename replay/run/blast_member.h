// One member of a blast radius (docs/concepts.md): an object a step's effect
// reached, the tier it reached it in, why, and the edge path that put it
// there. Tiers, strongest first:
//   changed    its stored state changed (the target, and controller cascades);
//   disrupted  a pod removed or restarted, a Service whose ready endpoints fell;
//   exposed    it depends on a changed object (dependency-graph edges, walked
//              from the changed object to its dependents);
//   latent     a running, ready pod that would fail if it restarted now.
#ifndef KREPLAY_REPLAY_RUN_BLAST_MEMBER_H_
#define KREPLAY_REPLAY_RUN_BLAST_MEMBER_H_

#include <string>

#include "model/object_key.h"

namespace kreplay {

enum class Tier { kChanged, kDisrupted, kExposed, kLatent };
const char* TierName(Tier tier);

struct BlastMember {
  ObjectKey key;
  Tier tier = Tier::kChanged;
  int step = 0;         // 1-based step index
  std::string reason;   // "updated by agent", "pod removed by replicaset-controller", ...
  // `Deployment/bench/web -owns-> ReplicaSet/bench/web-5d8f9 -owns-> Pod/...`:
  // from an object the agent addressed (or a changed object, for exposed
  // and latent members) to this one; the key alone for the agent's own
  // targets; "" when no edge explains it (say, a controller's bookkeeping).
  std::string path;

  friend bool operator==(const BlastMember&, const BlastMember&) = default;
};

// The order blast radii are listed in: by tier, then key.
bool ByTierThenKey(const BlastMember& a, const BlastMember& b);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_BLAST_MEMBER_H_
