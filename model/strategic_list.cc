#include "model/strategic_list.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "model/status_macros.h"

namespace kreplay {

absl::Status SmpError(absl::string_view message) {
  return absl::InvalidArgumentError(message);
}

absl::Status ErrBadArgType(const char* expected_kind, const Json& actual) {
  return SmpError(absl::StrCat("expected a ", expected_kind,
                               ", but received a ", GoKindName(actual)));
}

absl::Status ErrNoMergeKey(const Json& map, absl::string_view key) {
  return SmpError(absl::StrCat("map: ", GoSprint(map),
                               " does not contain declared merge key: ", key));
}

absl::StatusOr<GoKind> SliceElementKind(const Json& a, const Json& b) {
  bool found = false;
  GoKind kind = GoKind::kNil;
  for (const Json* list : {&a, &b}) {
    if (!list->is_array()) continue;
    for (const Json& element : *list) {
      GoKind current = GoKindOf(element);
      if (!found && current == GoKind::kSlice) {
        return SmpError("lists of lists are not supported");
      }
      if (found && current != kind) {
        return SmpError(absl::StrCat("list element types are not identical: ",
                                     GoSprint(a), " ", GoSprint(b)));
      }
      found = true;
      kind = current;
    }
  }
  if (!found) return SmpError("no elements in any of the given slices");
  return kind;
}

absl::StatusOr<std::string> ExtractDirectiveKey(absl::string_view key,
                                                absl::string_view prefix) {
  std::vector<absl::string_view> parts = absl::StrSplit(key, absl::MaxSplits('/', 1));
  if (parts.size() <= 1 || parts[0] != prefix) {
    if (prefix == kDeleteFromPrimitiveListPrefix) {
      return SmpError("invalid patch format of primitive list");
    }
    return SmpError("invalid patch format of setElementOrder list");
  }
  return std::string(parts[1]);
}

void DeduplicateScalars(Json& list) {
  size_t size = list.size();
  for (size_t i = 0; i + 1 < size; ++i) {
    for (size_t j = i + 1; j < size; ++j) {
      if (GoEqual(list[i], list[j])) {
        list[j] = list[size - 1];
        --size;
        --j;
      }
    }
  }
  list.erase(list.begin() + size, list.end());
}

namespace {

bool ContainsEqual(const Json& list, const Json& value) {
  return std::any_of(list.begin(), list.end(),
                     [&](const Json& item) { return GoEqual(item, value); });
}

// The merge-key value of a map element (null when absent or not a map), as
// upstream's index() reads it.
Json KeyValue(const Json& item, const std::string& merge_key, GoKind kind) {
  if (kind != GoKind::kMap) return item;
  if (!item.is_object()) return Json();
  auto it = item.find(merge_key);
  return it == item.end() ? Json() : *it;
}

bool SameKey(const Json& a, const Json& b) {
  return (a.is_null() && b.is_null()) || GoEqual(a, b);
}

// Position of `value` in `list` by merge key, or -1 (upstream's index()).
int IndexOf(const Json& list, const Json& value, const std::string& merge_key,
            GoKind kind) {
  if (!list.is_array()) return -1;
  Json wanted = KeyValue(value, merge_key, kind);
  for (size_t i = 0; i < list.size(); ++i) {
    if (SameKey(wanted, KeyValue(list[i], merge_key, kind))) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

// Index of the first map in `list` whose `key` equals `value`; -1 if none.
absl::StatusOr<int> FindByKey(const Json& list, const std::string& key,
                              const Json& value) {
  for (size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_object()) {
      return SmpError(absl::StrCat("value for key ", i, " is not a map."));
    }
    auto it = list[i].find(key);
    if (it != list[i].end() && GoEqual(*it, value)) return static_cast<int>(i);
  }
  return -1;
}

absl::Status ValidateMergeKeys(const std::string& merge_key, const Json& list) {
  if (!list.is_array()) return absl::OkStatus();
  for (const Json& item : list) {
    if (!item.is_object()) return ErrBadArgType("map", item);
    if (!item.contains(merge_key)) return ErrNoMergeKey(item, merge_key);
  }
  return absl::OkStatus();
}

bool IsDeleteElement(const Json& item) {
  auto it = item.find(kPatchDirective);
  return it != item.end() && it->is_string() && *it == "delete";
}

// sort.SliceStable with upstream's less: by position in `order`, and "less"
// whenever either element is missing from `order`. When every element is
// found this is an ordinary stable sort.
void SortByOrder(Json& items, const Json& order, const std::string& merge_key,
                 GoKind kind) {
  std::vector<int> index;
  for (const Json& item : items) index.push_back(IndexOf(order, item, merge_key, kind));
  std::vector<size_t> perm(items.size());
  for (size_t i = 0; i < perm.size(); ++i) perm[i] = i;
  auto less = [&](size_t a, size_t b) {
    return index[a] >= 0 && index[b] >= 0 ? index[a] < index[b] : true;
  };
  for (size_t i = 1; i < perm.size(); ++i) {  // Go's insertionSort
    for (size_t j = i; j > 0 && less(perm[j], perm[j - 1]); --j) {
      std::swap(perm[j], perm[j - 1]);
    }
  }
  Json sorted = Json::array();
  for (size_t p : perm) sorted.push_back(std::move(items[p]));
  items = std::move(sorted);
}

}  // namespace

absl::StatusOr<Json> NormalizeSliceOrder(Json to_sort, const Json& order,
                                         const std::string& merge_key,
                                         GoKind kind) {
  Json to_delete = Json::array();
  if (kind == GoKind::kMap) {
    KREPLAY_RETURN_IF_ERROR(ValidateMergeKeys(merge_key, to_sort));
    KREPLAY_RETURN_IF_ERROR(ValidateMergeKeys(merge_key, order));
    Json keep = Json::array();
    for (Json& item : to_sort) {
      (IsDeleteElement(item) ? to_delete : keep).push_back(std::move(item));
    }
    to_sort = std::move(keep);
  }
  SortByOrder(to_sort, order, merge_key, kind);
  for (Json& item : to_delete) to_sort.push_back(std::move(item));
  return to_sort;
}

namespace {

// Upstream's mergeSortedSlice: interleaves server-only items (`left`) into
// patch items (`right`) by their live order; unknown pairs take `right`.
Json MergeSortedSlice(Json& left, Json& right, const Json& server_order,
                      const std::string& merge_key, GoKind kind) {
  Json out = Json::array();
  size_t i = 0, j = 0;
  while (i < left.size() || j < right.size()) {
    bool take_left = j >= right.size();
    if (i < left.size() && j < right.size()) {
      int li = IndexOf(server_order, left[i], merge_key, kind);
      int ri = IndexOf(server_order, right[j], merge_key, kind);
      take_left = li >= 0 && ri >= 0 && li < ri;
    }
    out.push_back(std::move(take_left ? left[i++] : right[j++]));
  }
  return out;
}

absl::Status DeleteMatching(Json& list, const std::string& merge_key,
                            const Json& value, std::vector<size_t>& deleted_at) {
  while (true) {
    KREPLAY_ASSIGN_OR_RETURN(int at, FindByKey(list, merge_key, value));
    if (at < 0) return absl::OkStatus();
    list.erase(list.begin() + at);
    deleted_at.push_back(static_cast<size_t>(at));
  }
}

// Capacity of a []interface{} that encoding/json grew by append from empty.
size_t DecodedCapacity(size_t size) {
  size_t cap = size == 0 ? 0 : 1;
  while (cap < size) cap *= 2;
  return cap;
}

}  // namespace

Json DeleteFromSlice(const Json& current, const Json& to_delete) {
  Json kept = Json::array();
  for (const Json& item : current) {
    if (!ContainsEqual(to_delete, item)) kept.push_back(item);
  }
  return kept;
}

absl::Status ApplySpecialElements(Json& original, Json& patch,
                                  const std::string& merge_key,
                                  SpecialEffects* effects) {
  Json plain = Json::array();
  bool replace = false;
  for (Json& item : patch) {
    auto directive = item.find(kPatchDirective);
    if (directive == item.end()) {
      plain.push_back(std::move(item));
    } else if (*directive == "delete") {
      auto key = item.find(merge_key);
      if (key == item.end()) return ErrNoMergeKey(item, merge_key);
      KREPLAY_RETURN_IF_ERROR(
          DeleteMatching(original, merge_key, *key, effects->deleted_at));
    } else if (*directive == "replace") {
      replace = true;
    } else if (*directive == "merge") {
      return SmpError("merging lists cannot yet be specified in the patch");
    } else {
      return SmpError(absl::StrCat("unknown patch type: ", GoSprint(*directive),
                                   " in map: ", GoSprint(item)));
    }
  }
  effects->replaced = replace;
  if (replace) {
    original = std::move(plain);
    patch = Json::array();
  } else {
    patch = std::move(plain);
  }
  return absl::OkStatus();
}

Json GoSliceView(const Json& before, const SpecialEffects& effects,
                 const Json& merged, size_t merged_from) {
  size_t cap = DecodedCapacity(before.size());
  std::vector<Json> backing(before.begin(), before.end());
  backing.resize(cap);
  size_t size = before.size();
  for (size_t at : effects.deleted_at) {
    std::copy(backing.begin() + at + 1, backing.begin() + size, backing.begin() + at);
    --size;
  }
  // After a replace, upstream merges into a fresh list; otherwise appends
  // land in the spare capacity until it runs out (then Go reallocates).
  for (size_t i = merged_from; !effects.replaced && i < merged.size() && size < cap; ++i) {
    backing[size++] = merged[i];
  }
  return Json(std::vector<Json>(backing.begin(), backing.begin() + before.size()));
}

absl::Status PartitionByPresence(const Json& merged, const Json& by,
                                 const std::string& merge_key, Json& present,
                                 Json& absent) {
  present = Json::array();
  absent = Json::array();
  for (const Json& item : merged) {
    bool found = false;
    if (merge_key.empty()) {
      found = by.is_array() && ContainsEqual(by, item);
    } else {
      if (!item.is_object()) return ErrBadArgType("map", item);
      auto key = item.find(merge_key);
      if (key == item.end()) return ErrNoMergeKey(item, merge_key);
      KREPLAY_ASSIGN_OR_RETURN(int at, by.is_array() ? FindByKey(by, merge_key, *key)
                                                     : absl::StatusOr<int>(-1));
      found = at >= 0;
    }
    (found ? present : absent).push_back(item);
  }
  return absl::OkStatus();
}

absl::StatusOr<Json> NormalizeElementOrder(Json patch_items, Json server_only,
                                           const Json& patch_order,
                                           const Json& server_order,
                                           const std::string& merge_key,
                                           GoKind kind) {
  KREPLAY_ASSIGN_OR_RETURN(
      Json patch_sorted,
      NormalizeSliceOrder(std::move(patch_items), patch_order, merge_key, kind));
  KREPLAY_ASSIGN_OR_RETURN(
      Json server_sorted,
      NormalizeSliceOrder(std::move(server_only), server_order, merge_key, kind));
  return MergeSortedSlice(server_sorted, patch_sorted, server_order, merge_key,
                          kind);
}

absl::StatusOr<bool> MergeKeyValueEqual(const Json& left, const Json& right,
                                        const std::string& merge_key) {
  if (merge_key.empty()) return GoEqual(left, right);
  if (!left.is_object()) return ErrBadArgType("map", left);
  if (!right.is_object()) return ErrBadArgType("map", right);
  auto l = left.find(merge_key);
  if (l == left.end()) return ErrNoMergeKey(left, merge_key);
  auto r = right.find(merge_key);
  if (r == right.end()) return ErrNoMergeKey(right, merge_key);
  return GoEqual(*l, *r);
}

absl::Status ValidatePatchWithSetOrderList(const Json& patch_list,
                                           const Json& set_order,
                                           const std::string& merge_key) {
  if (!set_order.is_array()) {
    return SmpError("invalid patch format of setElementOrder list");
  }
  if (set_order.empty() || !patch_list.is_array() || patch_list.empty()) {
    return absl::OkStatus();
  }
  Json plain = Json::array();
  for (const Json& item : patch_list) {
    if (!merge_key.empty() && !item.is_object()) return ErrBadArgType("map", item);
    if (merge_key.empty() || !IsDeleteElement(item)) plain.push_back(item);
  }
  size_t p = 0, s = 0;
  while (p < plain.size() && s < set_order.size()) {
    if (plain[p].is_object() && plain[p].contains(kPatchDirective)) {
      ++p;
      continue;
    }
    KREPLAY_ASSIGN_OR_RETURN(bool equal,
                             MergeKeyValueEqual(plain[p], set_order[s], merge_key));
    if (equal) ++p;
    ++s;
  }
  if (p < plain.size() && s >= set_order.size()) {
    return SmpError(absl::StrCat("The order in patch list:\n", GoSprint(patch_list),
                                 "\n doesn't match $setElementOrder list:\n",
                                 GoSprint(set_order), "\n"));
  }
  return absl::OkStatus();
}

}  // namespace kreplay
