#include "model/client_side_apply.h"

#include "absl/status/status.h"
#include "model/go_json_writer.h"
#include "model/merge_keys.h"
#include "model/merge_patch.h"
#include "model/status_macros.h"
#include "model/strategic_diff.h"
#include "model/strategic_merge.h"

namespace kreplay {
namespace {

// kubectl's GetModifiedConfiguration: the manifest with the annotation set
// to its own serialization.
Json ModifiedConfiguration(const Json& manifest) {
  Json modified = manifest;
  Json& annotations = Ensure(modified, "metadata.annotations");
  annotations.erase(kLastAppliedAnnotation);
  annotations[kLastAppliedAnnotation] = LastAppliedConfiguration(manifest);
  return modified;
}

absl::StatusOr<Json> OriginalConfiguration(const Json& live) {
  const Json* annotations = Find(live, "metadata.annotations");
  if (annotations == nullptr || !annotations->contains(kLastAppliedAnnotation)) {
    return Json::object();
  }
  const Json& text = (*annotations)[kLastAppliedAnnotation];
  Json original = text.is_string()
                      ? Json::parse(text.get<std::string>(), nullptr, false)
                      : Json();
  if (!original.is_object()) {
    return absl::InvalidArgumentError("invalid JSON document");
  }
  return original;
}

// keepOrDeleteNullInObj from k8s.io/apimachinery/pkg/util/jsonmergepatch:
// keep only the nulls (deletions) or only the values (additions, changes).
Json FilterNulls(const Json& patch, bool keep_nulls) {
  Json out = Json::object();
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    if (it->is_null()) {
      if (keep_nulls) out[it.key()] = nullptr;
    } else if (it->is_object() && !it->empty()) {
      Json sub = FilterNulls(*it, keep_nulls);
      if (!sub.empty()) out[it.key()] = std::move(sub);
    } else if (!keep_nulls) {
      out[it.key()] = *it;
    }
  }
  return out;
}

// jsonmergepatch.CreateThreeWayJSONMergePatch, kubectl's fallback for kinds
// it has no Go type for. Its conflict check cannot fire for such patches
// (a key is either deleted or set, never both) and is left out.
Json ThreeWayJsonMergePatch(const Json& original, const Json& modified,
                            const Json& current) {
  Json additions = FilterNulls(CreateMergePatch(current, modified), false);
  Json patch = FilterNulls(CreateMergePatch(original, modified), true);
  MergePatchInto(patch, additions);
  return patch;
}

}  // namespace

std::string LastAppliedConfiguration(const Json& manifest) {
  Json copy = manifest;
  Json& annotations = Ensure(copy, "metadata.annotations");
  annotations.erase(kLastAppliedAnnotation);
  return GoMarshal(copy) + "\n";
}

absl::StatusOr<Json> ClientSideApply(const Json* live, const Json& manifest) {
  Json modified = ModifiedConfiguration(manifest);
  if (live == nullptr) return modified;
  KREPLAY_ASSIGN_OR_RETURN(Json original, OriginalConfiguration(*live));
  std::string type = RootSchemaTypeOf(manifest);
  Json result = *live;
  if (type.empty()) {
    MergePatchInto(result, ThreeWayJsonMergePatch(original, modified, *live));
    return result;
  }
  KREPLAY_ASSIGN_OR_RETURN(
      Json patch, CreateThreeWayMergePatch(original, modified, *live, type));
  KREPLAY_RETURN_IF_ERROR(StrategicMergeInto(result, std::move(patch), type));
  return result;
}

}  // namespace kreplay
