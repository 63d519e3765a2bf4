#include "replay/whatif/tool_equivalents.h"

#include "absl/strings/ascii.h"

namespace kreplay {
namespace {

// One row: operations of `verb` (on `kind`, "" = any) go through `tool`
// ("" = no tool of the server does it).
struct Equivalent {
  Verb verb;
  const char* kind;
  const char* tool;
};

// Flux159/mcp-server-kubernetes v4.1.4 (src/index.ts allTools); any verb
// not listed goes through kubectl_generic.
constexpr Equivalent kFlux159[] = {
    {Verb::kGet, "", "kubectl_get"},           {Verb::kEvents, "", "kubectl_get"},
    {Verb::kDescribe, "", "kubectl_describe"}, {Verb::kLogs, "", "kubectl_logs"},
    {Verb::kExplain, "", "explain_resource"},  {Verb::kApiResources, "", "list_api_resources"},
    {Verb::kConfigView, "", "kubectl_context"}, {Verb::kApply, "", "kubectl_apply"},
    {Verb::kCreate, "", "kubectl_create"},     {Verb::kDelete, "", "kubectl_delete"},
    {Verb::kPatch, "", "kubectl_patch"},       {Verb::kScale, "", "kubectl_scale"},
    {Verb::kRolloutStatus, "", "kubectl_rollout"}, {Verb::kRolloutHistory, "", "kubectl_rollout"},
    {Verb::kRolloutRestart, "", "kubectl_rollout"}, {Verb::kRolloutUndo, "", "kubectl_rollout"},
    {Verb::kRolloutPause, "", "kubectl_rollout"}, {Verb::kRolloutResume, "", "kubectl_rollout"},
    {Verb::kExec, "", "exec_in_pod"},          {Verb::kPortForward, "", "port_forward"},
    {Verb::kCordon, "", "node_management"},    {Verb::kUncordon, "", "node_management"},
    {Verb::kDrain, "", "node_management"},     {Verb::kHelmInstall, "", "install_helm_chart"},
    {Verb::kHelmUpgrade, "", "upgrade_helm_chart"}, {Verb::kHelmUninstall, "", "uninstall_helm_chart"},
    {Verb::kHelmRollback, "", ""},
};

// containers/kubernetes-mcp-server (pkg/toolsets core, config, helm); any
// mutation not listed is a write of the object through
// resources_create_or_update.
constexpr Equivalent kContainers[] = {
    {Verb::kGet, "", "resources_get"},        {Verb::kDescribe, "", "resources_get"},
    {Verb::kDiff, "", "resources_get"},       {Verb::kWait, "", "resources_get"},
    {Verb::kRolloutStatus, "", "resources_get"}, {Verb::kRolloutHistory, "", "resources_get"},
    {Verb::kLogs, "", "pods_log"},            {Verb::kEvents, "", "events_list"},
    {Verb::kTop, "", "pods_top"},             {Verb::kConfigView, "", "configuration_view"},
    {Verb::kExplain, "", ""},                 {Verb::kApiResources, "", ""},
    {Verb::kVersion, "", ""},                 {Verb::kClusterInfo, "", ""},
    {Verb::kAuthCanI, "", ""},                {Verb::kDelete, "pod", "pods_delete"},
    {Verb::kDelete, "", "resources_delete"},  {Verb::kScale, "", "resources_scale"},
    {Verb::kExec, "", "pods_exec"},           {Verb::kRun, "", "pods_run"},
    {Verb::kHelmInstall, "", "helm_install"}, {Verb::kHelmUninstall, "", "helm_uninstall"},
    {Verb::kHelmUpgrade, "", ""},             {Verb::kHelmRollback, "", ""},
    {Verb::kDrain, "", ""},                   {Verb::kPortForward, "", ""},
    {Verb::kUnknown, "", ""},
};

struct ServerTable {
  const char* server;
  const Equivalent* begin;
  const Equivalent* end;
  const char* otherwise;  // the tool of every verb the table does not list
};

const ServerTable kTables[] = {
    {"flux159", std::begin(kFlux159), std::end(kFlux159), "kubectl_generic"},
    {"containers", std::begin(kContainers), std::end(kContainers), "resources_create_or_update"},
};

bool KindIs(const Operation& op, const char* kind) {
  if (*kind == '\0') return true;
  std::string k = absl::AsciiStrToLower(op.kind.empty() ? op.resource : op.kind);
  return k == kind || k == std::string(kind) + "s";
}

}  // namespace

std::optional<std::string> EquivalentTool(absl::string_view server, const Operation& op) {
  for (const ServerTable& table : kTables) {
    if (server != table.server) continue;
    for (const Equivalent* row = table.begin; row != table.end; ++row) {
      if (row->verb != op.verb || !KindIs(op, row->kind)) continue;
      if (*row->tool == '\0') return std::nullopt;
      return std::string(row->tool);
    }
    return std::string(table.otherwise);
  }
  return std::nullopt;
}

std::string CommandWordOf(Verb verb) {
  std::string name = InfoOf(verb).name;
  return name.substr(0, name.find(' '));
}

}  // namespace kreplay
