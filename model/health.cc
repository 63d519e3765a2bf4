#include "model/health.h"

#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

bool Ready(const Json& pod) {
  const Json* conditions = Find(pod, "status.conditions");
  if (conditions == nullptr || !conditions->is_array()) return false;
  for (const Json& c : *conditions) {
    if (GetString(c, "type") == "Ready") return GetString(c, "status") == "True";
  }
  return false;
}

Health DeploymentHealth(const ObjectStore&, const Json& d) {
  int64_t want = GetInt(d, "spec.replicas", 1);
  int64_t updated = GetInt(d, "status.updatedReplicas");
  int64_t available = GetInt(d, "status.availableReplicas");
  int64_t ready = GetInt(d, "status.readyReplicas");
  int64_t total = GetInt(d, "status.replicas");
  if (GetInt(d, "status.observedGeneration") < GetInt(d, "metadata.generation", 1)) {
    return {false, "spec update not yet observed"};
  }
  if (updated < want) return {false, absl::StrCat(updated, " of ", want, " updated replicas")};
  if (total > updated) return {false, absl::StrCat(total - updated, " old replicas pending termination")};
  if (available < want || ready < want) {
    return {false, absl::StrCat(available, " of ", want, " replicas available")};
  }
  return {};
}

Health ReplicaSetHealth(const ObjectStore&, const Json& rs) {
  int64_t want = GetInt(rs, "spec.replicas", 1);
  int64_t ready = GetInt(rs, "status.readyReplicas");
  if (ready < want) return {false, absl::StrCat(ready, "/", want, " ready")};
  return {};
}

std::string WaitingReason(const Json& pod) {
  const Json* statuses = Find(pod, "status.containerStatuses");
  if (statuses == nullptr || !statuses->is_array()) return "";
  for (const Json& s : *statuses) {
    std::string reason = GetString(s, "state.waiting.reason");
    if (!reason.empty()) return reason;
  }
  return "";
}

Health PodHealth(const ObjectStore&, const Json& pod) {
  if (Ready(pod)) return {};
  std::string reason = WaitingReason(pod);
  return {false, reason.empty() ? "not ready" : reason};
}

Health ServiceHealth(const ObjectStore& store, const Json& service) {
  const Json* selector = Find(service, "spec.selector");
  if (selector == nullptr || !selector->is_object() || selector->empty()) return {};
  const Json* ep = store.Get(ObjectKey{"Endpoints", GetString(service, "metadata.namespace"),
                                       GetString(service, "metadata.name")});
  if (ep != nullptr) {
    for (const Json& subset : ep->value("subsets", Json::array())) {
      if (!subset.value("addresses", Json::array()).empty()) return {};
    }
  }
  return {false, "no ready endpoints"};
}

Health ConfigHealth(const ObjectStore& store, const Json& config) {
  ObjectKey key = KeyOf(config);
  for (const Json* pod : store.List("Pod", key.ns)) {
    if (PodConsumes(*pod, key) && !Ready(*pod)) {
      return {false, absl::StrCat("consumer Pod/", key.ns, "/",
                                  GetString(*pod, "metadata.name"), " is not ready")};
    }
  }
  return {};
}

using Evaluator = Health (*)(const ObjectStore&, const Json&);
struct KindHealth {
  const char* kind;
  Evaluator evaluate;
};
constexpr KindHealth kEvaluators[] = {
    {"Deployment", &DeploymentHealth}, {"ReplicaSet", &ReplicaSetHealth},
    {"Pod", &PodHealth},               {"Service", &ServiceHealth},
    {"ConfigMap", &ConfigHealth},      {"Secret", &ConfigHealth},
};

bool RefersTo(const Json* ref, const char* name_field, const std::string& name) {
  return ref != nullptr && GetString(*ref, name_field) == name;
}

bool ContainerConsumes(const Json& c, const ObjectKey& config) {
  bool cm = config.kind == "ConfigMap";
  for (const Json& from : c.value("envFrom", Json::array())) {
    if (RefersTo(Find(from, cm ? "configMapRef" : "secretRef"), "name", config.name)) return true;
  }
  for (const Json& env : c.value("env", Json::array())) {
    if (RefersTo(Find(env, cm ? "valueFrom.configMapKeyRef" : "valueFrom.secretKeyRef"), "name",
                 config.name)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool PodConsumes(const Json& pod, const ObjectKey& config) {
  bool cm = config.kind == "ConfigMap";
  const Json* spec = Find(pod, "spec");
  if (spec == nullptr) return false;
  for (const Json& v : spec->value("volumes", Json::array())) {
    if (cm ? RefersTo(Find(v, "configMap"), "name", config.name)
           : RefersTo(Find(v, "secret"), "secretName", config.name)) {
      return true;
    }
    for (const Json& source : v.value("projected", Json::object()).value("sources", Json::array())) {
      if (RefersTo(Find(source, cm ? "configMap" : "secret"), "name", config.name)) return true;
    }
  }
  for (const Json& c : spec->value("containers", Json::array())) {
    if (ContainerConsumes(c, config)) return true;
  }
  return false;
}

Health EvaluateHealth(const ObjectStore& store, const ObjectKey& key) {
  const Json* object = store.Get(key);
  if (object == nullptr) return {false, "not found"};
  for (const KindHealth& k : kEvaluators) {
    if (key.kind == k.kind) return k.evaluate(store, *object);
  }
  return {};
}

std::map<ObjectKey, Health> EvaluateAllHealth(const ObjectStore& store) {
  std::map<ObjectKey, Health> out;
  for (const auto& [key, object] : store.objects()) out[key] = EvaluateHealth(store, key);
  return out;
}

}  // namespace kreplay
