// The merge metadata of the built-in kinds: which fields hold which struct
// types, how their lists merge, and by which keys.
//
// Strategic merge patch (Go struct tags `patchStrategy` / `patchMergeKey`)
// and server-side apply (OpenAPI `x-kubernetes-list-type` /
// `x-kubernetes-list-map-keys`, `x-kubernetes-map-type`) both need to know,
// for a field of a struct, the struct type of its value and its list
// semantics. This unit is that knowledge, as one table keyed by
// (struct type, field). Only the fields that matter for merging are listed:
// a field that is absent from the table is a map merged key by key, or a
// list replaced as a whole (atomic), exactly as for a field without tags.
// Sources: kubernetes/api core/v1, apps/v1, batch/v1 types.go and
// apimachinery meta/v1 (docs/patch.md has the table in prose).
#ifndef KREPLAY_MODEL_MERGE_KEYS_H_
#define KREPLAY_MODEL_MERGE_KEYS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

// How server-side apply treats a list (x-kubernetes-list-type).
enum class ListType { kAtomic, kSet, kMap };

struct FieldMeta {
  const char* type;       // the struct holding the field, e.g. "PodSpec"
  const char* field;      // its JSON name, e.g. "containers"
  const char* child;      // struct type of the value (list element); "" if none
  bool merge = false;     // patchStrategy includes "merge"
  bool retain_keys = false;  // patchStrategy includes "retainKeys"
  const char* merge_key = "";  // patchMergeKey
  ListType list_type = ListType::kAtomic;  // for lists, under SSA
  std::vector<std::string> list_map_keys = {};  // for ListType::kMap
  bool atomic_struct = false;  // x-kubernetes-map-type: atomic
};

// The schema type name of the top-level object of `kind` when the kind has
// built-in merge metadata (it is in the type registry, which holds built-in
// kinds only, and `api_version` names its group); "" otherwise (custom
// resources).
std::string RootSchemaType(absl::string_view kind, absl::string_view api_version);

// RootSchemaType for an object, from its `kind` and `apiVersion` fields.
std::string RootSchemaTypeOf(const Json& object);

// The metadata of `field` in struct `type`, or nullptr when the field has
// none (including every field of an unknown type, "").
const FieldMeta* LookupField(absl::string_view type, absl::string_view field);

// The default a list-map key takes when an element omits it, as the API
// server's defaulting would fill it in (`protocol` → "TCP"); null otherwise.
Json ListMapKeyDefault(absl::string_view key);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_MERGE_KEYS_H_
