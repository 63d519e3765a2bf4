// The controllers kreplay runs after every change, and the loop that runs
// them to a fixpoint.
//
// A controller looks at the cluster, makes the writes its upstream
// counterpart would make in one sync, and says whether it wrote anything.
// Reconcile() runs them in a fixed order until a full pass writes nothing.
//
// A table filled by several files: the loop and the table are in
// controller.cc, each controller in a file of its own (deployment_controller,
// replicaset_controller, kubelet, endpoints_controller, garbage_collector,
// which also finalises deleted namespaces).
//
// A controller's write can be refused like anyone's. The refusals its
// upstream counterpart expects and skips are tolerated (IgnoreGone,
// IgnoreTerminating); any other refusal ends the sync with that error, and
// Reconcile() returns it naming the controller: the simulator went somewhere
// it does not model, and a replay must say so rather than go on.
#ifndef KREPLAY_SIM_CONTROLLER_H_
#define KREPLAY_SIM_CONTROLLER_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "sim/cluster.h"
#include "sim/world.h"

namespace kreplay {

struct Controller {
  const char* name;  // journaled as the actor of its writes
  // One sync over the whole cluster; returns whether it wrote anything.
  // Errors: a write refused for a reason the controller does not expect.
  absl::StatusOr<bool> (*sync)(Cluster& cluster, const World& world);
};

// Runs every controller until none writes. Errors: Internal when the
// cluster does not settle within a bound (a controller bug, not bad input);
// a controller's unexpected write error, its message prefixed with the
// controller's name (`replicaset-controller: namespaces "shop" not found`).
absl::Status Reconcile(Cluster& cluster, const World& world);

// OK for NotFound: the object a controller updates or deletes went away
// meanwhile, which leaves nothing to do (upstream's controllers and garbage
// collector ignore it too). Any other status unchanged.
absl::Status IgnoreGone(absl::Status status);

// OK for the FailedPrecondition Cluster::Create returns in a terminating
// namespace: upstream's controllers skip creation there, since the
// namespace controller is removing the owner anyway. Any other status
// unchanged.
absl::Status IgnoreTerminating(absl::Status status);

// Individual controllers, exposed for tests.
absl::StatusOr<bool> SyncDeployments(Cluster& cluster, const World& world);
absl::StatusOr<bool> SyncReplicaSets(Cluster& cluster, const World& world);
absl::StatusOr<bool> SyncKubelet(Cluster& cluster, const World& world);
absl::StatusOr<bool> SyncEndpoints(Cluster& cluster, const World& world);
absl::StatusOr<bool> SyncGarbageCollector(Cluster& cluster, const World& world);
absl::StatusOr<bool> SyncNamespaces(Cluster& cluster, const World& world);

}  // namespace kreplay

#endif  // KREPLAY_SIM_CONTROLLER_H_
