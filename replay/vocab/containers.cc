// containers/kubernetes-mcp-server (Go, client-go; research
// mcp-and-formats.md §B, pkg/kubernetes/{resources,pods}.go). No kubectl:
// each tool is one or more API requests, mapped here directly. Writes are
// server-side apply with force and field manager "kubernetes-mcp-server"
// (resourcesCreateOrUpdate, also used by pods_run); an omitted namespace is
// the kubeconfig's (NamespaceOrDefault), left empty here so the replayer's
// default applies; lists without a namespace cover all namespaces.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "model/manifest.h"
#include "replay/vocab/args.h"
#include "replay/vocab/tables.h"

namespace kreplay {
namespace {

constexpr char kManager[] = "kubernetes-mcp-server";
constexpr char kManagedBy[] = "app.kubernetes.io/managed-by";

std::string Ns(const ToolCall& call) { return ArgString(call.args, "namespace"); }

Operation Read(Verb verb, const char* resource, const ToolCall& call) {
  return TargetOp(verb, resource, Ns(call), ArgString(call.args, "name"), call);
}

void AddSelectors(Operation& op, const Json& args) {
  op.selector = ArgString(args, "labelSelector", ArgString(args, "label_selector"));
  op.field_selector = ArgString(args, "fieldSelector");
}

// The manifests name the objects, each in its own namespace; `names` stays
// empty, since a name there would be looked up in the default namespace too
// and address a second, phantom object (Deployment/default/web beside
// Deployment/bench/web).
Operation ServerSideApply(std::vector<Json> manifests, const ToolCall& call) {
  Operation op = TargetOp(Verb::kApply, "", "", "", call);
  for (Json& manifest : manifests) Erase(manifest, "status");
  if (manifests.size() == 1) {
    op.kind = GetString(manifests[0], "kind");
    op.resource = op.kind;
  }
  op.manifests = std::move(manifests);
  op.server_side = true;
  op.force_conflicts = true;
  op.field_manager = kManager;
  return op;
}

void ResourcesCreateOrUpdate(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kApply, {"resource"}, out)) return;
  Operation probe;
  std::vector<Json> manifests = ManifestsArg(ArgString(call.args, "resource"), probe, call);
  Operation op = ServerSideApply(std::move(manifests), call);
  op.problem = probe.problem;
  out.operations.push_back(std::move(op));
}

void ResourcesGet(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kGet, {"kind", "name"}, out)) return;
  out.operations.push_back(TargetOp(Verb::kGet, ArgString(call.args, "kind"), Ns(call),
                                    ArgString(call.args, "name"), call));
}

void ResourcesList(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kGet, {"kind"}, out)) return;
  Operation op = TargetOp(Verb::kGet, ArgString(call.args, "kind"), Ns(call), "", call);
  op.all_namespaces = Ns(call).empty();
  AddSelectors(op, call.args);
  out.operations.push_back(std::move(op));
}

void ResourcesDelete(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kDelete, {"kind", "name"}, out)) return;
  Operation op = TargetOp(Verb::kDelete, ArgString(call.args, "kind"), Ns(call),
                          ArgString(call.args, "name"), call);
  op.grace_period = ArgInt(call.args, "gracePeriodSeconds");
  out.operations.push_back(std::move(op));
}

// Without `scale` the tool only reads the scale subresource.
void ResourcesScale(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kScale, {"kind", "name"}, out)) return;
  std::optional<int64_t> scale = ArgInt(call.args, "scale");
  Operation op = TargetOp(scale ? Verb::kScale : Verb::kGet, ArgString(call.args, "kind"),
                          Ns(call), ArgString(call.args, "name"), call);
  op.replicas = scale;
  op.subresource = "scale";
  out.operations.push_back(std::move(op));
}

