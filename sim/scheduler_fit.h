// Whether a pod fits a node: the filter plugins of kube-scheduler's default
// profile that kreplay models, in the profile's order (NodeUnschedulable,
// TaintToleration, NodeAffinity, NodeResourcesFit; pkg/scheduler/apis/
// config/v1/default_plugins.go). As upstream's RunFilterPlugins, the first
// plugin that rejects a node decides its status: one node reports one
// plugin's reasons, never all.
//
// Reasons are upstream's texts: `node(s) were unschedulable`, `node(s) had
// untolerated taint {KEY: VALUE}`, `node(s) didn't match Pod's node
// affinity/selector`, `Too many pods`, `Insufficient cpu`, `Insufficient
// memory`, `Insufficient <resource>`. Resource shortage is resolvable
// (preemption could help); the others are UnschedulableAndUnresolvable.
// NodePorts, volumes, topology spread and inter-pod affinity are not
// modelled (docs/semantics.md, "Scheduler").
#ifndef KREPLAY_SIM_SCHEDULER_FIT_H_
#define KREPLAY_SIM_SCHEDULER_FIT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "model/json.h"
#include "sim/pod_requests.h"

namespace kreplay {

// A framework.Status code, as far as the scheduler's message needs it.
enum class FitCode { kFits, kUnschedulable, kUnresolvable };

struct NodeFit {
  FitCode code = FitCode::kFits;
  std::vector<std::string> reasons;  // the rejecting plugin's, in its order
};

// What the pods bound to a node already take from it.
struct NodeUsage {
  ResourceList requested;
  int64_t pods = 0;
};

// Runs the modelled filters for `pod` (whose effective requests are
// `requests`, sim/pod_requests.h) on `node` with `allocatable`, given `used`.
NodeFit FilterNode(const Json& pod, const ResourceList& requests, const Json& node,
                   const ResourceList& allocatable, const NodeUsage& used);

// v1.Toleration.ToleratesTaint: the effect matches (an empty effect matches
// every effect), the key matches (an empty key matches every key), and
// operator Exists, or Equal (the default) with the same value.
bool ToleratesTaint(const Json& toleration, const Json& taint);

// The pod's nodeSelector and required node affinity
// (nodeSelectorTerms ORed, matchExpressions and matchFields ANDed within a
// term; operators In, NotIn, Exists, DoesNotExist, Gt, Lt) both select `node`.
bool MatchesNodeSelection(const Json& pod, const Json& node);

}  // namespace kreplay

#endif  // KREPLAY_SIM_SCHEDULER_FIT_H_
