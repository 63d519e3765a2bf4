// ResourceQuota: what a namespace's objects use of each quota, and the
// admission check the API server makes on every create
// (plugin/pkg/admission/resourcequota with the pod evaluator of
// pkg/quota/v1/evaluator/core and the object-count evaluators).
//
// Resources tracked: `pods`, `cpu`/`requests.cpu`, `memory`/
// `requests.memory`, `ephemeral-storage`/`requests.ephemeral-storage`,
// `limits.*`, `requests.<extended resource>`, and object counts
// (`count/<resource>[.<group>]` and the legacy names `services`,
// `configmaps`, `secrets`, `persistentvolumeclaims`,
// `replicationcontrollers`, `resourcequotas`). A pod in phase Succeeded or
// Failed uses nothing but its `count/pods`. A quota with spec.scopes or a
// scopeSelector is not enforced (docs/semantics.md, "ResourceQuota").
//
// Admission reads the usage from the store itself, as the quota
// controller's status.used would hold it once synced: kreplay reconciles
// after every write, so the two never differ when the next request comes.
#ifndef KREPLAY_SIM_RESOURCE_QUOTA_H_
#define KREPLAY_SIM_RESOURCE_QUOTA_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "model/json.h"
#include "model/object_store.h"
#include "sim/cluster.h"
#include "sim/pod_requests.h"
#include "sim/world.h"

namespace kreplay {

// What `object` uses of the quota resources `tracked` (a quota's hard
// names); resources it does not use are absent.
// Errors: InvalidArgument for a pod quantity that does not parse.
absl::StatusOr<ResourceList> QuotaUsage(const Json& object, const ResourceList& tracked);

// The status the quota controller keeps on `quota`: hard as spec.hard, used
// with every hard resource (`0` when nothing uses it) summed over the
// quota's namespace. Errors: InvalidArgument naming a quantity that does
// not parse.
absl::StatusOr<Json> QuotaStatus(const ObjectStore& store, const Json& quota);

// Admits the create of `object` (defaulted, named) against every quota of
// its namespace, in name order. Errors: PermissionDenied with upstream's
// texts, `pods "web-1" is forbidden: failed quota: q: must specify
// limits.cpu for: app; requests.cpu for: app` when a container omits a
// constrained cpu or memory resource, `pods "web-1" is forbidden: exceeded
// quota: q, requested: requests.cpu=500m, used: requests.cpu=1600m,
// limited: requests.cpu=2` when the create would pass a hard limit.
// Cluster::Create calls it (a refusal is its PermissionDenied error).
absl::Status AdmitQuota(const ObjectStore& store, const Json& object);

// One sync of the resource quota controller (sim/controller.h's table,
// resource_quota_controller.cc): writes QuotaStatus where it changed;
// returns whether it wrote.
absl::StatusOr<bool> SyncResourceQuotas(Cluster& cluster, const World& world);

}  // namespace kreplay

#endif  // KREPLAY_SIM_RESOURCE_QUOTA_H_
