#include "model/object_store.h"

namespace kreplay {

const Json* ObjectStore::Get(const ObjectKey& key) const {
  auto it = objects_.find(key);
  return it == objects_.end() ? nullptr : it->second.get();
}

ObjectPtr ObjectStore::GetShared(const ObjectKey& key) const {
  auto it = objects_.find(key);
  return it == objects_.end() ? nullptr : it->second;
}

const ObjectKey* ObjectStore::KeyOfUid(absl::string_view uid) const {
  auto it = by_uid_.find(uid);
  return it == by_uid_.end() ? nullptr : &it->second;
}

void ObjectStore::Put(Json object) { Put(std::make_shared<const Json>(std::move(object))); }

void ObjectStore::Put(ObjectPtr object) {
  ObjectKey key = KeyOf(*object);
  std::string uid = GetString(*object, "metadata.uid");
  if (const Json* old = Get(key)) {
    std::string old_uid = GetString(*old, "metadata.uid");
    if (old_uid != uid) by_uid_.erase(old_uid);
  }
  if (!uid.empty()) by_uid_[uid] = key;
  objects_[key] = std::move(object);
}

bool ObjectStore::Remove(const ObjectKey& key) {
  auto it = objects_.find(key);
  if (it == objects_.end()) return false;
  by_uid_.erase(GetString(*it->second, "metadata.uid"));
  objects_.erase(it);
  return true;
}

std::vector<const Json*> ObjectStore::List(absl::string_view kind,
                                           absl::string_view ns) const {
  std::vector<const Json*> out;
  ObjectKey first{std::string(kind), std::string(ns), ""};
  for (auto it = objects_.lower_bound(first);
       it != objects_.end() && it->first.kind == kind; ++it) {
    if (!ns.empty() && it->first.ns != ns) break;
    out.push_back(it->second.get());
  }
  return out;
}

}  // namespace kreplay
