// Patch engines that follow the Kubernetes API server.
//
//   - JSON merge patch (RFC 7386), `kubectl patch --type merge`;
//   - JSON patch (RFC 6902), `--type json`, atomic;
//   - strategic merge patch, `--type strategic` (kubectl's default), with the
//     built-in merge keys and the `$patch`, `$setElementOrder`, `$retainKeys`
//     and `$deleteFromPrimitiveList` directives.
//
// Every engine is a pure function of (object, patch); none of them touches
// metadata such as resourceVersion (that is the API server's job, in sim/).
#ifndef KREPLAY_MODEL_PATCH_H_
#define KREPLAY_MODEL_PATCH_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

enum class PatchType { kStrategic, kMerge, kJson };

// "strategic", "merge" or "json" (kubectl's --type words); nullopt otherwise.
std::optional<PatchType> ParsePatchType(absl::string_view word);
const char* PatchTypeName(PatchType type);

// Applies `patch` of `type` to `object` and returns the patched object.
// Errors (the API server's classes, with its wording where it matters):
//   InvalidArgument    malformed patch (not an object / not an op array,
//                      bad pointer, unknown directive);
//   FailedPrecondition a JSON patch op failed (missing path, failed `test`);
//                      the object is left unchanged (atomic);
//   Unimplemented      strategic merge patch on a kind without strategic
//                      metadata (custom resources), as the API server refuses.
absl::StatusOr<Json> ApplyPatch(const Json& object, const Json& patch,
                                PatchType type);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_PATCH_H_
