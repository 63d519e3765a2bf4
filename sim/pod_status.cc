#include "sim/pod_status.h"

namespace kreplay {

bool IsPodActive(const Json& pod) {
  if (Find(pod, "metadata.deletionTimestamp") != nullptr) return false;
  std::string phase = GetString(pod, "status.phase");
  return phase != "Succeeded" && phase != "Failed";
}

bool IsPodReady(const Json& pod) {
  const Json* conditions = Find(pod, "status.conditions");
  if (conditions == nullptr || !conditions->is_array()) return false;
  for (const Json& c : *conditions) {
    if (GetString(c, "type") == "Ready") return GetString(c, "status") == "True";
  }
  return false;
}

std::string ControllerUid(const Json& object) {
  const Json* refs = Find(object, "metadata.ownerReferences");
  if (refs == nullptr || !refs->is_array()) return "";
  for (const Json& ref : *refs) {
    if (GetBool(ref, "controller")) return GetString(ref, "uid");
  }
  return "";
}

}  // namespace kreplay
