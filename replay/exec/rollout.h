// The executor's handler for `rollout undo`, as kubectl's client-side
// rollback: the template of the ReplicaSet of the wanted revision is copied
// into the Deployment, and the controller makes that ReplicaSet new again.
#ifndef KREPLAY_REPLAY_EXEC_ROLLOUT_H_
#define KREPLAY_REPLAY_EXEC_ROLLOUT_H_

#include "absl/status/statusor.h"
#include "replay/exec/executor.h"

namespace kreplay {

// Errors: NotFound for a missing Deployment, FailedPrecondition for a paused
// one, and kubectl's error for a revision not in the history. Other kinds
// are not modelled (ExecResult::Unmodelled).
absl::StatusOr<ExecResult> ExecRolloutUndo(Cluster& cluster, const Operation& op, ExecContext& ctx);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_EXEC_ROLLOUT_H_
