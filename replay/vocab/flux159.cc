// Flux159/mcp-server-kubernetes (v2+ `kubectl_*` tools; research
// mcp-and-formats.md §A). Every tool shells out to kubectl with an argv it
// builds, so each handler builds the same argv and lets the kubectl parser
// read it: the effect of a call is the effect of that command line. Defaults
// are the server's: namespace "default" (`input.namespace || "default"`),
// no -n for the cluster-scoped types of isNonNamespacedResource, dryRun
// always client-side, kubectl_apply always `-n <namespace>`.
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "replay/vocab/args.h"
#include "replay/vocab/flux159_common.h"
#include "replay/vocab/tables.h"

namespace kreplay {
namespace {

using Argv = std::vector<std::string>;

void KubectlGet(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kGet, {"resourceType"}, out)) return;
  const Json& args = call.args;
  std::string type = absl::AsciiStrToLower(ArgString(args, "resourceType"));
  Argv argv = {"kubectl", "get", type};
  if (std::string name = ArgString(args, "name"); !name.empty()) argv.push_back(name);
  bool events = type == "events" || type == "event" || type == "ev";
  if (events && ArgString(args, "namespace").empty()) {
    argv.push_back("--all-namespaces");
  } else {
    AddFluxScope(argv, args, type);
  }
  AddFlag(argv, "--output", ArgString(args, "output", "json"));
  AddFlag(argv, "--selector", ArgString(args, "labelSelector"));
  AddFlag(argv, "--field-selector", ArgString(args, "fieldSelector"));
  AddKubectl(argv, std::nullopt, Verb::kGet, call, out);
}

void KubectlDescribe(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kDescribe, {"resourceType", "name"}, out)) return;
  std::string type = absl::AsciiStrToLower(ArgString(call.args, "resourceType"));
  Argv argv = {"kubectl", "describe", type, ArgString(call.args, "name")};
  AddFluxScope(argv, call.args, type);
  AddKubectl(argv, std::nullopt, Verb::kDescribe, call, out);
}

void KubectlLogs(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kLogs, {"resourceType", "name"}, out)) return;
  const Json& args = call.args;
  Argv argv = {"kubectl", "logs",
               absl::StrCat(ArgString(args, "resourceType"), "/", ArgString(args, "name")),
               "-n", FluxNamespace(args)};
  AddFlag(argv, "--container", ArgString(args, "container"));
  AddFlag(argv, "--tail", ArgString(args, "tail"));
  AddFlag(argv, "--since", ArgString(args, "since"));
  AddSwitch(argv, "--previous", ArgBool(args, "previous", false));
  AddKubectl(argv, std::nullopt, Verb::kLogs, call, out);
}

void KubectlApply(const ToolCall& call, Interpretation& out) {
  const Json& args = call.args;
  std::string manifest = ArgString(args, "manifest");
  std::string filename = ArgString(args, "filename");
  if (manifest.empty() && filename.empty()) {
    HasRequired(call, Verb::kApply, {"manifest"}, out);
    return;
  }
  Argv argv = {"kubectl", "apply", "-f", manifest.empty() ? filename : "-",
               "-n", FluxNamespace(args)};
  AddSwitch(argv, "--dry-run=client", ArgBool(args, "dryRun", false));
  AddSwitch(argv, "--force", ArgBool(args, "force", false));
  std::optional<std::string> stdin_text;
  if (!manifest.empty()) stdin_text = manifest;
  AddKubectl(argv, stdin_text, Verb::kApply, call, out);
}

void KubectlDelete(const ToolCall& call, Interpretation& out) {
  const Json& args = call.args;
  std::string manifest = ArgString(args, "manifest");
  std::string filename = ArgString(args, "filename");
  std::string type = absl::AsciiStrToLower(ArgString(args, "resourceType"));
  Argv argv = {"kubectl", "delete"};
  std::optional<std::string> stdin_text;
  if (!manifest.empty() || !filename.empty()) {
    argv.insert(argv.end(), {"-f", manifest.empty() ? filename : "-"});
    if (!manifest.empty()) stdin_text = manifest;
  } else {
    if (!HasRequired(call, Verb::kDelete, {"resourceType"}, out)) return;
    argv.push_back(type);
    if (std::string name = ArgString(args, "name"); !name.empty()) argv.push_back(name);
    AddFlag(argv, "--selector", ArgString(args, "labelSelector"));
    AddFluxScope(argv, args, type);
  }
  AddSwitch(argv, "--force", ArgBool(args, "force", false));
  AddFlag(argv, "--grace-period", ArgString(args, "gracePeriodSeconds"));
  AddKubectl(argv, stdin_text, Verb::kDelete, call, out);
}

