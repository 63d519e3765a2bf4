// `kubectl apply` without --server-side: the last-applied annotation and the
// three-way merge.
//
// kubectl records what it applied in the annotation
// `kubectl.kubernetes.io/last-applied-configuration` (the manifest as
// compact JSON, written by Go's encoding/json, without the annotation
// itself). On the next apply it computes a patch from three documents: the
// last-applied configuration, the new manifest and the live object. Fields
// in last-applied that the manifest dropped are deleted; fields the
// manifest sets are set; fields only others set (a controller's or an
// HPA's `replicas` when the manifest omits it) are left alone. Lists merge
// by the strategic merge keys (model/merge_keys.h) for built-in kinds;
// other kinds get a three-way JSON merge patch, as kubectl falls back to.
// Upstream: kubectl/pkg/cmd/apply/patcher.go, kubectl/pkg/util/apply.go.
#ifndef KREPLAY_MODEL_CLIENT_SIDE_APPLY_H_
#define KREPLAY_MODEL_CLIENT_SIDE_APPLY_H_

#include <string>

#include "absl/status/statusor.h"
#include "model/json.h"

namespace kreplay {

inline constexpr char kLastAppliedAnnotation[] =
    "kubectl.kubernetes.io/last-applied-configuration";

// The annotation value kubectl writes for `manifest`: Go-compact JSON of
// the manifest without the annotation (with `metadata.annotations` present,
// `{}` if it had none, as kubectl's round trip leaves it), plus "\n".
std::string LastAppliedConfiguration(const Json& manifest);

// The object `kubectl apply -f manifest` leaves behind.
// `live == nullptr`: creation; the manifest plus the annotation.
// Otherwise: `live` patched by the three-way patch of (last-applied from
// live's annotation, {} when absent; manifest plus annotation; live). The
// result's annotation is rewritten. Metadata the API server maintains
// (resourceVersion, generation, managedFields) is not touched here.
// `manifest` must already carry the namespace kubectl would set.
// Errors: InvalidArgument when live's annotation is not JSON ("invalid JSON
// document") or a list element lacks its merge key, as StrategicMergeInto.
// REQUIRES: manifest (and *live) are JSON objects.
absl::StatusOr<Json> ClientSideApply(const Json* live, const Json& manifest);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_CLIENT_SIDE_APPLY_H_
