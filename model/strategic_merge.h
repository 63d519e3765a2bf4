// Strategic merge patch, the default of `kubectl patch` and of the API
// server's PATCH for built-in kinds.
//
// Like a JSON merge patch, but lists are merged according to the field's
// merge metadata (model/merge_keys.h): a list with strategy `merge` is
// merged element by element on its merge key (scalars as a set), any other
// list is replaced. Directives: `$patch: replace|delete` on maps and list
// elements, `$setElementOrder/<list>`, `$retainKeys`,
// `$deleteFromPrimitiveList/<list>`; a `null` deletes. This follows
// k8s.io/apimachinery/pkg/util/strategicpatch (mergeMap and friends), which
// kubectl and the API server both run; docs/patch.md lists the details.
#ifndef KREPLAY_MODEL_STRATEGIC_MERGE_H_
#define KREPLAY_MODEL_STRATEGIC_MERGE_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

// upstream's MergeOptions. The defaults are the API server's (and
// `kubectl patch`'s); kubectl's three-way apply merges two patches with both
// false, so that the directives survive into the combined patch.
struct SmpOptions {
  bool merge_parallel_list = true;     // apply $deleteFromPrimitiveList lists
  bool ignore_unmatched_nulls = true;  // drop nulls for absent fields
};

// Merges `patch` into `original`, whose schema type is `type` (a root kind
// such as "Deployment", or "" for no metadata: maps merge, lists replace).
// Errors: InvalidArgument with upstream's wording for malformed directives,
// list elements without their merge key, mixed element types.
// On error `original` is in an unspecified state: callers merge into a copy.
// REQUIRES: original and patch are JSON objects.
absl::Status StrategicMergeInto(Json& original, Json patch,
                                absl::string_view type,
                                const SmpOptions& options = {});

}  // namespace kreplay

#endif  // KREPLAY_MODEL_STRATEGIC_MERGE_H_
