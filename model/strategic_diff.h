// Strategic merge patch *creation*: kubectl's two- and three-way diffs.
//
// `kubectl apply` (client side) computes the patch it sends with
// strategicpatch.CreateThreeWayMergePatch(last-applied, manifest, live):
// additions and changes from live to manifest, plus deletions from
// last-applied to manifest, with `$setElementOrder` lists for merged lists,
// `$patch: delete` elements for removed list elements,
// `$deleteFromPrimitiveList` for removed set members and `$retainKeys` for
// fields whose strategy says so. This unit ports diffMaps and friends from
// k8s.io/apimachinery/pkg/util/strategicpatch/patch.go.
#ifndef KREPLAY_MODEL_STRATEGIC_DIFF_H_
#define KREPLAY_MODEL_STRATEGIC_DIFF_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

// upstream's DiffOptions.
struct DiffOptions {
  bool set_element_order = false;
  bool ignore_changes_and_additions = false;
  bool ignore_deletions = false;
  bool build_retain_keys = false;
};

// A strategic merge patch that turns `original` into `modified` (both JSON
// objects of schema type `type`, see model/merge_keys.h), limited by
// `options`. Errors: InvalidArgument for lists of lists, mixed element
// types, merge-list elements without their merge key.
absl::StatusOr<Json> DiffMaps(const Json& original, const Json& modified,
                              absl::string_view type,
                              const DiffOptions& options);

// kubectl's CreateThreeWayMergePatch with --overwrite (its default): the
// patch that makes `current` match `modified` while deleting what
// `original` (the last-applied configuration; {} if none) had and
// `modified` dropped. Errors: as DiffMaps and StrategicMergeInto.
absl::StatusOr<Json> CreateThreeWayMergePatch(const Json& original,
                                              const Json& modified,
                                              const Json& current,
                                              absl::string_view type);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_STRATEGIC_DIFF_H_
