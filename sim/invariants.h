// The simulated cluster's invariants: what must hold of a settled cluster
// (one that Reconcile() has run to a fixpoint) and of every step from one
// settled state to the next, as Ninja's VerifyGraph checks its graph.
//
// A state is checked for: owner references that name a live owner
// (owner-exists), one object per uid (unique-uid), resourceVersions no
// greater than the cluster's counter (resource-version-bounded), namespaced
// objects in an existing namespace (namespace-exists), Endpoints that list
// exactly the pods their Service selects (endpoints-match-pods,
// endpoints-have-service) and ReplicaSet status that counts its pods
// (replicaset-status). A step is also checked for resourceVersions that
// only grow (counter-grows, resource-version-grows) and a journal that
// agrees with the store (journal-matches-store, store-change-journaled).
// docs/semantics.md ("Invariants") states each one exactly.
//
// The checks live in sim/ because they are facts about the simulator, not
// about replay: a test of a controller, the replayer's tests and a debug
// build of any caller can run them on any Cluster.
#ifndef KREPLAY_SIM_INVARIANTS_H_
#define KREPLAY_SIM_INVARIANTS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "model/object_key.h"
#include "sim/cluster.h"

namespace kreplay {

// One broken invariant: its name (as above), the object it is broken on
// (empty for the cluster as a whole) and what is wrong.
struct Violation {
  std::string invariant;
  ObjectKey object;
  std::string detail;

  // "<invariant>: <Kind/ns/name>: <detail>".
  std::string ToString() const;
};

// The state invariants broken by `cluster`, in invariant then key order.
std::vector<Violation> FindViolations(const Cluster& cluster);

// The state invariants broken by `after`, and the step invariants broken
// from `before` to `after`. `journal` holds every write made in between
// (Cluster::TakeJournal); null when they are unknown, which skips the two
// journal invariants.
std::vector<Violation> FindStepViolations(const Cluster& before, const Cluster& after,
                                          const std::vector<Change>* journal);

// OK, or Internal listing every violation ("; "-separated).
absl::Status CheckInvariants(const Cluster& cluster);
absl::Status CheckStepInvariants(const Cluster& before, const Cluster& after,
                                 const std::vector<Change>* journal);

}  // namespace kreplay

#endif  // KREPLAY_SIM_INVARIANTS_H_
