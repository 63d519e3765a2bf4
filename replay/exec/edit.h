// The executor's handler for verbs that edit live objects in place: patch,
// label, annotate, scale, set image|env|resources, rollout
// restart|pause|resume, cordon, uncordon. Each edit is a function from the
// live object to the edited one, applied to every target with one request
// per object, as kubectl does.
#ifndef KREPLAY_REPLAY_EXEC_EDIT_H_
#define KREPLAY_REPLAY_EXEC_EDIT_H_

#include "absl/status/statusor.h"
#include "replay/exec/executor.h"

namespace kreplay {

// Errors: as Execute's; NotFound for a target that does not exist.
absl::StatusOr<ExecResult> ExecEdit(Cluster& cluster, const Operation& op, ExecContext& ctx);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_EXEC_EDIT_H_
