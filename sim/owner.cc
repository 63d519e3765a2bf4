#include "sim/owner.h"

#include "sim/pod_status.h"

namespace kreplay {

Json ControllerRef(const Json& owner) {
  return {{"apiVersion", GetString(owner, "apiVersion")},
          {"kind", GetString(owner, "kind")},
          {"name", GetString(owner, "metadata.name")},
          {"uid", GetString(owner, "metadata.uid")},
          {"controller", true},
          {"blockOwnerDeletion", true}};
}

std::vector<const Json*> OwnedBy(const ObjectStore& store, const Json& owner,
                                 const std::string& kind) {
  std::vector<const Json*> out;
  std::string uid = GetString(owner, "metadata.uid");
  for (const Json* object : store.List(kind, GetString(owner, "metadata.namespace"))) {
    if (ControllerUid(*object) == uid) out.push_back(object);
  }
  return out;
}

bool IsDeleting(const Json& object) {
  return Find(object, "metadata.deletionTimestamp") != nullptr;
}

}  // namespace kreplay
