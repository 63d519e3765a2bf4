// The two tools of the ExecutionEntry ledger sample (docs/ledger-formats.md, execution-entry): an
// instrumented MCP server whose apply_k8s_resource takes a scoped patch
// {kind, namespace, name, patch, dryRun (default true)} and whose delete_pod
// deletes one pod. The sample's server recommends merge patches and
// validates dry runs before mutating: a patch is a JSON merge patch, and
// dryRun (unless false) never persists.
#include <string>

#include "replay/vocab/args.h"
#include "replay/vocab/tables.h"

namespace kreplay {
namespace {

void ApplyResource(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kPatch, {"kind", "name"}, out)) return;
  Operation op = TargetOp(Verb::kPatch, ArgString(call.args, "kind"),
                          ArgString(call.args, "namespace"), ArgString(call.args, "name"), call);
  const Json* patch = Find(call.args, "patch");
  if (patch == nullptr || !patch->is_object()) {
    op.problem = "missing required argument \"patch\" (an object)";
  } else {
    op.patch = *patch;
  }
  op.patch_type = PatchType::kMerge;
  if (ArgBool(call.args, "dryRun", true)) op.dry_run = DryRun::kServer;
  out.operations.push_back(std::move(op));
}

void DeletePod(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kDelete, {"name"}, out)) return;
  Operation op = TargetOp(Verb::kDelete, "pods", ArgString(call.args, "namespace"),
                          ArgString(call.args, "name"), call);
  op.grace_period = ArgInt(call.args, "gracePeriod");
  if (!op.grace_period) op.grace_period = ArgInt(call.args, "gracePeriodSeconds");
  out.operations.push_back(std::move(op));
}

constexpr ToolSpec kTools[] = {
    {"apply_k8s_resource", "execution-entry", false, &ApplyResource},
    {"delete_pod", "execution-entry", false, &DeletePod},
};

}  // namespace

absl::Span<const ToolSpec> ExecutionEntryTools() { return kTools; }

}  // namespace kreplay