// PodsDelete: when the pod carries app.kubernetes.io/managed-by=
// kubernetes-mcp-server (pods_run made it), first the Services (and, on
// OpenShift, Routes) labelled managed-by + app.kubernetes.io/name=<the pod's
// name label> are deleted, then the pod. pods_run sets the name label to the
// pod's name; the selector below stands for that.
void PodsDelete(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kDelete, {"name"}, out)) return;
  std::string name = ArgString(call.args, "name");
  Operation services = TargetOp(Verb::kDelete, "services", Ns(call), "", call);
  services.selector = absl::StrCat(kManagedBy, "=", kManager, ",app.kubernetes.io/name=", name);
  services.ignore_not_found = true;
  services.source += " (hidden effect: Services pods_run created for the pod)";
  out.operations.push_back(std::move(services));
  out.operations.push_back(Read(Verb::kDelete, "pods", call));
}

// Stands for the server's random name when the ledger recorded neither the
// name nor the server's answer; the operation says so (PodsRun).
constexpr char kUnrecordedRunName[] = "kubernetes-mcp-server-run-unrecorded";

std::string RunName(const ToolCall& call) {
  std::string name = ArgString(call.args, "name");
  if (!name.empty()) return name;
  // The server names it kubernetes-mcp-server-run-<5 random>; its answer
  // lists the created objects.
  absl::StatusOr<std::vector<Json>> docs = ParseYamlStream(call.outcome.output, "pods_run output");
  if (docs.ok()) {
    for (const Json& doc : *docs) {
      for (const Json& object : doc.is_array() ? doc : Json::array({doc})) {
        if (GetString(object, "kind") == "Pod") return GetString(object, "metadata.name");
      }
    }
  }
  return kUnrecordedRunName;
}

void PodsRun(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kApply, {"image"}, out)) return;
  std::string name = RunName(call);
  Json labels = {{"app.kubernetes.io/name", name}, {"app.kubernetes.io/component", name},
                 {kManagedBy, kManager}, {"app.kubernetes.io/part-of", "kubernetes-mcp-server-run-sandbox"}};
  Json metadata = {{"name", name}, {"labels", labels}};
  if (!Ns(call).empty()) metadata["namespace"] = Ns(call);
  Json container = {{"name", name}, {"image", ArgString(call.args, "image")}, {"imagePullPolicy", "Always"}};
  std::optional<int64_t> port = ArgInt(call.args, "port");
  if (port && *port > 0) container["ports"] = Json::array({{{"containerPort", *port}}});
  std::vector<Json> manifests = {{{"apiVersion", "v1"}, {"kind", "Pod"}, {"metadata", metadata},
                                  {"spec", {{"containers", Json::array({container})}}}}};
  if (port && *port > 0) {
    Json ports = Json::array({{{"port", *port}, {"targetPort", *port}}});
    manifests.push_back({{"apiVersion", "v1"}, {"kind", "Service"}, {"metadata", metadata},
                         {"spec", {{"selector", labels}, {"type", "ClusterIP"}, {"ports", ports}}}});
  }
  Operation op = ServerSideApply(std::move(manifests), call);
  if (name == kUnrecordedRunName) {
    op.source += absl::StrCat(" (the server's generated pod name was not recorded: replayed as ",
                              kUnrecordedRunName, ")");
  }
  out.operations.push_back(std::move(op));
}

void PodsExec(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kExec, {"name", "command"}, out)) return;
  Operation op = Read(Verb::kExec, "pods", call);
  op.container = ArgString(call.args, "container");
  op.command = ArgStrings(call.args, "command");
  out.operations.push_back(std::move(op));
}

void PodsLog(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kLogs, {"name"}, out)) return;
  Operation op = Read(Verb::kLogs, "pods", call);
  op.container = ArgString(call.args, "container");
  op.flags["tail"] = ArgString(call.args, "tail", "100");
  if (ArgBool(call.args, "previous", false)) op.flags["previous"] = "true";
  out.operations.push_back(std::move(op));
}

void PodsGet(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kGet, {"name"}, out)) return;
  out.operations.push_back(Read(Verb::kGet, "pods", call));
}

void PodsList(const ToolCall& call, Interpretation& out) {
  Operation op = TargetOp(Verb::kGet, "pods", "", "", call);
  op.all_namespaces = true;
  AddSelectors(op, call.args);
  out.operations.push_back(std::move(op));
}

