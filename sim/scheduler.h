// The kube-scheduler stand-in: binds every pod that has no spec.nodeName to
// a node that fits it (sim/scheduler_fit.h), or leaves it Pending with the
// condition PodScheduled=False, reason Unschedulable, and the scheduler's
// message in upstream's format (framework.FitError.Error() plus
// DefaultPreemption's PostFilter message):
//
//   0/1 nodes are available: 1 node(s) had untolerated taint {k: v}.
//   preemption: 0/1 nodes are available: 1 Preemption is not helpful for
//   scheduling..
//
// (two periods: the preemption message's own and FitError's separator).
//
// The controller is SyncScheduler, in sim/controller.h's table. Pods bound to a node
// stay there: a taint or label added later does not move them (NoExecute
// eviction is not modelled). Among the nodes that fit, the one with the
// most free cpu and memory (the LeastAllocated score) wins, the name
// breaking ties; kreplay has no other scores (docs/semantics.md,
// "Scheduler").
#ifndef KREPLAY_SIM_SCHEDULER_H_
#define KREPLAY_SIM_SCHEDULER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "sim/cluster.h"
#include "sim/scheduler_fit.h"
#include "sim/world.h"

namespace kreplay {

// The scheduler's message for a pod no node fits, from each node's status
// (`fits`, one per node): the sorted reason histogram, then the preemption
// verdict (`Preemption is not helpful for scheduling` for a node rejected
// as unresolvable, `No preemption victims found for incoming pod` for one
// short of resources: kreplay has no pod priorities, so there is never a
// victim). `preempt_never` is the pod's preemptionPolicy: Never.
std::string UnschedulableMessage(const std::vector<NodeFit>& fits, bool preempt_never);

// One sync of the scheduler (a controller of sim/controller.h's table):
// binds or marks every unbound pod; returns whether it wrote. Errors: a
// node's or pod's quantity that does not parse; a refused write other
// than NotFound.
absl::StatusOr<bool> SyncScheduler(Cluster& cluster, const World& world);

}  // namespace kreplay

#endif  // KREPLAY_SIM_SCHEDULER_H_
