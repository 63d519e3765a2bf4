// Ownership helpers shared by the workload controllers.
#ifndef KREPLAY_SIM_OWNER_H_
#define KREPLAY_SIM_OWNER_H_

#include <vector>

#include "model/json.h"
#include "model/object_store.h"

namespace kreplay {

// A controller ownerReference to `owner` (blockOwnerDeletion set).
Json ControllerRef(const Json& owner);

// Objects of `kind` in the owner's namespace whose controller is `owner`,
// in key order.
std::vector<const Json*> OwnedBy(const ObjectStore& store, const Json& owner,
                                 const std::string& kind);

// Whether the object has a deletionTimestamp.
bool IsDeleting(const Json& object);

}  // namespace kreplay

#endif  // KREPLAY_SIM_OWNER_H_
