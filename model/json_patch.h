// JSON patch (RFC 6902) as the Kubernetes API server applies it.
//
// The API server and kubectl use gopkg.in/evanphx/json-patch.v4 (v4.12.0);
// kreplay follows its observable behaviour, checked against
// `kubectl patch --local --type json`:
//   - pointers are RFC 6901 (`~1` is `/`, `~0` is `~`); `-` appends on `add`;
//     negative indices count from the end; `+1` and `01` read as 1;
//   - `replace` of a missing object member adds it; `remove` of one fails;
//   - a missing `value` reads as null; `copy` from a missing member copies
//     null;
//   - the patch is atomic: the first failing operation fails the whole patch
//     and the input is never modified;
//   - at most kMaxJsonPatchOperations operations, as the API server allows
//     (its maxJSONPatchOperations); the `copy` operations of one patch may
//     add at most kMaxJsonPatchCopiedNodes JSON nodes together (evanphx's
//     AccumulatedCopySizeLimit, which kreplay counts in nodes), so a patch
//     whose copies double the object refuses instead of exhausting memory
//     (docs/limits.md).
#ifndef KREPLAY_MODEL_JSON_PATCH_H_
#define KREPLAY_MODEL_JSON_PATCH_H_

#include <cstddef>
#include <cstdint>

#include "absl/status/statusor.h"
#include "model/json.h"

namespace kreplay {

inline constexpr size_t kMaxJsonPatchOperations = 10000;
inline constexpr int64_t kMaxJsonPatchCopiedNodes = 100000;

// Applies the operation array `ops` to a copy of `doc` and returns the copy.
// Errors: InvalidArgument when `ops` is not an array (null counts as empty)
// of objects, an op is unknown, or its `path`/`from` is absent or not a
// string; FailedPrecondition when an operation does not apply to the
// document (missing path, bad index, failed `test`), with evanphx's wording;
// ResourceExhausted beyond the two limits above.
absl::StatusOr<Json> ApplyJsonPatch(const Json& doc, const Json& ops);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_JSON_PATCH_H_
