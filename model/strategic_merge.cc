#include "model/strategic_merge.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "model/merge_keys.h"
#include "model/status_macros.h"
#include "model/strategic_list.h"

namespace kreplay {
namespace {

// The list strategy of one field: merge by key (or as a set), or replace.
struct ListSpec {
  bool merge = false;
  std::string merge_key;
  std::string element_type;
};

ListSpec ListSpecOf(absl::string_view type, absl::string_view field) {
  const FieldMeta* meta = LookupField(type, field);
  if (meta == nullptr) return {};
  return {meta->merge, meta->merge_key, meta->child};
}

std::string ChildType(absl::string_view type, absl::string_view field) {
  const FieldMeta* meta = LookupField(type, field);
  return meta == nullptr ? "" : meta->child;
}

void DiscardNulls(Json& value) {
  if (value.is_array()) {
    for (Json& element : value) DiscardNulls(element);
  } else if (value.is_object()) {
    for (auto it = value.begin(); it != value.end();) {
      if (it->is_null()) {
        it = value.erase(it);
      } else {
        DiscardNulls(*it);
        ++it;
      }
    }
  }
}

// upstream's removeDirectives: a map carrying `$patch` is dropped; returns
// whether `value` itself is kept.
bool RemoveDirectives(Json& value) {
  if (value.is_object()) {
    if (value.contains(kPatchDirective)) return false;
    for (auto it = value.begin(); it != value.end();) {
      it = RemoveDirectives(*it) ? std::next(it) : value.erase(it);
    }
  } else if (value.is_array()) {
    Json kept = Json::array();
    for (Json& element : value) {
      if (RemoveDirectives(element)) kept.push_back(std::move(element));
    }
    value = std::move(kept);
  }
  return true;
}

class Merger {
 public:
  explicit Merger(const SmpOptions& options) : options_(options) {}

  absl::Status MergeMap(Json& original, Json patch, absl::string_view type);

 private:
  absl::Status MergeField(Json& original, const std::string& key, Json value,
                          absl::string_view type);
  void StoreNew(Json& original, const std::string& key, Json value);
  absl::Status ApplyRetainKeys(Json& original, Json& patch);
  absl::Status MergeOrderedLists(Json& original, Json& patch,
                                 absl::string_view type);
  absl::Status MergeOrderedList(Json& original, Json& patch,
                                const std::string& key, Json order,
                                absl::string_view type);
  absl::StatusOr<Json> MergeSlice(Json original, Json patch,
                                  const ListSpec& spec, bool is_delete_list,
                                  Json* go_view = nullptr);
  absl::StatusOr<Json> MergeMaps(Json original, Json patch,
                                 const ListSpec& spec);

