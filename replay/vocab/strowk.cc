// strowk/mcp-k8s-go (research mcp-and-formats.md §C): hyphenated tool
// names, client-go calls. apply-k8s-resource is server-side apply per
// document with field manager "mcp-k8s-go" and no force (conflicts surface
// as errors); a document without namespace goes to "default". There is no
// delete tool.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "model/type_registry.h"
#include "replay/vocab/args.h"
#include "replay/vocab/tables.h"

namespace kreplay {
namespace {

std::string Ns(const ToolCall& call) { return ArgString(call.args, "namespace"); }

void ListResources(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kGet, {"kind"}, out)) return;
  Operation op = TargetOp(Verb::kGet, ArgString(call.args, "kind"), Ns(call), "", call);
  op.all_namespaces = Ns(call).empty();
  out.operations.push_back(std::move(op));
}

void GetResource(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kGet, {"kind", "name"}, out)) return;
  out.operations.push_back(TargetOp(Verb::kGet, ArgString(call.args, "kind"), Ns(call),
                                    ArgString(call.args, "name"), call));
}

template <const char* kResource>
void List(const ToolCall& call, Interpretation& out) {
  Operation op = TargetOp(Verb::kGet, kResource, "", "", call);
  out.operations.push_back(std::move(op));
}

void Events(const ToolCall& call, Interpretation& out) {
  out.operations.push_back(TargetOp(Verb::kEvents, "events", Ns(call), "", call));
}

void PodLogs(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kLogs, {"pod"}, out)) return;
  Operation op = TargetOp(Verb::kLogs, "pods", Ns(call), ArgString(call.args, "pod"), call);
  op.container = ArgString(call.args, "containerName");
  if (ArgBool(call.args, "previousContainer", false)) op.flags["previous"] = "true";
  out.operations.push_back(std::move(op));
}

void PodExec(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kExec, {"pod", "command"}, out)) return;
  Operation op = TargetOp(Verb::kExec, "pods", Ns(call), ArgString(call.args, "pod"), call);
  const Json* command = Find(call.args, "command");
  if (command != nullptr && command->is_array()) {
    op.command = ArgStrings(call.args, "command");
  } else {
    op.command = absl::StrSplit(ArgString(call.args, "command"), absl::ByAnyChar(" \t\n"),
                                absl::SkipEmpty());
  }
  out.operations.push_back(std::move(op));
}

void Apply(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kApply, {"manifest"}, out)) return;
  Operation op = TargetOp(Verb::kApply, "", "", "", call);
  op.manifests = ManifestsArg(ArgString(call.args, "manifest"), op, call);
  for (Json& manifest : op.manifests) {
    const TypeInfo* type = LookupKind(GetString(manifest, "kind"));
    bool namespaced = type == nullptr || type->namespaced;
    if (namespaced && GetString(manifest, "metadata.namespace").empty()) {
      Ensure(manifest, "metadata")["namespace"] = "default";
    }
  }
  // The manifests name the objects (see containers.cc ServerSideApply).
  if (op.manifests.size() == 1) op.kind = GetString(op.manifests[0], "kind");
  op.server_side = true;
  op.force_conflicts = false;
  op.field_manager = "mcp-k8s-go";
  out.operations.push_back(std::move(op));
}

void Contexts(const ToolCall& call, Interpretation& out) {
  out.operations.push_back(TargetOp(Verb::kConfigView, "", "", "", call));
}

constexpr char kNamespaces[] = "namespaces";
constexpr char kNodes[] = "nodes";

constexpr ToolSpec kTools[] = {
    {"list-k8s-contexts", "strowk", true, &Contexts},
    {"list-k8s-namespaces", "strowk", true, &List<kNamespaces>},
    {"list-k8s-nodes", "strowk", true, &List<kNodes>},
    {"list-k8s-resources", "strowk", true, &ListResources},
    {"get-k8s-resource", "strowk", true, &GetResource},
    {"list-k8s-events", "strowk", true, &Events},
    {"get-k8s-pod-logs", "strowk", true, &PodLogs},
    {"k8s-pod-exec", "strowk", false, &PodExec},
    {"apply-k8s-resource", "strowk", false, &Apply},
};

}  // namespace

absl::Span<const ToolSpec> StrowkTools() { return kTools; }

}  // namespace kreplay