void KubectlPatch(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kPatch, {"resourceType", "name"}, out)) return;
  const Json& args = call.args;
  Argv argv = {"kubectl", "patch", absl::AsciiStrToLower(ArgString(args, "resourceType")),
               ArgString(args, "name"), "-n", FluxNamespace(args),
               absl::StrCat("--type=", ArgString(args, "patchType", "strategic"))};
  const Json* data = args.contains("patchData") ? &args["patchData"] : nullptr;
  if (data != nullptr && (data->is_object() || data->is_array())) {
    argv.push_back(absl::StrCat("--patch=", Compact(*data)));
  } else if (std::string file = ArgString(args, "patchFile"); !file.empty()) {
    argv.push_back(absl::StrCat("--patch-file=", file));
  } else {
    Operation op = TargetOp(Verb::kPatch, ArgString(args, "resourceType"),
                            FluxNamespace(args), ArgString(args, "name"), call);
    op.problem = "patchData must be an object (the server rejects strings) or patchFile given";
    out.operations.push_back(std::move(op));
    return;
  }
  AddSwitch(argv, "--dry-run=client", ArgBool(args, "dryRun", false));
  AddKubectl(argv, std::nullopt, Verb::kPatch, call, out);
}

void KubectlScale(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kScale, {"name", "replicas"}, out)) return;
  const Json& args = call.args;
  Argv argv = {"kubectl", "scale",
               absl::StrCat(ArgString(args, "resourceType", "deployment"), "/",
                            ArgString(args, "name")),
               absl::StrCat("--replicas=", ArgString(args, "replicas")), "-n",
               FluxNamespace(args)};
  AddKubectl(argv, std::nullopt, Verb::kScale, call, out);
}

void KubectlRollout(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kRolloutStatus, {"name"}, out)) return;
  const Json& args = call.args;
  std::string sub = ArgString(args, "subCommand", "status");
  Argv argv = {"kubectl", "rollout", sub,
               absl::StrCat(ArgString(args, "resourceType", "deployment"), "/",
                            ArgString(args, "name")),
               "-n", FluxNamespace(args)};
  if (sub == "undo") AddFlag(argv, "--to-revision", ArgString(args, "revision"));
  if (sub == "history") AddFlag(argv, "--revision", ArgString(args, "toRevision"));
  if (sub == "status") argv.push_back("--watch=false");
  AddKubectl(argv, std::nullopt, Verb::kUnknown, call, out);
}

void KubectlContext(const ToolCall& call, Interpretation& out) {
  std::string operation = ArgString(call.args, "operation", "list");
  Argv argv = {"kubectl", "config", "get-contexts"};
  if (operation == "get") argv = {"kubectl", "config", "current-context"};
  if (operation == "set") {
    argv = {"kubectl", "config", "use-context", ArgString(call.args, "name")};
  }
  AddKubectl(argv, std::nullopt, Verb::kConfigView, call, out);
}

void ExplainResource(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kExplain, {"resource"}, out)) return;
  Argv argv = {"kubectl", "explain", ArgString(call.args, "resource")};
  AddFlag(argv, "--api-version", ArgString(call.args, "apiVersion"));
  AddSwitch(argv, "--recursive", ArgBool(call.args, "recursive", false));
  AddKubectl(argv, std::nullopt, Verb::kExplain, call, out);
}

void ListApiResources(const ToolCall& call, Interpretation& out) {
  Argv argv = {"kubectl", "api-resources"};
  AddFlag(argv, "--api-group", ArgString(call.args, "apiGroup"));
  AddKubectl(argv, std::nullopt, Verb::kApiResources, call, out);
}

