// JSON merge patch (RFC 7386) as the Kubernetes API server applies it.
//
// The API server and kubectl use gopkg.in/evanphx/json-patch.v4's MergePatch,
// which differs from the letter of RFC 7386 in one visible way: nulls are
// pruned from a patch value that is stored whole (new key, or a non-object
// target), including inside objects nested in arrays, while null array
// elements survive; a non-object patch value replacing an object target is
// stored verbatim. kreplay reproduces that behaviour.
#ifndef KREPLAY_MODEL_MERGE_PATCH_H_
#define KREPLAY_MODEL_MERGE_PATCH_H_

#include "model/json.h"

namespace kreplay {

// Merges `patch` into `target` in place: objects merge recursively, `null`
// deletes a key, anything else replaces.
// REQUIRES: target and patch are JSON objects.
void MergePatchInto(Json& target, const Json& patch);

// Removes null members from objects, recursively through objects and arrays
// (null array elements are kept), as evanphx/json-patch's pruneNulls does.
void PruneNulls(Json& value);

// The merge patch that turns object `from` into object `to`
// (evanphx/json-patch's CreateMergePatch): changed and added keys with their
// new values (objects diffed recursively, arrays whole), removed keys as
// null. Numbers compare by value.
// REQUIRES: from and to are JSON objects.
Json CreateMergePatch(const Json& from, const Json& to);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_MERGE_PATCH_H_
