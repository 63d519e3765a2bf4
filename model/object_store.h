// The ordered set of objects that makes up a cluster's state.
//
// Objects are immutable once stored and shared between copies of the store,
// so copying a store (a snapshot before a step) costs one pointer per object,
// not a deep copy. Iteration is in ObjectKey order (kind, namespace, name),
// which makes every listing deterministic.
#ifndef KREPLAY_MODEL_OBJECT_STORE_H_
#define KREPLAY_MODEL_OBJECT_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/btree_map.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "model/json.h"
#include "model/object_key.h"

namespace kreplay {

using ObjectPtr = std::shared_ptr<const Json>;

class ObjectStore {
 public:
  using Map = absl::btree_map<ObjectKey, ObjectPtr>;

  // The object with `key`, or nullptr.
  const Json* Get(const ObjectKey& key) const;
  ObjectPtr GetShared(const ObjectKey& key) const;

  // The key of the object with metadata.uid `uid`, or nullptr.
  const ObjectKey* KeyOfUid(absl::string_view uid) const;

  // Stores `object` under KeyOf(object), replacing any previous version.
  void Put(Json object);
  // The same, sharing an object already stored elsewhere (stored objects
  // are immutable). REQUIRES: object != nullptr.
  void Put(ObjectPtr object);

  // Removes the object; returns whether it existed.
  bool Remove(const ObjectKey& key);

  // Objects of `kind` in namespace `ns` (every namespace when `ns` is empty),
  // in key order. Pointers stay valid until the store is next modified.
  std::vector<const Json*> List(absl::string_view kind,
                                absl::string_view ns = "") const;

  const Map& objects() const { return objects_; }
  size_t size() const { return objects_.size(); }

 private:
  Map objects_;
  absl::flat_hash_map<std::string, ObjectKey> by_uid_;
};

}  // namespace kreplay

#endif  // KREPLAY_MODEL_OBJECT_STORE_H_