void PodsListInNamespace(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kGet, {"namespace"}, out)) return;
  Operation op = TargetOp(Verb::kGet, "pods", Ns(call), "", call);
  AddSelectors(op, call.args);
  out.operations.push_back(std::move(op));
}

void PodsTop(const ToolCall& call, Interpretation& out) {
  Operation op = Read(Verb::kTop, "pods", call);
  op.all_namespaces = Ns(call).empty() && ArgBool(call.args, "all_namespaces", true);
  AddSelectors(op, call.args);
  out.operations.push_back(std::move(op));
}

void EventsList(const ToolCall& call, Interpretation& out) {
  Operation op = TargetOp(Verb::kEvents, "events", Ns(call), "", call);
  op.all_namespaces = Ns(call).empty();
  AddSelectors(op, call.args);
  out.operations.push_back(std::move(op));
}

template <Verb kVerb, const char* kResource>
void Simple(const ToolCall& call, Interpretation& out) {
  out.operations.push_back(Read(kVerb, kResource, call));
}

// helm keeps each release as a Secret labelled owner=helm: listing releases
// reads those.
void HelmList(const ToolCall& call, Interpretation& out) {
  Operation op = TargetOp(Verb::kGet, "secrets", Ns(call), "", call);
  op.selector = "owner=helm";
  op.all_namespaces = ArgBool(call.args, "all_namespaces", false);
  out.operations.push_back(std::move(op));
}

void HelmInstall(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kHelmInstall, {"chart"}, out)) return;
  Operation op = TargetOp(Verb::kHelmInstall, "", Ns(call), ArgString(call.args, "name"), call);
  op.args.push_back(ArgString(call.args, "chart"));
  if (const Json* values = Find(call.args, "values"); values && values->is_object()) {
    op.flags["values"] = Compact(*values);
  }
  if (op.names.empty()) op.flags["generate-name"] = "true";
  out.operations.push_back(std::move(op));
}

void HelmUninstall(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kHelmUninstall, {"name"}, out)) return;
  out.operations.push_back(
      TargetOp(Verb::kHelmUninstall, "", Ns(call), ArgString(call.args, "name"), call));
}

// kiali_manage_istio_config: create / patch / delete of one Istio object.
void KialiManageIstioConfig(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kUnknown, {"action", "kind", "object"}, out)) return;
  std::string action = ArgString(call.args, "action");
  Verb verb = action == "create" ? Verb::kCreate
              : action == "patch" ? Verb::kPatch
              : action == "delete" ? Verb::kDelete : Verb::kUnknown;
  Operation op = TargetOp(verb, ArgString(call.args, "kind"), Ns(call),
                          ArgString(call.args, "object"), call);
  std::string data = ArgString(call.args, "data");
  if (verb == Verb::kCreate) op.manifests = ManifestsArg(data, op, call);
  if (verb == Verb::kPatch) {
    absl::StatusOr<Json> patch = ParseJsonOrYaml(data, "kiali_manage_istio_config data");
    if (patch.ok()) op.patch = *patch; else op.problem = std::string(patch.status().message());
    op.patch_type = PatchType::kMerge;
  }
  if (verb == Verb::kUnknown) op.problem = absl::StrCat("unknown action \"", action, "\"");
  out.operations.push_back(std::move(op));
}

// KubeVirt and Tekton writes create or drive custom resources whose content
// the server builds; kreplay does not model them.
void NotModelled(const ToolCall& call, Interpretation& out) {
  Operation op = TargetOp(Verb::kUnknown, "", Ns(call), ArgString(call.args, "name"), call);
  op.problem = absl::StrCat(call.tool, " creates or drives custom resources kreplay does not model");
  out.operations.push_back(std::move(op));
}

// Kiali's tools read the mesh through Kiali's API, not the cluster's.
void Local(const ToolCall& call, Interpretation& out) { AddLocal(call, out); }

void ConfigView(const ToolCall& call, Interpretation& out) {
  out.operations.push_back(TargetOp(Verb::kConfigView, "", "", "", call));
}

