// Reads (get, describe, logs, wait, rollout status, ...) and delegated
// channels (exec, port-forward): they change nothing, but a named object
// that does not exist fails as it would on the server.
#include "replay/exec/read.h"

namespace kreplay {

absl::StatusOr<ExecResult> ExecRead(Cluster& cluster, const Operation& op, ExecContext& ctx) {
  if (op.verb == Verb::kLocal || op.names.empty()) return ExecResult{};
  for (const ObjectKey& key : TargetsOf(cluster, op, ctx)) {
    if (cluster.Get(key) == nullptr && !op.ignore_not_found) return NotFound(key);
  }
  return ExecResult{};
}

}  // namespace kreplay
