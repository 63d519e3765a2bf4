#include "model/ssa_merge.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "model/field_set.h"
#include "model/merge_keys.h"
#include "model/ssa_fields.h"
#include "model/status_macros.h"

namespace kreplay {
namespace {

std::string ChildTypeOf(absl::string_view type, absl::string_view field) {
  const FieldMeta* meta = LookupField(type, field);
  return meta == nullptr ? "" : meta->child;
}

bool Empty(const Json& value) {
  return value.is_null() || ((value.is_object() || value.is_array()) && value.empty());
}

// A list's items with their path elements; `seen` maps an element to its
// item, or to null when the element repeats (upstream does not merge into
// duplicated live items).
struct IndexedList {
  std::vector<std::string> elements;
  std::map<std::string, const Json*> seen;
};

absl::StatusOr<IndexedList> Index(const Json& list, const ListShape& shape,
                                  bool allow_duplicates) {
  IndexedList index;
  for (const Json& item : list) {
    KREPLAY_ASSIGN_OR_RETURN(std::optional<std::string> element,
                             ListItemElement(item, shape));
    auto [it, inserted] = index.seen.emplace(*element, &item);
    if (!inserted) {
      if (!allow_duplicates) {
        return absl::InvalidArgumentError(absl::StrCat(
            "duplicate entries for key ", PathString({*element})));
      }
      it->second = nullptr;
    }
    index.elements.push_back(*element);
  }
  return index;
}

absl::StatusOr<Json> MergeObject(const Json& live, const Json& config,
                                 absl::string_view type);

absl::StatusOr<Json> MergeField(const Json& live, const Json& config,
                                absl::string_view type, const std::string& key) {
  bool both_empty = Empty(live) && Empty(config);
  if (live.is_object() && config.is_object() && !both_empty &&
      !IsAtomicStruct(type, key)) {
    return MergeObject(live, config, ChildTypeOf(type, key));
  }
  ListShape shape = ListShapeOf(type, key);
  if (!live.is_array() || !config.is_array() || both_empty ||
      shape.type == ListType::kAtomic) {
    return config;
  }
  KREPLAY_ASSIGN_OR_RETURN(IndexedList left, Index(live, shape, true));
  KREPLAY_ASSIGN_OR_RETURN(IndexedList right, Index(config, shape, false));
  auto merge_item = [&](const std::string& element) -> absl::StatusOr<Json> {
    const Json* l = left.seen.count(element) ? left.seen[element] : nullptr;
    const Json* r = right.seen.count(element) ? right.seen[element] : nullptr;
    if (l == nullptr || r == nullptr) return r != nullptr ? *r : *l;
    if (shape.type == ListType::kMap && l->is_object() && r->is_object()) {
      return MergeObject(*l, *r, shape.element_type);
    }
    return *r;
  };
  // upstream's visitListItems: walk both lists; shared items follow the
  // configuration's order, live-only items keep their place.
  std::vector<std::string> shared;
  for (const std::string& e : right.elements) {
    if (left.seen.count(e)) shared.push_back(e);
  }
  size_t next_shared = 0;
  std::map<std::string, bool> merged_right;
  Json out = Json::array();
  size_t li = 0, ri = 0;
  while (li < left.elements.size() || ri < right.elements.size()) {
    if (li < left.elements.size() && ri < right.elements.size()) {
      const std::string& pe = left.elements[li];
      if (pe == right.elements[ri]) {
        merged_right[pe] = true;
        KREPLAY_ASSIGN_OR_RETURN(Json item, merge_item(pe));
        out.push_back(std::move(item));
        ++li;
        ++ri;
        ++next_shared;
        continue;
      }
      if (right.seen.count(pe) && next_shared < shared.size() &&
          shared[next_shared] != pe) {
        ++li;
        continue;
      }
    }
    if (li < left.elements.size()) {
      const std::string& pe = left.elements[li];
      if (!right.seen.count(pe)) {
        out.push_back(live[li]);
        ++li;
        continue;
      }
      if (merged_right.count(pe)) {
        ++li;
        continue;
      }
    }
    if (ri < right.elements.size()) {
      const std::string& pe = right.elements[ri];
      merged_right[pe] = true;
      KREPLAY_ASSIGN_OR_RETURN(Json item, merge_item(pe));
      out.push_back(std::move(item));
      ++ri;
      if (next_shared < shared.size() && shared[next_shared] == pe) ++next_shared;
    }
  }
  return out;
}

absl::StatusOr<Json> MergeObject(const Json& live, const Json& config,
                                 absl::string_view type) {
  Json out = live.is_object() ? live : Json::object();
  for (auto it = config.begin(); it != config.end(); ++it) {
    auto found = out.find(it.key());
    if (it->is_null()) {
      out.erase(it.key());
    } else if (found == out.end()) {
      out[it.key()] = *it;
    } else {
      KREPLAY_ASSIGN_OR_RETURN(*found, MergeField(*found, *it, type, it.key()));
    }
  }
  return out;
}

}  // namespace

absl::StatusOr<Json> MergeApplied(const Json& live, const Json& config,
                                  absl::string_view type) {
  return MergeObject(live, config, type);
}

}  // namespace kreplay
