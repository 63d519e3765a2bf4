// Merging an applied configuration into a live object under server-side
// apply (sigs.k8s.io/structured-merge-diff's merging walker).
//
// The configuration wins on every leaf it sets; granular maps merge key by
// key; atomic structs and atomic lists are replaced; list maps and sets
// merge item by item: live-only items keep their place, items in both
// follow the configuration's order, new items come where the configuration
// puts them. A `null` in the configuration removes the field (the API
// server stores no nulls).
#ifndef KREPLAY_MODEL_SSA_MERGE_H_
#define KREPLAY_MODEL_SSA_MERGE_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

// Errors: InvalidArgument for list-map items without their keys and for
// duplicate items in the configuration ("duplicate entries for key ...").
// REQUIRES: live and config are JSON objects.
absl::StatusOr<Json> MergeApplied(const Json& live, const Json& config,
                                  absl::string_view type);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_SSA_MERGE_H_
