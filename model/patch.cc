#include "model/patch.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "model/json_patch.h"
#include "model/merge_keys.h"
#include "model/merge_patch.h"
#include "model/status_macros.h"
#include "model/strategic_merge.h"

namespace kreplay {
namespace {

struct PatchTypeEntry {
  PatchType type;
  const char* name;
};

constexpr PatchTypeEntry kPatchTypes[] = {
    {PatchType::kStrategic, "strategic"},
    {PatchType::kMerge, "merge"},
    {PatchType::kJson, "json"},
};

// evanphx's MergePatch refuses a null or scalar patch ("Invalid JSON Patch");
// an array patch would replace the object with an array, which no API
// server accepts as an object either.
absl::StatusOr<Json> ApplyMerge(const Json& object, const Json& patch) {
  if (!patch.is_object()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Invalid JSON Patch: a merge patch must be a JSON object, got ",
        patch.type_name()));
  }
  Json result = object.is_object() ? object : Json::object();
  MergePatchInto(result, patch);
  return result;
}

// The API server refuses strategic merge patches for custom resources with
// 415 Unsupported Media Type; kreplay treats every kind without built-in
// merge metadata that way.
constexpr char kNoStrategicMetadata[] =
    "the body of the request was in an unknown format - accepted media types "
    "include: application/json-patch+json, application/merge-patch+json, "
    "application/apply-patch+yaml";

absl::StatusOr<Json> ApplyStrategic(const Json& object, const Json& patch) {
  std::string type = RootSchemaTypeOf(object);
  if (type.empty()) return absl::UnimplementedError(kNoStrategicMetadata);
  if (!patch.is_object()) return absl::InvalidArgumentError("invalid JSON document");
  Json result = object;
  KREPLAY_RETURN_IF_ERROR(StrategicMergeInto(result, patch, type));
  return result;
}

}  // namespace

std::optional<PatchType> ParsePatchType(absl::string_view word) {
  for (const PatchTypeEntry& entry : kPatchTypes) {
    if (word == entry.name) return entry.type;
  }
  return std::nullopt;
}

const char* PatchTypeName(PatchType type) {
  for (const PatchTypeEntry& entry : kPatchTypes) {
    if (type == entry.type) return entry.name;
  }
  return "unknown";
}

absl::StatusOr<Json> ApplyPatch(const Json& object, const Json& patch,
                                PatchType type) {
  switch (type) {
    case PatchType::kMerge:
      return ApplyMerge(object, patch);
    case PatchType::kJson:
      return ApplyJsonPatch(object, patch);
    case PatchType::kStrategic:
      return ApplyStrategic(object, patch);
  }
  return absl::InvalidArgumentError("unknown patch type");
}

}  // namespace kreplay
