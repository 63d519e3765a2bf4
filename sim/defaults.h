// The API server's defaulting of every object it stores, and the
// immutable-field rules. Defaults follow Kubernetes 1.32 (pkg/apis/*/v1
// defaults.go): workload specs (Deployment, ReplicaSet, StatefulSet,
// DaemonSet, Job, CronJob), every pod template and Pod (sim/pod_defaults.h),
// Service (plus the cluster IP the registry allocates), Namespace, Secret,
// PersistentVolume(Claim), Endpoints, NetworkPolicy, StorageClass,
// (Cluster)RoleBinding. docs/semantics.md,
// "Defaults", lists what is defaulted and what is not.
#ifndef KREPLAY_SIM_DEFAULTS_H_
#define KREPLAY_SIM_DEFAULTS_H_

#include "absl/status/status.h"
#include "model/json.h"

namespace kreplay {

// Fills defaults into a new or updated object, in place, as the server does
// on every create and update (a patched object included) before validation
// and storage. Null members are removed first (null decodes to the zero
// value). Idempotent. `ordinal` seeds values the server would allocate (a
// Service's clusterIP).
void ApplyDefaults(Json& object, int64_t ordinal);

// Copies values the server allocated (a Service's clusterIP) from `live`
// into `updated` when the update leaves them out, as the API server does.
void PreserveAllocated(const Json& live, Json& updated);

// Checks that `updated` keeps the immutable fields of `live`.
// Errors: InvalidArgument with the API server's wording, e.g.
// `Deployment.apps "web" is invalid: spec.selector: Invalid value: ...: field is immutable`.
absl::Status CheckImmutable(const Json& live, const Json& updated);

}  // namespace kreplay

#endif  // KREPLAY_SIM_DEFAULTS_H_
