// The garbage collector and the namespace controller.
//
// Dependents are found by owner uid. A dependent whose owners are all gone
// is deleted (background); dangling references among live ones are dropped.
// An owner deleted in the foreground waits, with its finalizer, until its
// dependents are gone; one deleted with orphan propagation first has its
// dependents' references removed. Owner references across namespaces are
// invalid and count as absent (docs: garbage-collection.md).
#include <algorithm>
#include <iterator>
#include <map>

#include "absl/strings/match.h"
#include "model/status_macros.h"
#include "sim/controller.h"
#include "sim/owner.h"

namespace kreplay {
namespace {

bool ValidOwner(const ObjectStore& store, const Json& dependent, const Json& ref) {
  const ObjectKey* owner = store.KeyOfUid(GetString(ref, "uid"));
  if (owner == nullptr || owner->kind != GetString(ref, "kind")) return false;
  return owner->ns.empty() || owner->ns == GetString(dependent, "metadata.namespace");
}

bool HasFinalizer(const Json& object, const std::string& name) {
  const Json* finalizers = Find(object, "metadata.finalizers");
  if (finalizers == nullptr || !finalizers->is_array()) return false;
  return std::find(finalizers->begin(), finalizers->end(), Json(name)) != finalizers->end();
}

// uid -> keys of the objects that reference it.
std::map<std::string, std::vector<ObjectKey>> DependentsByOwner(const ObjectStore& store) {
  std::map<std::string, std::vector<ObjectKey>> out;
  for (const auto& [key, object] : store.objects()) {
    const Json* refs = Find(*object, "metadata.ownerReferences");
    if (refs == nullptr || !refs->is_array()) continue;
    for (const Json& ref : *refs) out[GetString(ref, "uid")].push_back(key);
  }
  return out;
}

// Deletes dependents whose owners are all gone and drops dangling
// references among live ones. The deletes and updates address objects just
// listed; one that went away meanwhile is tolerated.
absl::Status CollectOrphans(Cluster& cluster) {
  std::vector<ObjectKey> doomed;
  std::vector<Json> trimmed;
  for (const auto& [key, object] : cluster.store().objects()) {
    const Json* refs = Find(*object, "metadata.ownerReferences");
    if (refs == nullptr || !refs->is_array() || refs->empty()) continue;
    // Counted first: the references are copied only when some must go.
    // Named, not the structured binding: clang 14 cannot capture those.
    const Json& dependent = *object;
    auto valid = [&](const Json& ref) { return ValidOwner(cluster.store(), dependent, ref); };
    auto kept_count = std::count_if(refs->begin(), refs->end(), valid);
    if (kept_count == 0) {
      doomed.push_back(key);
    } else if (static_cast<size_t>(kept_count) != refs->size()) {
      Json kept = Json::array();
      std::copy_if(refs->begin(), refs->end(), std::back_inserter(kept), valid);
      Json copy = *object;
      copy["metadata"]["ownerReferences"] = kept;
      trimmed.push_back(std::move(copy));
    }
  }
  for (const ObjectKey& key : doomed) {
    KREPLAY_RETURN_IF_ERROR(IgnoreGone(cluster.Delete(key, Propagation::kBackground)));
  }
  for (Json& object : trimmed) {
    KREPLAY_RETURN_IF_ERROR(IgnoreGone(cluster.Update(std::move(object)).status()));
  }
  return absl::OkStatus();
}

absl::Status DropFinalizer(Cluster& cluster, const Json& object, const std::string& name) {
  Json copy = object;
  Json kept = Json::array();
  for (const Json& f : copy["metadata"]["finalizers"]) {
    if (f != Json(name)) kept.push_back(f);
  }
  copy["metadata"]["finalizers"] = kept;
  if (kept.empty()) {
    cluster.Remove(KeyOf(object));
    return absl::OkStatus();
  }
  return IgnoreGone(cluster.Update(std::move(copy)).status());
}

absl::Status Orphan(Cluster& cluster, const std::vector<ObjectKey>& dependents, const std::string& uid) {
  for (const ObjectKey& key : dependents) {
    const Json* live = cluster.Get(key);
    if (live == nullptr) continue;  // removed earlier in this sync
    Json copy = *live;
    Json kept = Json::array();
    for (const Json& ref : copy["metadata"]["ownerReferences"]) {
      if (GetString(ref, "uid") != uid) kept.push_back(ref);
    }
    copy["metadata"]["ownerReferences"] = kept;
    if (kept.empty()) copy["metadata"].erase("ownerReferences");
    KREPLAY_RETURN_IF_ERROR(IgnoreGone(cluster.Update(std::move(copy)).status()));
  }
  return absl::OkStatus();
}

absl::Status FinishDeletions(Cluster& cluster) {
  std::vector<Json> deleting;
  for (const auto& [key, object] : cluster.store().objects()) {
    if (IsDeleting(*object) && key.kind != "Namespace") deleting.push_back(*object);
  }
  if (deleting.empty()) return absl::OkStatus();
  auto dependents = DependentsByOwner(cluster.store());
  for (const Json& owner : deleting) {
    std::string uid = GetString(owner, "metadata.uid");
    const std::vector<ObjectKey>& deps = dependents[uid];
    if (HasFinalizer(owner, "orphan")) {
      KREPLAY_RETURN_IF_ERROR(Orphan(cluster, deps, uid));
      KREPLAY_RETURN_IF_ERROR(DropFinalizer(cluster, owner, "orphan"));
    } else if (HasFinalizer(owner, "foregroundDeletion")) {
      // A dependent listed before the loop may have been removed since.
      for (const ObjectKey& dep : deps) {
        KREPLAY_RETURN_IF_ERROR(IgnoreGone(cluster.Delete(dep, Propagation::kForeground)));
      }
      if (deps.empty()) KREPLAY_RETURN_IF_ERROR(DropFinalizer(cluster, owner, "foregroundDeletion"));
    } else if (Find(owner, "metadata.finalizers") == nullptr ||
               owner["metadata"]["finalizers"].empty()) {
      cluster.Remove(KeyOf(owner));
    }
    // Otherwise someone else's finalizer keeps the object: it lingers.
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<bool> SyncGarbageCollector(Cluster& cluster, const World&) {
  // Whether it wrote is counted, not assumed: deleting an object already
  // being deleted writes nothing, and a dependent kept by someone else's
  // finalizer (or an owner waiting on one in the foreground) is "deleted"
  // again on every pass; the cluster would never settle.
  uint64_t writes = cluster.writes();
  KREPLAY_RETURN_IF_ERROR(FinishDeletions(cluster));
  KREPLAY_RETURN_IF_ERROR(CollectOrphans(cluster));
  return cluster.writes() != writes;
}

absl::StatusOr<bool> SyncNamespaces(Cluster& cluster, const World&) {
  bool wrote = false;
  for (const Json* ns : cluster.store().List("Namespace")) {
    if (!IsDeleting(*ns)) continue;
    std::string name = GetString(*ns, "metadata.name");
    std::vector<ObjectKey> contents;
    std::vector<ObjectKey> live;
    for (const auto& [key, object] : cluster.store().objects()) {
      if (key.ns != name) continue;
      contents.push_back(key);
      if (!IsDeleting(*object)) live.push_back(key);
    }
    for (const ObjectKey& key : live) {
      KREPLAY_RETURN_IF_ERROR(IgnoreGone(cluster.Delete(key, Propagation::kBackground)));
    }
    if (contents.empty()) {
      cluster.Remove(KeyOf(*ns));
      return true;  // the store changed under the loop
    }
    wrote |= !live.empty();
  }
  return wrote;
}

}  // namespace kreplay
