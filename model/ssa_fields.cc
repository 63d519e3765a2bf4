#include "model/ssa_fields.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "model/go_json_writer.h"
#include "model/status_macros.h"

namespace kreplay {
namespace {

std::string ChildTypeOf(absl::string_view type, absl::string_view field) {
  const FieldMeta* meta = LookupField(type, field);
  return meta == nullptr ? "" : meta->child;
}

std::string FieldElement(const std::string& key) { return absl::StrCat("f:", key); }

bool EmptyOrAbsent(const Json* value) {
  return value == nullptr || value->is_null() || (value->is_object() && value->empty()) ||
         (value->is_array() && value->empty());
}

class FieldSetBuilder {
 public:
  absl::Status Object(const Json& object, absl::string_view type) {
    for (auto it = object.begin(); it != object.end(); ++it) {
      path_.push_back(FieldElement(it.key()));
      KREPLAY_RETURN_IF_ERROR(Value(*it, type, it.key()));
      path_.pop_back();
    }
    return absl::OkStatus();
  }

  FieldSet Take() { return std::move(set_); }

 private:
  absl::Status Value(const Json& value, absl::string_view type,
                     const std::string& key) {
    if (value.is_object() && !value.empty() && !IsAtomicStruct(type, key)) {
      return Object(value, ChildTypeOf(type, key));
    }
    ListShape shape = ListShapeOf(type, key);
    if (!value.is_array() || shape.type == ListType::kAtomic) {
      set_.Insert(path_);
      return absl::OkStatus();
    }
    for (const Json& item : value) {
      KREPLAY_ASSIGN_OR_RETURN(std::optional<std::string> element,
                               ListItemElement(item, shape));
      path_.push_back(*element);
      set_.Insert(path_);
      if (shape.type == ListType::kMap) {
        KREPLAY_RETURN_IF_ERROR(Object(item, shape.element_type));
      }
      path_.pop_back();
    }
    return absl::OkStatus();
  }

  FieldSet set_;
  FieldSet::Path path_;
};

// The items of a non-atomic list by element (first occurrence wins).
absl::StatusOr<std::vector<std::pair<std::string, const Json*>>> IndexItems(
    const Json* list, const ListShape& shape) {
  std::vector<std::pair<std::string, const Json*>> items;
  if (list == nullptr || !list->is_array()) return items;
  for (const Json& item : *list) {
    KREPLAY_ASSIGN_OR_RETURN(std::optional<std::string> element,
                             ListItemElement(item, shape));
    items.emplace_back(*element, &item);
  }
  return items;
}

const Json* FindItem(const std::vector<std::pair<std::string, const Json*>>& items,
                     const std::string& element) {
  for (const auto& [e, item] : items) {
    if (e == element) return item;
  }
  return nullptr;
}

class Comparer {
 public:
  absl::Status Map(const Json* lhs, const Json* rhs, absl::string_view type) {
    std::vector<std::string> keys;
    for (const Json* side : {lhs, rhs}) {
      if (side == nullptr || !side->is_object()) continue;
      for (auto it = side->begin(); it != side->end(); ++it) keys.push_back(it.key());
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const std::string& key : keys) {
      path_.push_back(FieldElement(key));
      KREPLAY_RETURN_IF_ERROR(Field(Get(lhs, key), Get(rhs, key), type, key));
      path_.pop_back();
    }
    return absl::OkStatus();
  }

  Comparison Take() { return std::move(result_); }

 private:
  static const Json* Get(const Json* object, const std::string& key) {
    if (object == nullptr || !object->is_object()) return nullptr;
    auto it = object->find(key);
    return it == object->end() ? nullptr : &*it;
  }

  // A map or list node appearing or disappearing is itself added or removed.
  void Presence(const Json* lhs, const Json* rhs) {
    if (lhs == nullptr || lhs->is_null()) result_.added.Insert(path_);
    if (rhs == nullptr || rhs->is_null()) result_.removed.Insert(path_);
  }

  absl::Status Field(const Json* lhs, const Json* rhs, absl::string_view type,
                     const std::string& key) {
    bool maps = (!lhs || lhs->is_object()) && (!rhs || rhs->is_object());
    bool lists = (!lhs || lhs->is_array()) && (!rhs || rhs->is_array());
    bool both_empty = EmptyOrAbsent(lhs) && EmptyOrAbsent(rhs);
    if (maps && !both_empty && !IsAtomicStruct(type, key)) {
      Presence(lhs, rhs);
      return Map(lhs, rhs, ChildTypeOf(type, key));
    }
    ListShape shape = ListShapeOf(type, key);
    if (lists && !both_empty && shape.type != ListType::kAtomic) {
      Presence(lhs, rhs);
      return List(lhs, rhs, shape);
    }
    Leaf(lhs, rhs);
    return absl::OkStatus();
  }

  void Leaf(const Json* lhs, const Json* rhs) {
    if (lhs == nullptr) {
      result_.added.Insert(path_);
    } else if (rhs == nullptr) {
      result_.removed.Insert(path_);
    } else if (*lhs != *rhs) {
      result_.modified.Insert(path_);
    }
  }