  SmpOptions options_;
};

absl::Status MapDirective(Json& original, Json& patch) {
  const Json& directive = patch[kPatchDirective];
  if (directive == "replace") {
    patch.erase(kPatchDirective);
    original = std::move(patch);
  } else if (directive == "delete") {
    original = Json::object();
  } else {
    return SmpError(absl::StrCat("unknown patch type: ", GoSprint(directive),
                                 " in map: ", GoSprint(patch)));
  }
  return absl::OkStatus();
}

absl::Status Merger::MergeMap(Json& original, Json patch,
                              absl::string_view type) {
  if (patch.contains(kPatchDirective)) return MapDirective(original, patch);
  if (original.is_null()) original = Json::object();
  KREPLAY_RETURN_IF_ERROR(ApplyRetainKeys(original, patch));
  KREPLAY_RETURN_IF_ERROR(MergeOrderedLists(original, patch, type));
  for (auto& [key, value] : patch.items()) {
    KREPLAY_RETURN_IF_ERROR(MergeField(original, key, std::move(value), type));
  }
  return absl::OkStatus();
}

void Merger::StoreNew(Json& original, const std::string& key, Json value) {
  if (options_.ignore_unmatched_nulls) DiscardNulls(value);
  if (RemoveDirectives(value)) {
    original[key] = std::move(value);
  } else {
    original.erase(key);
  }
}

absl::Status Merger::MergeField(Json& original, const std::string& raw_key,
                                Json value, absl::string_view type) {
  std::string key = raw_key;
  bool is_delete_list = absl::StartsWith(key, kDeleteFromPrimitiveListPrefix);
  if (is_delete_list) {
    if (!options_.merge_parallel_list) {
      original[key] = std::move(value);
      return absl::OkStatus();
    }
    KREPLAY_ASSIGN_OR_RETURN(
        key, ExtractDirectiveKey(key, kDeleteFromPrimitiveListPrefix));
  }
  if (value.is_null()) {
    original.erase(key);
    if (options_.ignore_unmatched_nulls) return absl::OkStatus();
  }
  auto it = original.find(key);
  if (it == original.end()) {
    if (!is_delete_list) StoreNew(original, key, std::move(value));
    return absl::OkStatus();
  }
  GoKind kind = GoKindOf(*it);
  if (kind != GoKindOf(value)) {
    if (!is_delete_list) StoreNew(original, key, std::move(value));
  } else if (kind == GoKind::kMap) {
    return MergeMap(*it, std::move(value), ChildType(type, key));
  } else if (kind == GoKind::kSlice) {
    KREPLAY_ASSIGN_OR_RETURN(*it, MergeSlice(std::move(*it), std::move(value),
                                             ListSpecOf(type, key),
                                             is_delete_list));
  } else {
    RemoveDirectives(value);
    *it = std::move(value);
  }
  return absl::OkStatus();
}

// `$retainKeys: [...]` clears every field of the original not listed; every
// field the patch sets must be listed.
absl::Status Merger::ApplyRetainKeys(Json& original, Json& patch) {
  auto found = patch.find(kRetainKeysDirective);
  if (found == patch.end()) return absl::OkStatus();
  Json retain = std::move(*found);
  patch.erase(found);
  if (!options_.merge_parallel_list) {
    auto existing = original.find(kRetainKeysDirective);
    if (existing == original.end()) {
      original[kRetainKeysDirective] = std::move(retain);
    } else if (!GoDeepEqual(*existing, retain)) {
      return SmpError(absl::StrCat(GoSprint(*existing), " and ", GoSprint(retain),
                                   " are not deep equal: this may happen when "
                                   "calculating the 3-way diff patch"));
    }
    return absl::OkStatus();
  }
  if (!retain.is_array()) return SmpError("invalid patch format of retainKeys");
  auto listed = [&](const std::string& key) {
    for (const Json& item : retain) {
      if (item.is_string() && item.get<std::string>() == key) return true;
    }
    return false;
  };
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    if (it->is_null() || absl::StartsWith(it.key(), kDeleteFromPrimitiveListPrefix) ||
        absl::StartsWith(it.key(), kSetElementOrderPrefix)) {
      continue;
    }
    if (!listed(it.key())) return SmpError("invalid patch format of retainKeys");
  }
  for (auto it = original.begin(); it != original.end();) {
    it = listed(it.key()) ? std::next(it) : original.erase(it);
  }
  return absl::OkStatus();
}

absl::Status Merger::MergeOrderedLists(Json& original, Json& patch,
                                       absl::string_view type) {
  std::vector<std::string> keys;
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    if (absl::StartsWith(it.key(), kSetElementOrderPrefix)) keys.push_back(it.key());
  }
  for (const std::string& key : keys) {
    Json order = std::move(patch[key]);
    patch.erase(key);
    if (!options_.merge_parallel_list) {
      auto existing = original.find(key);
      if (existing == original.end()) {
        original[key] = order;
      } else if (!GoDeepEqual(*existing, order)) {
        return SmpError("invalid patch format of setElementOrder list");
      }
    }
    KREPLAY_RETURN_IF_ERROR(MergeOrderedList(original, patch, key, std::move(order), type));
  }
  return absl::OkStatus();
}