constexpr char kNamespaces[] = "namespaces";
constexpr char kProjects[] = "projects";
constexpr char kNodes[] = "nodes";
constexpr char kWorkspaces[] = "workspaces";
constexpr char kVirtualMachines[] = "virtualmachines";
constexpr char kPipelineRuns[] = "pipelineruns";
constexpr char kTaskRuns[] = "taskruns";

constexpr ToolSpec kTools[] = {
    {"configuration_view", "containers", true, &ConfigView},
    {"configuration_contexts_list", "containers", true, &ConfigView},
    {"targets_list", "containers", true, &ConfigView},
    {"events_list", "containers", true, &EventsList},
    {"namespaces_list", "containers", true, &Simple<Verb::kGet, kNamespaces>},
    {"projects_list", "containers", true, &Simple<Verb::kGet, kProjects>},
    {"nodes_log", "containers", true, &Simple<Verb::kLogs, kNodes>},
    {"nodes_stats_summary", "containers", true, &Simple<Verb::kGet, kNodes>},
    {"nodes_top", "containers", true, &Simple<Verb::kTop, kNodes>},
    {"pods_list", "containers", true, &PodsList},
    {"pods_list_in_namespace", "containers", true, &PodsListInNamespace},
    {"pods_get", "containers", true, &PodsGet},
    {"pods_log", "containers", true, &PodsLog},
    {"pods_top", "containers", true, &PodsTop},
    {"pods_delete", "containers", false, &PodsDelete},
    {"pods_exec", "containers", false, &PodsExec},
    {"pods_run", "containers", false, &PodsRun},
    {"resources_list", "containers", true, &ResourcesList},
    {"resources_get", "containers", true, &ResourcesGet},
    {"resources_create_or_update", "containers", false, &ResourcesCreateOrUpdate},
    {"resources_delete", "containers", false, &ResourcesDelete},
    {"resources_scale", "containers", false, &ResourcesScale},
    {"helm_install", "containers", false, &HelmInstall},
    {"helm_list", "containers", true, &HelmList},
    {"helm_uninstall", "containers", false, &HelmUninstall},
    {"kcp_workspaces_list", "containers", true, &Simple<Verb::kGet, kWorkspaces>},
    {"kcp_workspace_describe", "containers", true, &Simple<Verb::kDescribe, kWorkspaces>},
    {"vm_guest_info", "containers", true, &Simple<Verb::kGet, kVirtualMachines>},
    {"vm_troubleshoot", "containers", true, &Simple<Verb::kDescribe, kVirtualMachines>},
    {"vm_create", "containers", false, &NotModelled},
    {"vm_create_from_template", "containers", false, &NotModelled},
    {"vm_clone", "containers", false, &NotModelled},
    {"vm_lifecycle", "containers", false, &NotModelled},
    {"tekton_pipeline_start", "containers", false, &NotModelled},
    {"tekton_task_start", "containers", false, &NotModelled},
    {"tekton_taskrun_restart", "containers", false, &NotModelled},
    {"tekton_pipelinerun_lifecycle", "containers", false, &NotModelled},
    {"tekton_pipelinerun_logs", "containers", true, &Simple<Verb::kLogs, kPipelineRuns>},
    {"tekton_taskrun_logs", "containers", true, &Simple<Verb::kLogs, kTaskRuns>},
    {"kiali_manage_istio_config", "containers", false, &KialiManageIstioConfig},
    {"kiali_manage_istio_config_read", "containers", true, &Local},
    {"kiali_get_logs", "containers", true, &Local},
    {"kiali_get_mesh_status", "containers", true, &Local},
    {"kiali_get_mesh_traffic_graph", "containers", true, &Local},
    {"kiali_get_metrics", "containers", true, &Local},
    {"kiali_get_pod_performance", "containers", true, &Local},
    {"kiali_get_resource_details", "containers", true, &Local},
    {"kiali_get_trace_details", "containers", true, &Local},
    {"kiali_list_mesh_clusters", "containers", true, &Local},
    {"kiali_list_traces", "containers", true, &Local},
};

}  // namespace

absl::Span<const ToolSpec> ContainersTools() { return kTools; }

}  // namespace kreplay
