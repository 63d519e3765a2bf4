// List machinery shared by kreplay's strategic merge patch engine
// (strategic_merge.cc) and its three-way diff (strategic_diff.cc).
//
// These functions mirror, one for one, the list helpers of
// k8s.io/apimachinery/pkg/util/strategicpatch/patch.go: element ordering
// after a merge (patch order first, then live order), partitions by merge
// key, `$patch` elements inside lists, and Go's scalar de-duplication.
// Lists are JSON arrays; "maps" are JSON objects.
#ifndef KREPLAY_MODEL_STRATEGIC_LIST_H_
#define KREPLAY_MODEL_STRATEGIC_LIST_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "model/go_json.h"
#include "model/json.h"

namespace kreplay {

inline constexpr char kPatchDirective[] = "$patch";
inline constexpr char kRetainKeysDirective[] = "$retainKeys";
inline constexpr char kDeleteFromPrimitiveListPrefix[] =
    "$deleteFromPrimitiveList";
inline constexpr char kSetElementOrderPrefix[] = "$setElementOrder";

// Upstream's error values (k8s.io/apimachinery/pkg/util/mergepatch), all
// InvalidArgument: the API server answers them with 400 Bad Request.
absl::Status SmpError(absl::string_view message);
absl::Status ErrBadArgType(const char* expected_kind, const Json& actual);
absl::Status ErrNoMergeKey(const Json& map, absl::string_view key);

// The element kind shared by every element of `a` and `b` (either may be
// null for "no list"). Errors on lists of lists, mixed kinds, or no
// elements at all.
absl::StatusOr<GoKind> SliceElementKind(const Json& a, const Json& b);

// `field` from `$setElementOrder/field` or `$deleteFromPrimitiveList/field`.
absl::StatusOr<std::string> ExtractDirectiveKey(absl::string_view key,
                                                absl::string_view prefix);

// Go's swap-with-last de-duplication of scalars (order is not kept).
void DeduplicateScalars(Json& list);

// The elements of `current` not in `to_delete`.
Json DeleteFromSlice(const Json& current, const Json& to_delete);

// What ApplySpecialElements did, for GoSliceView.
struct SpecialEffects {
  std::vector<size_t> deleted_at;  // index of each deletion, in order
  bool replaced = false;
};

// Applies the `$patch` elements of a list of maps merged by `merge_key`:
// `delete` removes matching elements from `original`, `replace` makes the
// other patch elements the whole list. On return `patch` holds the plain
// elements (empty after a replace).
absl::Status ApplySpecialElements(Json& original, Json& patch,
                                  const std::string& merge_key,
                                  SpecialEffects* effects);

// What the caller's view of a decoded Go slice holds after upstream's
// mergeSlice has worked on it in place. Go deletes list elements with
// `append(s[:i], s[i+1:]...)` and appends into spare capacity, so the
// caller's slice (still of the old length) sees shifted elements and
// appended ones; upstream then orders `$setElementOrder` lists by that view.
// `cap` follows encoding/json's append growth for a decoded array.
Json GoSliceView(const Json& before, const SpecialEffects& effects,
                 const Json& merged, size_t merged_from);

// Splits `merged` into the elements present in `by` and the others.
absl::Status PartitionByPresence(const Json& merged, const Json& by,
                                 const std::string& merge_key, Json& present,
                                 Json& absent);

// Orders a merged list: `patch_items` in `patch_order`, server-only items in
// `server_order`, interleaved so that both relative orders hold.
absl::StatusOr<Json> NormalizeElementOrder(Json patch_items, Json server_only,
                                           const Json& patch_order,
                                           const Json& server_order,
                                           const std::string& merge_key,
                                           GoKind kind);

// Sorts `to_sort` by position in `order` (upstream's normalizeSliceOrder);
// for maps, `$patch: delete` elements go last and every element must carry
// `merge_key`.
absl::StatusOr<Json> NormalizeSliceOrder(Json to_sort, const Json& order,
                                         const std::string& merge_key,
                                         GoKind kind);

// Whether two list elements have the same merge key (or, without a key,
// are the same scalar). Errors when an element is not a map or lacks it.
absl::StatusOr<bool> MergeKeyValueEqual(const Json& left, const Json& right,
                                        const std::string& merge_key);

// Checks that the plain elements of `patch_list` appear in
// `set_order` in the same relative order.
absl::Status ValidatePatchWithSetOrderList(const Json& patch_list,
                                           const Json& set_order,
                                           const std::string& merge_key);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_STRATEGIC_LIST_H_
