// The executor's handler for reads (get, describe, wait, rollout
// status, ...) and delegated channels (exec, port-forward): they change
// nothing, but a named object that does not exist fails as on the server.
// `logs` has its own handler (exec/logs.h).
#ifndef KREPLAY_REPLAY_EXEC_READ_H_
#define KREPLAY_REPLAY_EXEC_READ_H_

#include "absl/status/statusor.h"
#include "replay/exec/executor.h"

namespace kreplay {

// Errors: NotFound for a named target that does not exist (unless
// --ignore-not-found).
absl::StatusOr<ExecResult> ExecRead(Cluster& cluster, const Operation& op, ExecContext& ctx);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_EXEC_READ_H_
