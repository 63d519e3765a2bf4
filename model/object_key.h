// Identity of a Kubernetes object inside kreplay: kind, namespace and name.
//
// Keys order by kind, then namespace, then name, which is the order in which
// every report lists objects. Cluster-scoped objects have an empty namespace.
#ifndef KREPLAY_MODEL_OBJECT_KEY_H_
#define KREPLAY_MODEL_OBJECT_KEY_H_

#include <compare>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

struct ObjectKey {
  std::string kind;
  std::string ns;  // empty for cluster-scoped objects
  std::string name;

  friend auto operator<=>(const ObjectKey&, const ObjectKey&) = default;

  // `Kind/namespace/name`, or `Kind/name` when cluster-scoped.
  std::string ToString() const;
};

template <typename H>
H AbslHashValue(H h, const ObjectKey& key) {
  return H::combine(std::move(h), key.kind, key.ns, key.name);
}

// The key of a manifest: kind, metadata.namespace and metadata.name.
ObjectKey KeyOf(const Json& object);

// Parses `Kind/namespace/name` or `Kind/name` (cluster-scoped).
// Errors: InvalidArgument when there are not two or three non-empty parts.
absl::StatusOr<ObjectKey> ParseObjectKey(absl::string_view text);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_OBJECT_KEY_H_
