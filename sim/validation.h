// The API server's validation of the fields kreplay's controllers depend
// on, run on every create and update (a patch or a scale included) after
// defaulting, as the registry's strategy does.
//
// What is validated (docs/semantics.md, "Validation"):
//   - `spec.replicas` of Deployment, ReplicaSet, StatefulSet and
//     ReplicationController is not negative (apimachinery's
//     ValidateNonnegativeField);
//   - `metadata.name` holds no control character (a NUL byte, a newline):
//     every such name fails upstream's RFC 1123 / path-segment checks, so
//     kreplay refuses it with upstream's wording for DNS subdomain names.
// Everything else upstream validates is accepted as given.
#ifndef KREPLAY_SIM_VALIDATION_H_
#define KREPLAY_SIM_VALIDATION_H_

#include <string>

#include "absl/status/status.h"
#include "model/json.h"

namespace kreplay {

// Validates `object` as the API server would before storing it.
// Errors: InvalidArgument with the API server's 422 wording, e.g.
// `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -5: must
// be greater than or equal to 0`.
absl::Status ValidateObject(const Json& object);

// Go's %q of `text` (strconv.Quote): the quoted form upstream messages use,
// with control bytes escaped (`"a\x00b"`).
std::string GoQuote(const std::string& text);

}  // namespace kreplay

#endif  // KREPLAY_SIM_VALIDATION_H_
