// The executor's handler for delete: by name, by selector or --all, with
// kubectl's cascade modes (background, foreground, orphan) and grace
// periods.
#ifndef KREPLAY_REPLAY_EXEC_DELETE_H_
#define KREPLAY_REPLAY_EXEC_DELETE_H_

#include "absl/status/statusor.h"
#include "replay/exec/executor.h"

namespace kreplay {

// Errors: as Execute's; NotFound for a named object that does not exist
// (unless --ignore-not-found).
absl::StatusOr<ExecResult> ExecDelete(Cluster& cluster, const Operation& op, ExecContext& ctx);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_EXEC_DELETE_H_
