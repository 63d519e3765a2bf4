// API-server defaulting and validation of the fields kreplay's controllers
// and checks depend on (Deployment strategy and replicas, Service type and
// clusterIP, container defaults), and the immutable-field rules.
#ifndef KREPLAY_SIM_DEFAULTS_H_
#define KREPLAY_SIM_DEFAULTS_H_

#include "absl/status/status.h"
#include "model/json.h"

namespace kreplay {

// Fills defaults into a new or updated object, in place. `ordinal` seeds
// values the server would allocate (a Service's clusterIP).
void ApplyDefaults(Json& object, int64_t ordinal);

// Copies values the server allocated (a Service's clusterIP) from `live`
// into `updated` when the update leaves them out, as the API server does.
void PreserveAllocated(const Json& live, Json& updated);

// Checks that `updated` keeps the immutable fields of `live`.
// Errors: InvalidArgument with the API server's wording, e.g.
// `Deployment.apps "web" is invalid: spec.selector: Invalid value: ...: field is immutable`.
absl::Status CheckImmutable(const Json& live, const Json& updated);

}  // namespace kreplay

#endif  // KREPLAY_SIM_DEFAULTS_H_