// One `$setElementOrder/<field>`: merges the field's list (if the patch has
// one) and orders the result: listed elements in the directive's order,
// server-only elements around them in live order.
absl::Status Merger::MergeOrderedList(Json& original, Json& patch,
                                      const std::string& key, Json order,
                                      absl::string_view type) {
  if (!order.is_array()) return ErrBadArgType("slice", order);
  KREPLAY_ASSIGN_OR_RETURN(std::string field,
                           ExtractDirectiveKey(key, kSetElementOrderPrefix));
  auto original_it = original.find(field);
  auto patch_it = patch.find(field);
  bool in_original = original_it != original.end();
  bool in_patch = patch_it != patch.end();
  if (in_original && !original_it->is_array()) return ErrBadArgType("slice", *original_it);
  if (in_patch && !patch_it->is_array()) return ErrBadArgType("slice", *patch_it);
  ListSpec spec = ListSpecOf(type, field);
  Json original_list = in_original ? *original_it : Json();
  Json patch_list = in_patch ? *patch_it : Json();
  KREPLAY_RETURN_IF_ERROR(
      ValidatePatchWithSetOrderList(patch_list, order, spec.merge_key));
  if (!in_original && !in_patch) return absl::OkStatus();
  Json merged;
  if (!in_patch) {
    merged = original_list;
  } else if (!in_original) {
    merged = patch_list;
    RemoveDirectives(merged);
  } else {
    // Upstream orders by the caller's view of the live list, which its
    // in-place merge has shifted (see GoSliceView).
    Json view = original_list;
    KREPLAY_ASSIGN_OR_RETURN(merged, MergeSlice(original_list, patch_list, spec,
                                                /*is_delete_list=*/false, &view));
    original_list = std::move(view);
  }
  Json present, absent;
  KREPLAY_RETURN_IF_ERROR(
      PartitionByPresence(merged, order, spec.merge_key, present, absent));
  KREPLAY_ASSIGN_OR_RETURN(GoKind kind, SliceElementKind(original_list, patch_list));
  KREPLAY_ASSIGN_OR_RETURN(
      original[field],
      NormalizeElementOrder(std::move(present), std::move(absent), order,
                            original_list, spec.merge_key, kind));
  patch.erase(field);
  return absl::OkStatus();
}

absl::StatusOr<Json> Merger::MergeSlice(Json original, Json patch,
                                        const ListSpec& spec,
                                        bool is_delete_list, Json* go_view) {
  if (!spec.merge) return patch;
  if (original.empty() && patch.empty()) return original;
  KREPLAY_ASSIGN_OR_RETURN(GoKind kind, SliceElementKind(original, patch));
  Json merged;
  if (kind != GoKind::kMap) {
    if (options_.merge_parallel_list && is_delete_list) {
      return DeleteFromSlice(original, patch);
    }
    merged = original;
    for (const Json& item : patch) merged.push_back(item);
    DeduplicateScalars(merged);
  } else {
    if (spec.merge_key.empty()) {
      return SmpError("cannot merge lists without merge key for type struct");
    }
    SpecialEffects effects;
    Json before = go_view != nullptr ? original : Json();
    KREPLAY_RETURN_IF_ERROR(
        ApplySpecialElements(original, patch, spec.merge_key, &effects));
    KREPLAY_ASSIGN_OR_RETURN(merged, MergeMaps(original, patch, spec));
    if (go_view != nullptr) {
      *go_view = GoSliceView(before, effects, merged, original.size());
    }
  }
  Json present, absent;
  KREPLAY_RETURN_IF_ERROR(
      PartitionByPresence(merged, patch, spec.merge_key, present, absent));
  return NormalizeElementOrder(std::move(present), std::move(absent), patch,
                               original, spec.merge_key, kind);
}

// Elements with a matching merge key merge into the first such original
// element; others are appended verbatim (nulls and directives included, as
// upstream does).
absl::StatusOr<Json> Merger::MergeMaps(Json merged, Json patch,
                                       const ListSpec& spec) {
  for (Json& item : patch) {
    auto key = item.find(spec.merge_key);
    if (key == item.end()) return ErrNoMergeKey(item, spec.merge_key);
    size_t at = 0;
    for (; at < merged.size(); ++at) {
      if (!merged[at].is_object()) {
        return SmpError(absl::StrCat("value for key ", at, " is not a map."));
      }
      auto other = merged[at].find(spec.merge_key);
      if (other != merged[at].end() && GoEqual(*other, *key)) break;
    }
    if (at < merged.size()) {
      KREPLAY_RETURN_IF_ERROR(MergeMap(merged[at], item, spec.element_type));
    } else {
      merged.push_back(item);
    }
  }
  return merged;
}

}  // namespace

absl::Status StrategicMergeInto(Json& original, Json patch,
                                absl::string_view type,
                                const SmpOptions& options) {
  return Merger(options).MergeMap(original, std::move(patch), type);
}

}  // namespace kreplay