  absl::Status List(const Json* lhs, const Json* rhs, const ListShape& shape) {
    KREPLAY_ASSIGN_OR_RETURN(auto left, IndexItems(lhs, shape));
    KREPLAY_ASSIGN_OR_RETURN(auto right, IndexItems(rhs, shape));
    for (const auto& [element, item] : left) {
      KREPLAY_RETURN_IF_ERROR(Item(element, item, FindItem(right, element), shape));
    }
    for (const auto& [element, item] : right) {
      if (FindItem(left, element) == nullptr) {
        KREPLAY_RETURN_IF_ERROR(Item(element, nullptr, item, shape));
      }
    }
    return absl::OkStatus();
  }

  absl::Status Item(const std::string& element, const Json* lhs, const Json* rhs,
                    const ListShape& shape) {
    path_.push_back(element);
    if (shape.type == ListType::kMap) {
      Presence(lhs, rhs);
      KREPLAY_RETURN_IF_ERROR(Map(lhs, rhs, shape.element_type));
    } else {
      Leaf(lhs, rhs);
    }
    path_.pop_back();
    return absl::OkStatus();
  }

  Comparison result_;
  FieldSet::Path path_;
};

const FieldSet* ChildOf(const FieldSet* set, const std::string& element) {
  return set == nullptr ? nullptr : set->Child(element);
}

void RemoveFromList(Json& list, const FieldSet& set, const ListShape& shape,
                    const FieldSet* owned) {
  Json kept = Json::array();
  for (Json& item : list) {
    absl::StatusOr<std::optional<std::string>> element = ListItemElement(item, shape);
    if (!element.ok()) {
      kept.push_back(std::move(item));
      continue;
    }
    if (set.Has({**element})) continue;
    const FieldSet* below = set.Child(**element);
    if (below != nullptr && item.is_object() && shape.type == ListType::kMap) {
      RemoveFieldsOwned(item, *below, shape.element_type, ChildOf(owned, **element));
    }
    kept.push_back(std::move(item));
  }
  list = std::move(kept);
}

}  // namespace

ListShape ListShapeOf(absl::string_view type, absl::string_view field) {
  const FieldMeta* meta = LookupField(type, field);
  if (meta == nullptr) return {};
  return {meta->list_type, meta->list_map_keys, meta->child};
}

bool IsAtomicStruct(absl::string_view type, absl::string_view field) {
  const FieldMeta* meta = LookupField(type, field);
  return meta != nullptr && meta->atomic_struct;
}

absl::StatusOr<std::optional<std::string>> ListItemElement(const Json& item,
                                                           const ListShape& shape) {
  if (shape.type == ListType::kAtomic) return std::nullopt;
  if (shape.type == ListType::kSet) return absl::StrCat("v:", GoMarshal(item));
  if (!item.is_object()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "associative list with keys has an element that is not a map: ", item.dump()));
  }
  Json key = Json::object();
  for (const std::string& name : shape.keys) {
    auto found = item.find(name);
    Json value = found != item.end() ? *found : ListMapKeyDefault(name);
    if (value.is_null()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "associative list with keys has an element that omits key field \"", name,
          "\" (and doesn't have default value)"));
    }
    key[name] = std::move(value);
  }
  return absl::StrCat("k:", GoMarshal(key));
}

absl::StatusOr<FieldSet> ToFieldSet(const Json& object, absl::string_view type) {
  FieldSetBuilder builder;
  KREPLAY_RETURN_IF_ERROR(builder.Object(object, type));
  return builder.Take();
}

absl::StatusOr<Comparison> Compare(const Json& lhs, const Json& rhs,
                                   absl::string_view type) {
  Comparer comparer;
  KREPLAY_RETURN_IF_ERROR(comparer.Map(&lhs, &rhs, type));
  return comparer.Take();
}

void RemoveFields(Json& object, const FieldSet& set, absl::string_view type) {
  RemoveFieldsOwned(object, set, type, nullptr);
}

// With `owned`, a field of a struct that loses something and keeps nothing
// anyone owns goes as a whole, unowned (defaulted) members included: the
// prune of structured-merge-diff removes named fields as members
// (EnsureNamedFieldsAreMembers) and adds back only what a manager owns.
void RemoveFieldsOwned(Json& object, const FieldSet& set, absl::string_view type,
                       const FieldSet* owned) {
  for (auto it = object.begin(); it != object.end();) {
    std::string element = FieldElement(it.key());
    const FieldSet* below = set.Child(element);
    bool drop = below != nullptr && below->member();
    if (below != nullptr && !drop && !it->empty()) {
      const FieldSet* owned_below = ChildOf(owned, element);
      if (it->is_object() && !IsAtomicStruct(type, it.key())) {
        RemoveFieldsOwned(*it, *below, ChildTypeOf(type, it.key()), owned_below);
        drop = owned != nullptr && (owned_below == nullptr || owned_below->Empty());
      } else if (it->is_array()) {
        ListShape shape = ListShapeOf(type, it.key());
        if (shape.type != ListType::kAtomic) RemoveFromList(*it, *below, shape, owned_below);
      }
      drop = drop || it->empty();
    }
    it = drop ? object.erase(it) : std::next(it);
  }
}

}  // namespace kreplay
