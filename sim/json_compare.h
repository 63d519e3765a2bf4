// Comparisons of stored objects that ignore some members, done in place.
//
// The simulated API server and the controllers compare whole objects on
// every write ("did the spec change?", "is this write a no-op?"); erasing
// members from copies first made those copies most of a write's cost.
#ifndef KREPLAY_SIM_JSON_COMPARE_H_
#define KREPLAY_SIM_JSON_COMPARE_H_

#include <initializer_list>

#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

// Whether `a` and `b` are equal once the top-level members named in `skip`
// are removed from both (what erasing them from copies and comparing with
// == would say). Values that are not objects compare with == and no member
// is skipped.
bool EqualExcept(const Json& a, const Json& b, std::initializer_list<absl::string_view> skip);

}  // namespace kreplay

#endif  // KREPLAY_SIM_JSON_COMPARE_H_
