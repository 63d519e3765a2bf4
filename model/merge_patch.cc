#include "model/merge_patch.h"

namespace kreplay {

void PruneNulls(Json& value) {
  if (value.is_array()) {
    for (Json& element : value) PruneNulls(element);
    return;
  }
  if (!value.is_object()) return;
  for (auto it = value.begin(); it != value.end();) {
    if (it->is_null()) {
      it = value.erase(it);
    } else {
      PruneNulls(*it);
      ++it;
    }
  }
}

namespace {

// A patch value stored whole loses its nulls; one merged into an existing
// object keeps the merge semantics; a non-object patch over an object target
// is stored verbatim (evanphx's merge() returns it before pruning).
void MergeMember(Json& target, const std::string& key, const Json& patch) {
  auto it = target.find(key);
  if (it == target.end() || it->is_null() || !it->is_object()) {
    Json stored = patch;
    PruneNulls(stored);
    target[key] = std::move(stored);
  } else if (patch.is_object()) {
    MergePatchInto(*it, patch);
  } else {
    *it = patch;
  }
}

}  // namespace

void MergePatchInto(Json& target, const Json& patch) {
  for (const auto& [key, value] : patch.items()) {
    if (value.is_null()) {
      target.erase(key);
    } else {
      MergeMember(target, key, value);
    }
  }
}

namespace {

// encoding/json decodes every number as float64, so 1 and 1.0 are one type.
bool SameDecodedType(const Json& a, const Json& b) {
  return a.type() == b.type() || (a.is_number() && b.is_number());
}

}  // namespace

Json CreateMergePatch(const Json& from, const Json& to) {
  Json patch = Json::object();
  for (auto it = to.begin(); it != to.end(); ++it) {
    auto old = from.find(it.key());
    if (old == from.end() || !SameDecodedType(*old, *it)) {
      patch[it.key()] = *it;
    } else if (it->is_object()) {
      Json sub = CreateMergePatch(*old, *it);
      if (!sub.empty()) patch[it.key()] = std::move(sub);
    } else if (*old != *it) {
      patch[it.key()] = *it;
    }
  }
  for (auto it = from.begin(); it != from.end(); ++it) {
    if (!to.contains(it.key())) patch[it.key()] = nullptr;
  }
  return patch;
}

}  // namespace kreplay
