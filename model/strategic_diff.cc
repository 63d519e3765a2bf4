#include "model/strategic_diff.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "model/go_json.h"
#include "model/merge_keys.h"
#include "model/status_macros.h"
#include "model/strategic_list.h"
#include "model/strategic_merge.h"

namespace kreplay {
namespace {

// Upstream sorts scalars (and merge-key values) by their %v rendering.
bool SprintLess(const Json& a, const Json& b) {
  return GoSprint(a) < GoSprint(b);
}

Json SortScalars(Json list) {
  std::stable_sort(list.begin(), list.end(), SprintLess);
  return list;
}

// The three lists handleSliceDiff turns into patch entries.
struct ListDiff {
  Json add = Json::array();
  Json remove = Json::array();  // scalars only ($deleteFromPrimitiveList)
  Json order = Json::array();   // $setElementOrder
};

class Differ {
 public:
  absl::StatusOr<Json> Maps(const Json& original, const Json& modified,
                            absl::string_view type, DiffOptions options);

 private:
  absl::Status Field(const std::string& key, const Json& original,
                     const Json& modified, Json& patch, absl::string_view type,
                     const DiffOptions& options);
  absl::Status Slice(const std::string& key, const Json& original,
                     const Json& modified, Json& patch, absl::string_view type,
                     DiffOptions options);
  absl::StatusOr<ListDiff> Lists(const Json& original, const Json& modified,
                                 const FieldMeta& meta,
                                 const DiffOptions& options);
  absl::Status ListsOfMaps(const Json& original, const Json& modified,
                           const FieldMeta& meta, const DiffOptions& options,
                           Json& patch, Json& deletions);
};

void ReplaceIfNotEqual(const std::string& key, const Json& original,
                       const Json& modified, Json& patch,
                       const DiffOptions& options) {
  if (options.ignore_changes_and_additions || GoDeepEqual(original, modified)) {
    return;
  }
  patch[key] = modified;
}

bool HasAdditionalNewField(const Json& original, const Json& modified) {
  for (auto it = original.begin(); it != original.end(); ++it) {
    if (!it->is_null() && !modified.contains(it.key())) return true;
  }
  return false;
}

absl::StatusOr<Json> Differ::Maps(const Json& original, const Json& modified,
                                  absl::string_view type, DiffOptions options) {
  Json patch = Json::object();
  Json retain = Json::array();
  for (auto it = modified.begin(); it != modified.end(); ++it) {
    if (options.build_retain_keys && !it->is_null()) retain.push_back(it.key());
    auto found = original.find(it.key());
    if (found == original.end()) {
      if (!options.ignore_changes_and_additions) patch[it.key()] = *it;
      continue;
    }
    KREPLAY_RETURN_IF_ERROR(Field(it.key(), *found, *it, patch, type, options));
  }
  if (!options.ignore_deletions) {
    for (auto it = original.begin(); it != original.end(); ++it) {
      if (!modified.contains(it.key())) patch[it.key()] = nullptr;
    }
  }
  if (!retain.empty() && (!patch.empty() || HasAdditionalNewField(original, modified))) {
    patch[kRetainKeysDirective] = SortScalars(std::move(retain));
  }
  return patch;
}

absl::Status Differ::Field(const std::string& key, const Json& original,
                           const Json& modified, Json& patch,
                           absl::string_view type, const DiffOptions& options) {
  if (key == kPatchDirective) {
    if (!original.is_string() || !modified.is_string()) {
      return SmpError("invalid value for special key: $patch");
    }
    if (original != modified) patch[key] = modified;
    return absl::OkStatus();
  }
  GoKind kind = GoKindOf(original);
  if (kind != GoKindOf(modified)) {
    if (!options.ignore_changes_and_additions) patch[key] = modified;
    return absl::OkStatus();
  }
  if (kind == GoKind::kSlice) return Slice(key, original, modified, patch, type, options);
  if (kind != GoKind::kMap) {
    ReplaceIfNotEqual(key, original, modified, patch, options);
    return absl::OkStatus();
  }
  const FieldMeta* meta = LookupField(type, key);
  DiffOptions nested = options;
  nested.build_retain_keys = meta != nullptr && meta->retain_keys;
  KREPLAY_ASSIGN_OR_RETURN(
      Json sub, Maps(original, modified, meta ? meta->child : "", nested));
  if (!sub.empty()) patch[key] = std::move(sub);
  return absl::OkStatus();
}

absl::Status Differ::Slice(const std::string& key, const Json& original,
                           const Json& modified, Json& patch,
                           absl::string_view type, DiffOptions options) {
  const FieldMeta* meta = LookupField(type, key);
  if (meta == nullptr || !meta->merge) {
    ReplaceIfNotEqual(key, original, modified, patch, options);
    return absl::OkStatus();
  }
  options.build_retain_keys = meta->retain_keys;
  KREPLAY_ASSIGN_OR_RETURN(ListDiff diff, Lists(original, modified, *meta, options));
  if (!diff.add.empty()) patch[key] = std::move(diff.add);
  if (!diff.remove.empty()) {
    patch[absl::StrCat(kDeleteFromPrimitiveListPrefix, "/", key)] = std::move(diff.remove);
  }
  if (!diff.order.empty()) {
    patch[absl::StrCat(kSetElementOrderPrefix, "/", key)] = std::move(diff.order);
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> IsOrderSame(const Json& original, const Json& modified,
                                 const std::string& merge_key) {
  if (original.size() != modified.size()) return false;
  for (size_t i = 0; i < modified.size(); ++i) {
    KREPLAY_ASSIGN_OR_RETURN(bool equal,
                             MergeKeyValueEqual(original[i], modified[i], merge_key));
    if (!equal) return false;
  }
  return true;
}

// upstream's diffListsOfScalars: a merge walk over both lists sorted by %v.
void ListsOfScalars(const Json& original, const Json& modified,
                    const DiffOptions& options, Json& add, Json& remove) {
  Json o = SortScalars(original);
  Json m = SortScalars(modified);
  size_t i = 0, j = 0;
  while (i < o.size() || j < m.size()) {
    std::string os = i < o.size() ? GoSprint(o[i]) : "";
    std::string ms = j < m.size() ? GoSprint(m[j]) : "";
    if (i < o.size() && j < m.size() && os == ms) {
      ++i;
      ++j;
    } else if (i >= o.size() || (j < m.size() && os > ms)) {
      if (!options.ignore_changes_and_additions) add.push_back(m[j]);
      ++j;
    } else {
      if (!options.ignore_deletions) remove.push_back(o[i]);
      ++i;
    }
  }
  DeduplicateScalars(remove);
}

absl::StatusOr<ListDiff> Differ::Lists(const Json& original, const Json& modified,
                                       const FieldMeta& meta,
                                       const DiffOptions& options) {
  ListDiff diff;
  if (original.empty()) {
    if (!modified.empty() && !options.ignore_changes_and_additions) diff.add = modified;
    return diff;
  }
  KREPLAY_ASSIGN_OR_RETURN(GoKind kind, SliceElementKind(original, modified));
  std::string merge_key = meta.merge_key;
  if (kind != GoKind::kMap) {
    ListsOfScalars(original, modified, options, diff.add, diff.remove);
    KREPLAY_ASSIGN_OR_RETURN(diff.add,
                             NormalizeSliceOrder(diff.add, modified, merge_key, kind));
    if (options.set_element_order &&
        ((!options.ignore_deletions && !diff.remove.empty()) ||
         (!options.ignore_changes_and_additions && !GoDeepEqual(original, modified)))) {
      diff.order = modified;
    }
    return diff;
  }
  Json deletions = Json::array();
  KREPLAY_RETURN_IF_ERROR(
      ListsOfMaps(original, modified, meta, options, diff.add, deletions));
  KREPLAY_ASSIGN_OR_RETURN(diff.add,
                           NormalizeSliceOrder(diff.add, modified, merge_key, kind));
  KREPLAY_ASSIGN_OR_RETURN(bool order_same, IsOrderSame(original, modified, merge_key));
  for (Json& deletion : deletions) diff.add.push_back(std::move(deletion));
  bool changed = !diff.add.empty();
  if (options.set_element_order &&
      ((!options.ignore_changes_and_additions && (changed || !order_same)) ||
       (!options.ignore_deletions && changed))) {
    for (const Json& item : modified) {
      auto key = item.find(merge_key);
      diff.order.push_back({{merge_key, key == item.end() ? Json() : *key}});
    }
  }
  return diff;
}

// Maps sorted by the %v of their merge key; each must be a map with the key.
absl::StatusOr<Json> SortByMergeKey(const Json& list, const std::string& merge_key) {
  for (const Json& item : list) {
    if (!item.is_object()) return ErrBadArgType("map", item);
    if (!item.contains(merge_key)) return ErrNoMergeKey(item, merge_key);
  }
  Json sorted = list;
  std::stable_sort(sorted.begin(), sorted.end(), [&](const Json& a, const Json& b) {
    return SprintLess(a[merge_key], b[merge_key]);
  });
  return sorted;
}

absl::Status Differ::ListsOfMaps(const Json& original, const Json& modified,
                                 const FieldMeta& meta, const DiffOptions& options,
                                 Json& patch, Json& deletions) {
  std::string merge_key = meta.merge_key;
  KREPLAY_ASSIGN_OR_RETURN(Json o, SortByMergeKey(original, merge_key));
  KREPLAY_ASSIGN_OR_RETURN(Json m, SortByMergeKey(modified, merge_key));
  size_t i = 0, j = 0;
  while (i < o.size() || j < m.size()) {
    bool both = i < o.size() && j < m.size();
    std::string os = i < o.size() ? GoSprint(o[i][merge_key]) : "";
    std::string ms = j < m.size() ? GoSprint(m[j][merge_key]) : "";
    if (both && os == ms) {
      KREPLAY_ASSIGN_OR_RETURN(Json sub, Maps(o[i], m[j], meta.child, options));
      if (!sub.empty()) {
        sub[merge_key] = m[j][merge_key];
        patch.push_back(std::move(sub));
      }
      ++i;
      ++j;
    } else if (i >= o.size() || (both && os > ms)) {
      if (!options.ignore_changes_and_additions) patch.push_back(m[j]);
      ++j;
    } else {
      if (!options.ignore_deletions) {
        deletions.push_back({{merge_key, o[i][merge_key]}, {kPatchDirective, "delete"}});
      }
      ++i;
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Json> DiffMaps(const Json& original, const Json& modified,
                              absl::string_view type,
                              const DiffOptions& options) {
  return Differ().Maps(original, modified, type, options);
}

absl::StatusOr<Json> CreateThreeWayMergePatch(const Json& original,
                                              const Json& modified,
                                              const Json& current,
                                              absl::string_view type) {
  DiffOptions delta_options;
  delta_options.ignore_deletions = true;
  delta_options.set_element_order = true;
  KREPLAY_ASSIGN_OR_RETURN(Json delta,
                           DiffMaps(current, modified, type, delta_options));
  DiffOptions deletion_options;
  deletion_options.set_element_order = true;
  deletion_options.ignore_changes_and_additions = true;
  KREPLAY_ASSIGN_OR_RETURN(Json patch,
                           DiffMaps(original, modified, type, deletion_options));
  // Both patches keep their directives: this merges patches, not objects.
  SmpOptions merge_patches;
  merge_patches.merge_parallel_list = false;
  merge_patches.ignore_unmatched_nulls = false;
  KREPLAY_RETURN_IF_ERROR(
      StrategicMergeInto(patch, std::move(delta), type, merge_patches));
  return patch;
}

}  // namespace kreplay
