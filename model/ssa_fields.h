// Field sets of objects, as server-side apply computes them.
//
// Ports the walkers of sigs.k8s.io/structured-merge-diff (typed/tofieldset,
// compare, remove) over kreplay's merge metadata (model/merge_keys.h):
// scalars, nulls, empty maps, atomic structs and atomic lists are leaves; a
// list map's items are keyed `k:{...}` by its list-map keys (`protocol`
// defaulting to "TCP"), a set's items `v:...`; lists the table does not
// know are atomic; maps are granular.
#ifndef KREPLAY_MODEL_SSA_FIELDS_H_
#define KREPLAY_MODEL_SSA_FIELDS_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "model/field_set.h"
#include "model/json.h"
#include "model/merge_keys.h"

namespace kreplay {

// How server-side apply sees the list in field `field` of struct `type`.
struct ListShape {
  ListType type = ListType::kAtomic;
  std::vector<std::string> keys;  // for kMap
  std::string element_type;       // struct type of map items
};
ListShape ListShapeOf(absl::string_view type, absl::string_view field);

// Whether field `field` of `type` holding an object is one atomic value.
bool IsAtomicStruct(absl::string_view type, absl::string_view field);

// The path element of a list item (`k:{...}` or `v:...`); nullopt for an
// atomic list. Errors: InvalidArgument when a list-map item omits a key
// without a default, or is not an object.
absl::StatusOr<std::optional<std::string>> ListItemElement(const Json& item,
                                                           const ListShape& shape);

// The fields `object` sets (its leaves and list items). Errors: as
// ListItemElement.
absl::StatusOr<FieldSet> ToFieldSet(const Json& object, absl::string_view type);

// What changed from `lhs` to `rhs` (either may be null for "absent").
struct Comparison {
  FieldSet added;
  FieldSet modified;
  FieldSet removed;
};
absl::StatusOr<Comparison> Compare(const Json& lhs, const Json& rhs,
                                   absl::string_view type);

// Removes from `object` every field and list item that is a member of
// `set`; maps and lists emptied that way are removed too (the API server's
// typed round trip drops them).
void RemoveFields(Json& object, const FieldSet& set, absl::string_view type);

// RemoveFields for server-side apply's prune, where `owned` is what every
// manager owns after the apply: an object field that loses something and
// holds nothing owned any more is removed whole, its unowned (server-
// defaulted) fields with it, as structured-merge-diff's prune removes named
// fields as members (EnsureNamedFieldsAreMembers) and adds back only what a
// manager owns. `owned` may be null (then as RemoveFields).
void RemoveFieldsOwned(Json& object, const FieldSet& set, absl::string_view type,
                       const FieldSet* owned);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_SSA_FIELDS_H_
