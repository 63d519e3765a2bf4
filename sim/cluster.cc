#include "sim/cluster.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "model/type_registry.h"
#include "sim/defaults.h"
#include "sim/json_compare.h"
#include "sim/names.h"
#include "sim/resource_quota.h"
#include "sim/validation.h"

namespace kreplay {
namespace {

// What the API server compares to decide whether generation moves: every
// top-level field but metadata and status.
bool SameSpec(const Json& a, const Json& b) { return EqualExcept(a, b, {"metadata", "status"}); }

// A write that changes nothing but the resourceVersion it carries.
// REQUIRES: both objects have an object `metadata`.
bool SameObject(const Json& live, const Json& object) {
  return EqualExcept(live, object, {"metadata"}) &&
         EqualExcept(live.at("metadata"), object.at("metadata"), {"resourceVersion"});
}

std::string Describe(const ObjectKey& key) {
  const TypeInfo* type = LookupKind(key.kind);
  std::string resource = type ? type->plural : key.kind;
  if (type && !type->group.empty()) absl::StrAppend(&resource, ".", type->group);
  return absl::StrCat(resource, " \"", key.name, "\"");
}

}  // namespace

absl::Status Cluster::CheckNamespace(const ObjectKey& key) const {
  if (key.ns.empty()) return absl::OkStatus();
  const Json* ns = store_.Get(ObjectKey{"Namespace", "", key.ns});
  if (ns == nullptr) {
    return absl::NotFoundError(absl::StrCat("namespaces \"", key.ns, "\" not found"));
  }
  if (Find(*ns, "metadata.deletionTimestamp") != nullptr) {
    return absl::FailedPreconditionError(absl::StrCat(
        Describe(key), " is forbidden: unable to create new content in namespace ",
        key.ns, " because it is being terminated"));
  }
  return absl::OkStatus();
}

absl::StatusOr<Json> Cluster::Create(Json object) {
  ObjectKey key = KeyOf(object);
  if (key.kind.empty() || key.name.empty()) {
    return absl::InvalidArgumentError("object needs kind and metadata.name");
  }
  // Validation comes before the storage checks, as in the registry's
  // BeforeCreate; the fields it checks are not defaulted (sim/validation.h).
  if (absl::Status s = ValidateObject(object); !s.ok()) return s;
  const TypeInfo* type = LookupKind(key.kind);
  if (type && !type->namespaced && !key.ns.empty()) {
    object["metadata"].erase("namespace");
    key.ns.clear();
  }
  if (store_.Get(key) != nullptr) {
    return absl::AlreadyExistsError(
        absl::StrCat(Describe(key), " already exists"));
  }
  if (absl::Status s = CheckNamespace(key); !s.ok()) return s;
  int64_t incarnation = ++incarnations_[key.ToString()];
  Json& meta = object["metadata"];
  meta["uid"] = MakeUid(key.kind, key.ns, key.name, incarnation);
  meta["creationTimestamp"] = now_;
  if (object.contains("spec")) meta["generation"] = 1;
  if (type) object["apiVersion"] = object.value("apiVersion", type->ApiVersion());
  ApplyDefaults(object, resource_version_);
  // Admission sees the defaulted object, as the API server's chain does.
  if (absl::Status s = AdmitQuota(store_, object); !s.ok()) return s;
  Store(object, nullptr);
  return object;
}

absl::StatusOr<Json> Cluster::Update(Json object) {
  ObjectKey key = KeyOf(object);
  ObjectPtr live = store_.GetShared(key);
  if (live == nullptr) {
    return absl::NotFoundError(absl::StrCat(Describe(key), " not found"));
  }
  PreserveAllocated(*live, object);
  ApplyDefaults(object, resource_version_);
  if (absl::Status s = CheckImmutable(*live, object); !s.ok()) return s;
  if (absl::Status s = ValidateObject(object); !s.ok()) return s;
  Json& meta = object["metadata"];
  for (const char* field : {"uid", "creationTimestamp", "generation"}) {
    if (live->at("metadata").contains(field)) meta[field] = live->at("metadata")[field];
  }
  if (live->contains("spec") && !SameSpec(*live, object)) {
    meta["generation"] = GetInt(*live, "metadata.generation", 1) + 1;
  }
  if (live->contains("status") && !object.contains("status")) {
    object["status"] = (*live)["status"];
  }
  if (SameObject(*live, object)) return *live;  // no-op writes change nothing
  Store(std::move(object), live);
  return *store_.Get(key);
}

absl::Status Cluster::UpdateStatus(const ObjectKey& key, const Json& status) {
  ObjectPtr live = store_.GetShared(key);
  if (live == nullptr) {
    return absl::NotFoundError(absl::StrCat(Describe(key), " not found"));
  }
  if (live->contains("status") && (*live)["status"] == status) {
    return absl::OkStatus();
  }
  // Everything but the old status is copied: it is replaced anyway.
  Json object = Json::object();
  for (const auto& [name, value] : live->items()) {
    if (name != "status") object.emplace(name, value);
  }
  object["status"] = status;
  Store(std::move(object), live);
  return absl::OkStatus();
}

absl::Status Cluster::Delete(const ObjectKey& key, Propagation propagation) {
  ObjectPtr live = store_.GetShared(key);
  if (live == nullptr) {
    return absl::NotFoundError(absl::StrCat(Describe(key), " not found"));
  }
  if (Find(*live, "metadata.deletionTimestamp") != nullptr) {
    return absl::OkStatus();  // already being deleted
  }
  const char* finalizer = propagation == Propagation::kForeground ? "foregroundDeletion"
                          : propagation == Propagation::kOrphan   ? "orphan"
                                                                  : nullptr;
  bool has_finalizers = Find(*live, "metadata.finalizers") != nullptr &&
                        !(*live)["metadata"]["finalizers"].empty();
  if (finalizer == nullptr && !has_finalizers && key.kind != "Namespace") {
    Remove(key);
    return absl::OkStatus();
  }
  Json object = *live;
  object["metadata"]["deletionTimestamp"] = now_;
  if (finalizer) object["metadata"]["finalizers"].push_back(finalizer);
  if (key.kind == "Namespace") object["status"]["phase"] = "Terminating";
  Store(std::move(object), live);
  return absl::OkStatus();
}

void Cluster::Remove(const ObjectKey& key) {
  ObjectPtr live = store_.GetShared(key);
  if (live == nullptr) return;
  store_.Remove(key);
  Journal(key, live, nullptr);
}

void Cluster::Store(Json object, ObjectPtr before) {
  object["metadata"]["resourceVersion"] = absl::StrCat(NextResourceVersion());
  ObjectKey key = KeyOf(object);
  store_.Put(std::move(object));
  Journal(key, std::move(before), store_.GetShared(key));
}

void Cluster::Journal(const ObjectKey& key, ObjectPtr before, ObjectPtr after) {
  journal_.push_back(Change{key, std::move(before), std::move(after), actor_});
  ++writes_;
}

std::vector<Change> Cluster::TakeJournal() {
  std::vector<Change> out;
  out.swap(journal_);
  return out;
}

int64_t Cluster::NextOrdinal(const std::string& owner) { return ordinals_[owner]++; }

const Json* Cluster::NodeState(const std::string& key) const {
  auto it = node_state_.find(key);
  return it == node_state_.end() ? nullptr : it->second.get();
}

void Cluster::SetNodeState(const std::string& key, Json value) {
  node_state_[key] = std::make_shared<const Json>(std::move(value));
}

void Cluster::EraseNodeState(const std::string& key) { node_state_.erase(key); }

std::vector<std::string> Cluster::NodeStateKeys() const {
  std::vector<std::string> out;
  for (const auto& [key, value] : node_state_) out.push_back(key);
  return out;
}

}  // namespace kreplay
