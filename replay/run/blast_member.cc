#include "replay/run/blast_member.h"

namespace kreplay {

const char* TierName(Tier tier) {
  switch (tier) {
    case Tier::kChanged: return "changed";
    case Tier::kDisrupted: return "disrupted";
    case Tier::kExposed: return "exposed";
    case Tier::kLatent: return "latent";
  }
  return "unknown";
}

bool ByTierThenKey(const BlastMember& a, const BlastMember& b) {
  if (a.tier != b.tier) return a.tier < b.tier;
  return a.key < b.key;
}

}  // namespace kreplay
