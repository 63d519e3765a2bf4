// The JSON Patch (RFC 6902) between two objects, as nlohmann's Json::diff
// writes it, in linear time.
//
// A step's effect lists each updated object's diff (replay/run/step_effect.h).
// Json::diff compares every subtree for equality before descending into it
// and copies each level's operations into its parent's list, which made the
// diffs a twentieth of a whole replay; DiffJson walks once and appends in
// place. Its output is Json::diff's, operation for operation.
#ifndef KREPLAY_MODEL_JSON_DIFF_H_
#define KREPLAY_MODEL_JSON_DIFF_H_

#include "model/json.h"

namespace kreplay {

// Json::diff(source, target): an array of add/remove/replace operations,
// empty when the values are equal.
Json DiffJson(const Json& source, const Json& target);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_JSON_DIFF_H_
