// Deterministic stand-ins for the names and ids a cluster would randomise.
//
// Kubernetes names a ReplicaSet `<deployment>-<pod-template-hash>` and a pod
// `<replicaset>-<5 random characters>`, both drawn from the alphabet
// "bcdfghjklmnpqrstvwxz2456789". kreplay keeps the shapes and the alphabet
// but derives the characters from FNV-1a hashes of stable inputs, so the
// same inputs always give the same names (docs/semantics.md).
#ifndef KREPLAY_SIM_NAMES_H_
#define KREPLAY_SIM_NAMES_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

// 32-bit FNV-1a, as Go's hash/fnv.New32a.
uint32_t Fnv32a(absl::string_view data, uint32_t seed = 2166136261u);

// The pod-template-hash of a template: FNV-1a over its canonical JSON (keys
// sorted, the pod-template-hash label removed), plus the collision count,
// rendered as Kubernetes renders it (decimal digits mapped through the
// SafeEncodeString alphabet, e.g. "7c9d8f6b5d").
std::string PodTemplateHash(const Json& pod_template, int64_t collision_count);

// Five characters from the name alphabet, derived from (owner, ordinal).
std::string PodSuffix(absl::string_view owner_uid, int64_t ordinal);

// A UUID-shaped uid derived from (kind, namespace, name, incarnation).
std::string MakeUid(absl::string_view kind, absl::string_view ns,
                    absl::string_view name, int64_t incarnation);

}  // namespace kreplay

#endif  // KREPLAY_SIM_NAMES_H_
