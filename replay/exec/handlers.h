// The per-verb handlers behind Execute() (replay/exec/executor.h), one family per
// file: manifests (create, apply, replace), edits of live objects (patch,
// label, scale, rollout, set ...), deletion, and reads.
#ifndef KREPLAY_REPLAY_EXEC_HANDLERS_H_
#define KREPLAY_REPLAY_EXEC_HANDLERS_H_

#include "absl/status/statusor.h"
#include "replay/exec/executor.h"

namespace kreplay {

using ExecHandler = absl::StatusOr<ExecResult> (*)(Cluster&, const Operation&, ExecContext&);

absl::StatusOr<ExecResult> ExecCreate(Cluster&, const Operation&, ExecContext&);
absl::StatusOr<ExecResult> ExecApply(Cluster&, const Operation&, ExecContext&);
absl::StatusOr<ExecResult> ExecReplace(Cluster&, const Operation&, ExecContext&);
absl::StatusOr<ExecResult> ExecEdit(Cluster&, const Operation&, ExecContext&);
absl::StatusOr<ExecResult> ExecRolloutUndo(Cluster&, const Operation&, ExecContext&);
absl::StatusOr<ExecResult> ExecDelete(Cluster&, const Operation&, ExecContext&);
absl::StatusOr<ExecResult> ExecRead(Cluster&, const Operation&, ExecContext&);

// A manifest's key with the operation's namespace rules applied: the
// manifest's own namespace, else -n, else the default; cluster-scoped kinds
// have none. Errors: InvalidArgument when -n and the manifest disagree
// (kubectl's wording).
absl::StatusOr<Json> PlaceManifest(const Json& manifest, const Operation& op,
                                   const ExecContext& ctx);

// The API server's "not found" error for `key`.
absl::Status NotFound(const ObjectKey& key);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_EXEC_HANDLERS_H_
