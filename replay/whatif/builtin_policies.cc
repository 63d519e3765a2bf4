#include "replay/whatif/builtin_policies.h"

#include <set>

namespace kreplay {
namespace {

using Names = std::set<std::string>;

// Flux159/mcp-server-kubernetes v4.1.4 (1ece64e6a9a5), src/index.ts:
// allTools, readonlyTools and destructiveTools; isToolAllowed() applies
// them on tools/list and tools/call.
const Names& Flux159Current() {
  static const Names* names = new Names{
      "kubectl_get", "kubectl_describe", "kubectl_logs", "kubectl_apply", "kubectl_create",
      "kubectl_delete", "kubectl_patch", "kubectl_scale", "kubectl_rollout", "kubectl_context",
      "kubectl_reconnect", "kubectl_generic", "explain_resource", "list_api_resources",
      "install_helm_chart", "upgrade_helm_chart", "uninstall_helm_chart", "node_management",
      "port_forward", "stop_port_forward", "exec_in_pod", "cleanup", "ping"};
  return *names;
}
const Names kFlux159ReadOnly = {"kubectl_get", "kubectl_describe", "kubectl_logs",
                                "kubectl_context", "kubectl_reconnect", "explain_resource",
                                "list_api_resources", "ping"};
const Names kFlux159Destructive = {"kubectl_delete", "uninstall_helm_chart", "cleanup",
                                   "kubectl_generic", "node_management"};

// containers/kubernetes-mcp-server (55749981693f), the tools' annotations
// in pkg/toolsets (core, config, helm, kcp, kubevirt, tekton) as
// pkg/mcp/testdata/toolsets-*.json snapshot them; pkg/mcp/tool_filter.go
// keeps readOnlyHint tools under --read-only and drops destructiveHint
// tools under --disable-destructive.
enum class Hint { kReadOnly, kWrite, kDestructive };
struct HintRow {
  const char* tool;
  Hint hint;
};
constexpr HintRow kContainersHints[] = {
    {"configuration_view", Hint::kReadOnly}, {"configuration_contexts_list", Hint::kReadOnly},
    {"targets_list", Hint::kReadOnly},       {"events_list", Hint::kReadOnly},
    {"namespaces_list", Hint::kReadOnly},    {"projects_list", Hint::kReadOnly},
    {"nodes_log", Hint::kReadOnly},          {"nodes_stats_summary", Hint::kReadOnly},
    {"nodes_top", Hint::kReadOnly},          {"pods_list", Hint::kReadOnly},
    {"pods_list_in_namespace", Hint::kReadOnly}, {"pods_get", Hint::kReadOnly},
    {"pods_log", Hint::kReadOnly},           {"pods_top", Hint::kReadOnly},
    {"pods_delete", Hint::kDestructive},     {"pods_exec", Hint::kDestructive},
    {"pods_run", Hint::kWrite},              {"resources_list", Hint::kReadOnly},
    {"resources_get", Hint::kReadOnly},      {"resources_create_or_update", Hint::kDestructive},
    {"resources_delete", Hint::kDestructive}, {"resources_scale", Hint::kDestructive},
    {"helm_install", Hint::kWrite},          {"helm_list", Hint::kReadOnly},
    {"helm_uninstall", Hint::kDestructive},  {"kcp_workspaces_list", Hint::kReadOnly},
    {"kcp_workspace_describe", Hint::kReadOnly}, {"vm_guest_info", Hint::kReadOnly},
    {"vm_troubleshoot", Hint::kReadOnly},    {"vm_create", Hint::kDestructive},
    {"vm_create_from_template", Hint::kDestructive}, {"vm_clone", Hint::kDestructive},
    {"vm_lifecycle", Hint::kDestructive},    {"tekton_pipeline_start", Hint::kWrite},
    {"tekton_task_start", Hint::kWrite},     {"tekton_taskrun_restart", Hint::kWrite},
};

// Azure/aks-mcp (8d28bece75d1) with Azure/mcp-kubernetes v0.0.14,
// pkg/security/validator.go: the kubectl commands of each access level,
// each level adding to the one below. `helm` (call_helm) is kreplay's
// reading: writes need readwrite.
const Names kAksRead = {"get", "describe", "explain", "logs", "top", "auth", "config",
                        "cluster-info", "api-resources", "api-versions", "version", "diff",
                        "completion", "help", "kustomize", "options", "plugin", "wait", "events"};
const Names kAksReadWrite = {"create", "delete", "apply", "expose", "run", "set", "rollout",
                             "scale", "autoscale", "label", "annotate", "patch", "replace",
                             "cp", "exec", "proxy", "helm"};
const Names kAksAdmin = {"cordon", "uncordon", "drain", "taint", "certificate"};

Names Minus(const Names& all, const Names& keep) {
  Names out;
  for (const std::string& n : all) {
    if (keep.count(n) == 0) out.insert(n);
  }
  return out;
}

Names ContainersTools(bool (*hidden)(Hint), bool want_hidden) {
  Names out;
  for (const HintRow& row : kContainersHints) {
    if (hidden(row.hint) == want_hidden) out.insert(row.tool);
  }
  return out;
}

Names AllContainersTools() {
  Names out;
  for (const HintRow& row : kContainersHints) out.insert(row.tool);
  return out;
}

Policy ModePolicy(const char* name, const char* source, ToolMode mode) {
  Policy p;
  p.name = name;
  p.source = source;
  p.mode = std::move(mode);
  return p;
}

Policy ContainersMode(const char* name, const char* flag, bool (*hidden)(Hint)) {
  return ModePolicy(name,
                    "containers/kubernetes-mcp-server@55749981693f pkg/mcp/tool_filter.go, "
                    "annotations in pkg/toolsets",
                    ToolMode{"containers", flag, AllContainersTools(), ContainersTools(hidden, true)});
}

Policy AksLevel(const char* name, std::initializer_list<const Names*> levels) {
  Policy p;
  p.name = name;
  p.source = "Azure/mcp-kubernetes v0.0.14 (aks-mcp@8d28bece75d1) pkg/security/validator.go";
  Names allowed;
  for (const Names* level : levels) allowed.insert(level->begin(), level->end());
  p.allowed_commands = std::move(allowed);
  return p;
}

struct Builtin {
  const char* name;
  Policy (*make)();
};

const Builtin kBuiltins[] = {
    {"flux159-readonly",
     [] {
       return ModePolicy("flux159-readonly",
                         "Flux159/mcp-server-kubernetes@1ece64e6a9a5 (v4.1.4) src/index.ts",
                         ToolMode{"flux159", "ALLOW_ONLY_READONLY_TOOLS=true", Flux159Current(),
                                  Minus(Flux159Current(), kFlux159ReadOnly)});
     }},
    {"flux159-non-destructive",
     [] {
       return ModePolicy("flux159-non-destructive",
                         "Flux159/mcp-server-kubernetes@1ece64e6a9a5 (v4.1.4) src/index.ts",
                         ToolMode{"flux159", "ALLOW_ONLY_NON_DESTRUCTIVE_TOOLS=true",
                                  Flux159Current(), kFlux159Destructive});
     }},
    {"containers-read-only",
     [] {
       return ContainersMode("containers-read-only", "--read-only",
                             [](Hint h) { return h != Hint::kReadOnly; });
     }},
    {"containers-disable-destructive",
     [] {
       return ContainersMode("containers-disable-destructive", "--disable-destructive",
                             [](Hint h) { return h == Hint::kDestructive; });
     }},
    {"aks-readonly", [] { return AksLevel("aks-readonly", {&kAksRead}); }},
    {"aks-readwrite", [] { return AksLevel("aks-readwrite", {&kAksRead, &kAksReadWrite}); }},
    {"aks-admin",
     [] { return AksLevel("aks-admin", {&kAksRead, &kAksReadWrite, &kAksAdmin}); }},
};

}  // namespace

std::optional<Policy> BuiltinPolicy(const std::string& name) {
  for (const Builtin& b : kBuiltins) {
    if (name == b.name) return b.make();
  }
  return std::nullopt;
}

std::vector<std::string> BuiltinPolicyNames() {
  std::vector<std::string> names;
  for (const Builtin& b : kBuiltins) names.push_back(b.name);
  return names;
}

}  // namespace kreplay