void NodeManagement(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kDrain, {"operation", "nodeName"}, out)) return;
  const Json& args = call.args;
  std::string operation = ArgString(args, "operation");
  Argv argv = {"kubectl", operation, ArgString(args, "nodeName")};
  bool dry_run = ArgBool(args, "dryRun", false);
  if (operation == "drain") {
    AddSwitch(argv, "--force", ArgBool(args, "force", false));
    AddFlag(argv, "--grace-period", ArgString(args, "gracePeriod", "-1"));
    AddSwitch(argv, "--delete-emptydir-data", ArgBool(args, "deleteLocalData", false));
    AddSwitch(argv, "--ignore-daemonsets", ArgBool(args, "ignoreDaemonsets", true));
    AddFlag(argv, "--timeout", ArgString(args, "timeout", "0"));
  }
  AddSwitch(argv, "--dry-run=client", dry_run);
  size_t first = out.operations.size();
  AddKubectl(argv, std::nullopt, Verb::kDrain, call, out);
  // The server refuses a drain without confirmDrain=true before running
  // kubectl: the attempt is kept, marked as never reaching the cluster.
  if (operation == "drain" && !dry_run && !ArgBool(args, "confirmDrain", false)) {
    for (size_t i = first; i < out.operations.size(); ++i) {
      out.operations[i].local = true;
      out.operations[i].source += " (refused by the server: confirmDrain is not true)";
    }
  }
}

void PortForward(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kPortForward,
                   {"resourceType", "resourceName", "localPort", "targetPort"}, out)) {
    return;
  }
  const Json& args = call.args;
  Argv argv = {"kubectl", "port-forward",
               absl::StrCat(ArgString(args, "resourceType"), "/", ArgString(args, "resourceName")),
               absl::StrCat(ArgString(args, "localPort"), ":", ArgString(args, "targetPort")),
               "-n", FluxNamespace(args)};
  AddKubectl(argv, std::nullopt, Verb::kPortForward, call, out);
}

void ExecInPod(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kExec, {"name", "command"}, out)) return;
  const Json& args = call.args;
  Argv argv = {"kubectl", "exec", ArgString(args, "name"), "-n", FluxNamespace(args)};
  AddFlag(argv, "--container", ArgString(args, "container"));
  argv.push_back("--");
  for (const std::string& word : FluxCommandWords(args)) argv.push_back(word);
  AddKubectl(argv, std::nullopt, Verb::kExec, call, out);
}

void KubectlGeneric(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kUnknown, {"command"}, out)) return;
  AddKubectl(FluxGenericArgv(call.args), std::nullopt, Verb::kUnknown, call, out);
}

void KubectlEvents(const ToolCall& call, Interpretation& out) {
  Argv argv = {"kubectl", "get", "events"};
  std::string ns = ArgString(call.args, "namespace");
  if (ns.empty()) {
    argv.push_back("--all-namespaces");
  } else {
    argv.insert(argv.end(), {"-n", ns});
  }
  AddFlag(argv, "--field-selector", ArgString(call.args, "fieldSelector"));
  AddKubectl(argv, std::nullopt, Verb::kEvents, call, out);
}

void Local(const ToolCall& call, Interpretation& out) { AddLocal(call, out); }

constexpr ToolSpec kTools[] = {
    {"kubectl_get", "flux159", true, &KubectlGet},
    {"kubectl_list", "flux159", true, &KubectlGet},
    {"kubectl_describe", "flux159", true, &KubectlDescribe},
    {"kubectl_logs", "flux159", true, &KubectlLogs},
    {"kubectl_events", "flux159", true, &KubectlEvents},
    {"kubectl_apply", "flux159", false, &KubectlApply},
    {"kubectl_create", "flux159", false, &FluxKubectlCreate},
    {"kubectl_delete", "flux159", false, &KubectlDelete},
    {"kubectl_patch", "flux159", false, &KubectlPatch},
    {"kubectl_scale", "flux159", false, &KubectlScale},
    {"kubectl_rollout", "flux159", false, &KubectlRollout},
    {"kubectl_context", "flux159", true, &KubectlContext},
    {"kubectl_reconnect", "flux159", true, &Local},
    {"kubectl_generic", "flux159", false, &KubectlGeneric},
    {"explain_resource", "flux159", true, &ExplainResource},
    {"list_api_resources", "flux159", true, &ListApiResources},
    {"install_helm_chart", "flux159", false, &FluxHelmInstall},
    {"upgrade_helm_chart", "flux159", false, &FluxHelmUpgrade},
    {"uninstall_helm_chart", "flux159", false, &FluxHelmUninstall},
    {"node_management", "flux159", false, &NodeManagement},
    {"port_forward", "flux159", false, &PortForward},
    {"stop_port_forward", "flux159", true, &Local},
    {"exec_in_pod", "flux159", false, &ExecInPod},
    {"cleanup", "flux159", false, &Local},
    {"ping", "flux159", true, &Local},
};

}  // namespace

absl::Span<const ToolSpec> Flux159CurrentTools() { return kTools; }

}  // namespace kreplay
