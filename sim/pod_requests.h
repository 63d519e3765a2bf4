// What a pod asks of a node and of a quota: its effective requests and
// limits, computed as k8s.io/component-helpers resource.PodRequests and
// PodLimits do, shared by the scheduler (sim/scheduler_fit.h) and
// ResourceQuota admission (sim/resource_quota.h).
//
// Effective requests: the sum over the app containers, plus every sidecar
// (an init container with restartPolicy Always), compared with each plain
// init container's own request plus the sidecars started before it; the
// larger, resource by resource, plus spec.overhead. Limits the same way,
// with the overhead added only to the resources the pod limits. A quantity
// that does not parse is an error naming the container and field.
#ifndef KREPLAY_SIM_POD_REQUESTS_H_
#define KREPLAY_SIM_POD_REQUESTS_H_

#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "model/json.h"
#include "sim/quantity.h"

namespace kreplay {

// Resource name (`cpu`, `memory`, `nvidia.com/gpu`) to quantity; ordered.
using ResourceList = std::map<std::string, Quantity>;

// The pod's effective spec.containers[*].resources.requests.
// Errors: InvalidArgument naming the field (`spec.containers[0].resources.requests.cpu`).
absl::StatusOr<ResourceList> PodRequests(const Json& pod);

// The pod's effective limits, the same way.
absl::StatusOr<ResourceList> PodLimits(const Json& pod);

// `a` plus `b`, resource by resource.
ResourceList AddResources(const ResourceList& a, const ResourceList& b);

}  // namespace kreplay

#endif  // KREPLAY_SIM_POD_REQUESTS_H_
