// delete: by name, by selector or --all, with kubectl's cascade modes.
#include "absl/strings/str_cat.h"
#include "replay/exec/delete.h"

namespace kreplay {
namespace {

Propagation PropagationOf(Cascade cascade) {
  switch (cascade) {
    case Cascade::kForeground: return Propagation::kForeground;
    case Cascade::kOrphan: return Propagation::kOrphan;
    case Cascade::kBackground: break;
  }
  return Propagation::kBackground;
}

}  // namespace

absl::StatusOr<ExecResult> ExecDelete(Cluster& cluster, const Operation& op, ExecContext& ctx) {
  std::vector<ObjectKey> targets = TargetsOf(cluster, op, ctx);
  if (targets.empty() && op.names.empty() && op.manifests.empty() && !op.all &&
      op.selector.empty()) {
    return absl::InvalidArgumentError(
        "error: resource(s) were provided, but no name was specified");
  }
  ExecResult result;
  if (targets.empty()) result.notes.emplace_back("No resources found");
  for (const ObjectKey& key : targets) {
    absl::Status s = cluster.Delete(key, PropagationOf(op.cascade));
    if (absl::IsNotFound(s) && op.ignore_not_found) continue;
    if (!s.ok()) return s;
  }
  return result;
}

}  // namespace kreplay
