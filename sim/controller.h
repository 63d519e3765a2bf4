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
#ifndef KREPLAY_SIM_CONTROLLER_H_
#define KREPLAY_SIM_CONTROLLER_H_

#include "absl/status/status.h"
#include "sim/cluster.h"
#include "sim/world.h"

namespace kreplay {

struct Controller {
  const char* name;  // journaled as the actor of its writes
  // One sync over the whole cluster; returns whether it wrote anything.
  bool (*sync)(Cluster& cluster, const World& world);
};

// Runs every controller until none writes. Errors: Internal when the
// cluster does not settle within a bound (a controller bug, not bad input).
absl::Status Reconcile(Cluster& cluster, const World& world);

// Individual controllers, exposed for tests.
bool SyncDeployments(Cluster& cluster, const World& world);
bool SyncReplicaSets(Cluster& cluster, const World& world);
bool SyncKubelet(Cluster& cluster, const World& world);
bool SyncEndpoints(Cluster& cluster, const World& world);
bool SyncGarbageCollector(Cluster& cluster, const World& world);
bool SyncNamespaces(Cluster& cluster, const World& world);

}  // namespace kreplay

#endif  // KREPLAY_SIM_CONTROLLER_H_
