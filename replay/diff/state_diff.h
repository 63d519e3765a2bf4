// Two runs' end states compared object by object (docs/diff.md, "End
// states"), with who made each difference.
//
// An object is `only-a`, `only-b` or `changed` (in both, stored unequal,
// with the RFC 6902 patch from A's to B's; resourceVersion and managedFields
// left out, as in a step's effect). For each run the object's fate since
// agent start is given (unchanged, created, updated, deleted, absent) with
// the actors that wrote it during the run, read from every step's effect.
// A difference is the controllers' when no step of either run lists the
// agent among its writers: the agent's writes reached it only through a
// controller (pods a rollout replaced, a ReplicaSet a Deployment made).
#ifndef KREPLAY_REPLAY_DIFF_STATE_DIFF_H_
#define KREPLAY_REPLAY_DIFF_STATE_DIFF_H_

#include <set>
#include <string>
#include <vector>

#include "model/json.h"
#include "model/object_key.h"
#include "replay/diff/outcome_diff.h"
#include "replay/run/replay_result.h"

namespace kreplay {

// What became of an object in one run, from agent start to the end.
struct ObjectFate {
  std::string fate;                // unchanged, created, updated, deleted, absent
  std::set<std::string> writers;   // "agent" and controller names, from the steps' effects
};

struct ObjectDiff {
  ObjectKey key;
  Presence presence = Presence::kDifferent;  // never kSame: equal objects are not listed
  Json diff;                                 // kDifferent: from A's object to B's; else null
  Json object_a;                             // kDifferent: A's object (the diff's old values)
  ObjectFate a, b;
  bool by_controllers = false;               // no agent write in either run
};

// The objects whose end states differ, in key order.
std::vector<ObjectDiff> DiffEndStates(const ReplayResult& a, const ReplayResult& b);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_DIFF_STATE_DIFF_H_
