// Deployment helpers shared by the controller and by kubectl verbs that
// read rollout history (`rollout undo`, `rollout history`).
#ifndef KREPLAY_SIM_DEPLOYMENT_UTIL_H_
#define KREPLAY_SIM_DEPLOYMENT_UTIL_H_

#include <cstdint>
#include <vector>

#include "model/json.h"
#include "model/object_store.h"

namespace kreplay {

inline constexpr char kRevisionAnnotation[] = "deployment.kubernetes.io/revision";
inline constexpr char kRevisionHistoryAnnotation[] =
    "deployment.kubernetes.io/revision-history";

// The revision annotation of a Deployment or ReplicaSet; 0 when absent.
int64_t RevisionOf(const Json& object);

// Pod templates equal once the pod-template-hash label is ignored
// (upstream EqualIgnoreHash).
bool EqualIgnoreHash(const Json& a, const Json& b);

// The ReplicaSets a Deployment controls, ordered by revision (oldest first).
std::vector<const Json*> ReplicaSetsOf(const ObjectStore& store, const Json& deployment);

// maxSurge and maxUnavailable resolved against `replicas`: surge rounds up,
// unavailable down; both zero makes unavailable 1 (upstream ResolveFenceposts).
struct Fenceposts {
  int64_t max_surge = 0;
  int64_t max_unavailable = 0;
};
Fenceposts ResolveFenceposts(const Json& deployment);

}  // namespace kreplay

#endif  // KREPLAY_SIM_DEPLOYMENT_UTIL_H_
