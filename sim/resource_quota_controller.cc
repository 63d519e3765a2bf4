// The resource quota controller: keeps every ResourceQuota's status.hard and
// status.used as pkg/controller/resourcequota does (sim/resource_quota.h
// computes them).
#include "model/status_macros.h"
#include "sim/controller.h"
#include "sim/resource_quota.h"

namespace kreplay {

absl::StatusOr<bool> SyncResourceQuotas(Cluster& cluster, const World&) {
  std::vector<ObjectKey> keys;
  for (const Json* quota : cluster.store().List("ResourceQuota")) keys.push_back(KeyOf(*quota));
  bool wrote = false;
  for (const ObjectKey& key : keys) {
    const Json* quota = cluster.Get(key);
    if (quota == nullptr) continue;
    KREPLAY_ASSIGN_OR_RETURN(Json status, QuotaStatus(cluster.store(), *quota));
    if (quota->contains("status") && (*quota)["status"] == status) continue;
    KREPLAY_RETURN_IF_ERROR(IgnoreGone(cluster.UpdateStatus(key, status)));
    wrote = true;
  }
  return wrote;
}

}  // namespace kreplay
