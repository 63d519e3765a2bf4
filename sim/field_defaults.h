// Field defaults as data. The API server defaults every object it decodes
// (k8s.io/kubernetes pkg/apis/*/v1/defaults.go and the generated
// zz_generated.defaults.go that walks into nested structs); kreplay writes
// each of those assignments as one row: where the field lives, when it
// counts as unset, and the value it gets. The tables themselves live with
// the kinds they belong to (sim/defaults.cc, sim/pod_defaults.cc).
//
// Paths are dot-separated object keys relative to the object a table is
// applied to, with two marks that mirror Go's types:
//   "name"    a struct field: walked into, created ({}) when absent or null,
//             since a Go struct is always there;
//   "name?"   a pointer field: walked into only when it holds an object;
//   "name[]"  a list: walked into each element that is an object.
// The empty path is the object itself.
#ifndef KREPLAY_SIM_FIELD_DEFAULTS_H_
#define KREPLAY_SIM_FIELD_DEFAULTS_H_

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "model/json.h"

namespace kreplay {

// When a field counts as unset, as Go's typed decoding sees it. Absent and
// null always do (null decodes to the zero value).
enum class Unset {
  kNil,   // pointer fields (`*int32`, `*bool`, `*PodSecurityContext`): only absent or null
  kZero,  // plain fields: also "" and 0, and an empty map or list
};

// One defaulting assignment: `parent`.`field` = value when unset and `when`
// (if given) holds for the parent.
struct FieldDefault {
  const char* parent;  // path, as above
  const char* field;
  Unset unset;
  const char* value;  // JSON text; nullptr when `compute` gives the value
  Json (*compute)(const Json& parent) = nullptr;
  bool (*when)(const Json& parent) = nullptr;
};

// Calls `fn` on every object `path` reaches from `root` (see the marks
// above). Nothing is called when `root` is not an object.
void ForEachAt(Json& root, absl::string_view path, absl::FunctionRef<void(Json&)> fn);

// Applies `rows` to `root` in order (a later row sees what an earlier one set).
// REQUIRES: every `value` is valid JSON text (the tables' tests parse each).
void ApplyFieldDefaults(Json& root, absl::Span<const FieldDefault> rows);

// Whether `parent`[`field`] is unset in the sense of `unset`.
bool IsUnset(const Json& parent, absl::string_view field, Unset unset);

}  // namespace kreplay

#endif  // KREPLAY_SIM_FIELD_DEFAULTS_H_
