// Readiness of running pods: the kubelet's prober keeps running a running
// container's readiness probe, so readiness follows the state (a
// NetworkPolicy change, a ConfigMap volume sync) without a restart.
//
// kreplay re-evaluates the containers whose readiness probe is an exec
// probe (sim/exec_probe.h): what they read and reach can change while they
// run. An httpGet, tcpSocket or grpc probe targets a port the process
// listens on, which does not change while it runs, so those containers keep
// their readiness. Probe timing (initialDelaySeconds, periodSeconds,
// failureThreshold) is not modelled: readiness is that of the state at each
// kubelet pass (docs/semantics.md "Exec readiness probes").
#ifndef KREPLAY_SIM_POD_READINESS_H_
#define KREPLAY_SIM_POD_READINESS_H_

#include <vector>

#include "model/json.h"
#include "sim/container_start.h"

namespace kreplay {

// Whether some container of `pod` has an exec readiness probe.
bool HasExecReadinessProbe(const Json& pod);

// `pod`'s live status with each exec-probed running container's `ready`
// taken from `starts` (EvaluateStart of the running pod, in container
// order) and the ContainersReady and Ready conditions recomputed.
Json RefreshReadiness(const Json& pod, const std::vector<ContainerStart>& starts);

}  // namespace kreplay

#endif  // KREPLAY_SIM_POD_READINESS_H_
