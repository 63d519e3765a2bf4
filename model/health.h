// Health of objects as a reviewer reads it from the cluster's state.
//
// Deployment: rolled out (observed, updated == available == ready ==
// replicas). ReplicaSet: ready == replicas. Pod: Ready. Service with a
// selector: at least one ready endpoint. ConfigMap and Secret: every pod
// that consumes them is ready (unconsumed config is healthy). Anything else
// is healthy when it exists. Health is read from status as the controllers
// wrote it; nothing is recomputed here.
#ifndef KREPLAY_MODEL_HEALTH_H_
#define KREPLAY_MODEL_HEALTH_H_

#include <map>
#include <string>

#include "model/object_key.h"
#include "model/object_store.h"

namespace kreplay {

struct Health {
  bool healthy = true;
  std::string reason;  // why not, kubectl-style ("1/2 updated replicas available")

  friend bool operator==(const Health&, const Health&) = default;
};

// Health of the object `key`; a missing object is unhealthy ("not found").
Health EvaluateHealth(const ObjectStore& store, const ObjectKey& key);

// Health of every object in the store, in key order.
std::map<ObjectKey, Health> EvaluateAllHealth(const ObjectStore& store);

// Whether `pod` (a Pod) consumes ConfigMap/Secret `config` through a volume,
// envFrom or env valueFrom.
bool PodConsumes(const Json& pod, const ObjectKey& config);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_HEALTH_H_
