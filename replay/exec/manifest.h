// The executor's handlers for writes of whole manifests: create, apply
// (client-side three-way and server-side) and replace, one request per
// manifest, as kubectl sends them.
#ifndef KREPLAY_REPLAY_EXEC_MANIFEST_H_
#define KREPLAY_REPLAY_EXEC_MANIFEST_H_

#include "absl/status/statusor.h"
#include "replay/exec/executor.h"

namespace kreplay {

// Handlers for Execute(): errors as Execute's (the API server's refusals).
absl::StatusOr<ExecResult> ExecCreate(Cluster& cluster, const Operation& op, ExecContext& ctx);
absl::StatusOr<ExecResult> ExecApply(Cluster& cluster, const Operation& op, ExecContext& ctx);
absl::StatusOr<ExecResult> ExecReplace(Cluster& cluster, const Operation& op, ExecContext& ctx);

// A manifest's key with the operation's namespace rules applied: the
// manifest's own namespace, else -n, else the default; cluster-scoped kinds
// have none. Errors: InvalidArgument when -n and the manifest disagree
// (kubectl's wording).
absl::StatusOr<Json> PlaceManifest(const Json& manifest, const Operation& op,
                                   const ExecContext& ctx);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_EXEC_MANIFEST_H_
