// Flux159/mcp-server-kubernetes v1.x per-kind tools (≤ v1.6.2, before the
// `kubectl_*` family; research mcp-and-formats.md §A.4), for old traces.
// The list/describe/delete tools map to the kubectl command they stand for;
// create_service and create_configmap build their object from the
// arguments; create_pod/create_deployment/update_deployment build theirs from
// a container template of the server that the trace does not contain.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "replay/vocab/args.h"
#include "replay/vocab/flux159_common.h"
#include "replay/vocab/tables.h"

namespace kreplay {
namespace {

using Argv = std::vector<std::string>;

void Read(const ToolCall& call, const char* verb, const char* resource, bool named,
          Interpretation& out) {
  Argv argv = {"kubectl", verb, resource};
  if (named) argv.push_back(ArgString(call.args, "name"));
  if (!FluxClusterScoped(resource)) argv.insert(argv.end(), {"-n", FluxNamespace(call.args)});
  AddKubectl(argv, std::nullopt, Verb::kGet, call, out);
}

template <const char* kResource>
void List(const ToolCall& call, Interpretation& out) {
  Read(call, "get", kResource, false, out);
}

template <const char* kResource>
void Describe(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kDescribe, {"name"}, out)) return;
  Read(call, "describe", kResource, true, out);
}

template <const char* kResource>
void Delete(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kDelete, {"name"}, out)) return;
  Argv argv = {"kubectl", "delete", kResource, ArgString(call.args, "name")};
  if (!FluxClusterScoped(kResource)) argv.insert(argv.end(), {"-n", FluxNamespace(call.args)});
  AddSwitch(argv, "--ignore-not-found", ArgBool(call.args, "ignoreNotFound", false));
  AddKubectl(argv, std::nullopt, Verb::kDelete, call, out);
}

constexpr char kPods[] = "pods";
constexpr char kDeployments[] = "deployments";
constexpr char kServices[] = "services";
constexpr char kNodes[] = "nodes";
constexpr char kNamespaces[] = "namespaces";
constexpr char kCronJobs[] = "cronjobs";
constexpr char kJobs[] = "jobs";
constexpr char kConfigMaps[] = "configmaps";
constexpr char kNamespace[] = "namespace";

void GetConfigMap(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kGet, {"name"}, out)) return;
  Read(call, "get", "configmaps", true, out);
}

void FromTemplate(const ToolCall& call, Verb verb, const char* resource, Interpretation& out) {
  if (!HasRequired(call, verb, {"name"}, out)) return;
  Operation op = TargetOp(verb, resource, FluxNamespace(call.args), ArgString(call.args, "name"), call);
  op.problem = absl::StrCat("built from the server's container template \"",
                            ArgString(call.args, "template", "custom"),
                            "\"; the object is not in the trace");
  out.operations.push_back(std::move(op));
}

void CreatePod(const ToolCall& call, Interpretation& out) {
  FromTemplate(call, Verb::kCreate, "pods", out);
}
void CreateDeployment(const ToolCall& call, Interpretation& out) {
  FromTemplate(call, Verb::kCreate, "deployments", out);
}
void UpdateDeployment(const ToolCall& call, Interpretation& out) {
  FromTemplate(call, Verb::kReplace, "deployments", out);
}

void ScaleDeployment(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kScale, {"name", "replicas"}, out)) return;
  Argv argv = {"kubectl", "scale", "deployment/" + ArgString(call.args, "name"),
               "--replicas=" + ArgString(call.args, "replicas"), "-n",
               FluxNamespace(call.args)};
  AddKubectl(argv, std::nullopt, Verb::kScale, call, out);
}

void CreateNamespace(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kCreate, {"name"}, out)) return;
  AddKubectl({"kubectl", "create", "namespace", ArgString(call.args, "name")}, std::nullopt,
             Verb::kCreate, call, out);
}

Json ServicePorts(const Json& args) {
  Json ports = Json::array();
  const Json* given = Find(args, "ports");
  if (given == nullptr || !given->is_array()) return ports;
  for (const Json& port : *given) {
    Json entry = {{"port", port.value("port", Json())}, {"protocol", port.value("protocol", "TCP")}};
    entry["targetPort"] = port.contains("targetPort") ? port["targetPort"] : entry["port"];
    if (port.contains("name")) entry["name"] = port["name"];
    ports.push_back(entry);
  }
  return ports;
}

void CreateService(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kCreate, {"name"}, out)) return;
  const Json& args = call.args;
  Json service = {{"apiVersion", "v1"},
                  {"kind", "Service"},
                  {"metadata", {{"name", ArgString(args, "name")}, {"namespace", FluxNamespace(args)}}},
                  {"spec", {{"type", ArgString(args, "type", "ClusterIP")}, {"ports", ServicePorts(args)}}}};
  if (const Json* selector = Find(args, "selector"); selector && selector->is_object()) {
    service["spec"]["selector"] = *selector;
  }
  Operation op = TargetOp(Verb::kCreate, "services", FluxNamespace(args), ArgString(args, "name"), call);
  op.manifests.push_back(std::move(service));
  out.operations.push_back(std::move(op));
}

Json DataOf(const Json& args) {
  const Json* data = Find(args, "data");
  return data != nullptr && data->is_object() ? *data : Json::object();
}

void CreateConfigMap(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kCreate, {"name"}, out)) return;
  const Json& args = call.args;
  Json configmap = {{"apiVersion", "v1"},
                    {"kind", "ConfigMap"},
                    {"metadata", {{"name", ArgString(args, "name")}, {"namespace", FluxNamespace(args)}}},
                    {"data", DataOf(args)}};
  Operation op = TargetOp(Verb::kCreate, "configmaps", FluxNamespace(args), ArgString(args, "name"), call);
  op.manifests.push_back(std::move(configmap));
  out.operations.push_back(std::move(op));
}

// The v1 tool reads the ConfigMap, replaces its whole `data` and writes it
// back: keys not given are dropped.
void UpdateConfigMap(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kPatch, {"name"}, out)) return;
  const Json& args = call.args;
  Operation op = TargetOp(Verb::kPatch, "configmaps", FluxNamespace(args), ArgString(args, "name"), call);
  op.patch_type = PatchType::kJson;
  op.patch = Json::array({{{"op", "add"}, {"path", "/data"}, {"value", DataOf(args)}}});
  out.operations.push_back(std::move(op));
}

void UpdateService(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kPatch, {"name"}, out)) return;
  const Json& args = call.args;
  Operation op = TargetOp(Verb::kPatch, "services", FluxNamespace(args), ArgString(args, "name"), call);
  op.patch_type = PatchType::kMerge;
  op.patch = {{"spec", Json::object()}};
  if (args.contains("type")) op.patch["spec"]["type"] = args["type"];
  if (args.contains("selector")) op.patch["spec"]["selector"] = args["selector"];
  if (args.contains("ports")) op.patch["spec"]["ports"] = ServicePorts(args);
  out.operations.push_back(std::move(op));
}

void CreateCronJob(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kCreate, {"name", "schedule", "image"}, out)) return;
  const Json& args = call.args;
  Argv argv = {"kubectl", "create", "cronjob", ArgString(args, "name"),
               "--image=" + ArgString(args, "image"), "--schedule=" + ArgString(args, "schedule"),
               "-n", FluxNamespace(args)};
  std::vector<std::string> command = FluxCommandWords(args);
  if (!command.empty()) argv.push_back("--");
  argv.insert(argv.end(), command.begin(), command.end());
  AddKubectl(argv, std::nullopt, Verb::kCreate, call, out);
}

void GetLogs(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kLogs, {"name"}, out)) return;
  const Json& args = call.args;
  std::string type = ArgString(args, "resourceType", "pod");
  Argv argv = {"kubectl", "logs", type + "/" + ArgString(args, "name"), "-n", FluxNamespace(args)};
  AddFlag(argv, "--container", ArgString(args, "container"));
  AddFlag(argv, "--tail", ArgString(args, "tail"));
  AddKubectl(argv, std::nullopt, Verb::kLogs, call, out);
}

void GetJobLogs(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kLogs, {"name"}, out)) return;
  Argv argv = {"kubectl", "logs", "job/" + ArgString(call.args, "name"), "-n",
               FluxNamespace(call.args)};
  AddFlag(argv, "--tail", ArgString(call.args, "tail"));
  AddKubectl(argv, std::nullopt, Verb::kLogs, call, out);
}

void GetEvents(const ToolCall& call, Interpretation& out) {
  Argv argv = {"kubectl", "get", "events", "-n", FluxNamespace(call.args)};
  AddFlag(argv, "--field-selector", ArgString(call.args, "fieldSelector"));
  AddKubectl(argv, std::nullopt, Verb::kEvents, call, out);
}

void ListContexts(const ToolCall& call, Interpretation& out) {
  AddKubectl({"kubectl", "config", "get-contexts"}, std::nullopt, Verb::kConfigView, call, out);
}

void CurrentContext(const ToolCall& call, Interpretation& out) {
  AddKubectl({"kubectl", "config", "current-context"}, std::nullopt, Verb::kConfigView, call, out);
}

void SetCurrentContext(const ToolCall& call, Interpretation& out) {
  AddKubectl({"kubectl", "config", "use-context", ArgString(call.args, "name")}, std::nullopt,
             Verb::kConfigView, call, out);
}

constexpr ToolSpec kTools[] = {
    {"list_pods", "flux159", true, &List<kPods>},
    {"list_deployments", "flux159", true, &List<kDeployments>},
    {"list_services", "flux159", true, &List<kServices>},
    {"list_nodes", "flux159", true, &List<kNodes>},
    {"list_namespaces", "flux159", true, &List<kNamespaces>},
    {"list_cronjobs", "flux159", true, &List<kCronJobs>},
    {"list_jobs", "flux159", true, &List<kJobs>},
    {"describe_pod", "flux159", true, &Describe<kPods>},
    {"describe_deployment", "flux159", true, &Describe<kDeployments>},
    {"describe_service", "flux159", true, &Describe<kServices>},
    {"describe_node", "flux159", true, &Describe<kNodes>},
    {"describe_cronjob", "flux159", true, &Describe<kCronJobs>},
    {"get_configmap", "flux159", true, &GetConfigMap},
    {"get_logs", "flux159", true, &GetLogs},
    {"get_job_logs", "flux159", true, &GetJobLogs},
    {"get_events", "flux159", true, &GetEvents},
    {"list_contexts", "flux159", true, &ListContexts},
    {"get_current_context", "flux159", true, &CurrentContext},
    {"set_current_context", "flux159", false, &SetCurrentContext},
    {"create_pod", "flux159", false, &CreatePod},
    {"create_deployment", "flux159", false, &CreateDeployment},
    {"update_deployment", "flux159", false, &UpdateDeployment},
    {"scale_deployment", "flux159", false, &ScaleDeployment},
    {"create_namespace", "flux159", false, &CreateNamespace},
    {"create_service", "flux159", false, &CreateService},
    {"update_service", "flux159", false, &UpdateService},
    {"create_configmap", "flux159", false, &CreateConfigMap},
    {"update_configmap", "flux159", false, &UpdateConfigMap},
    {"create_cronjob", "flux159", false, &CreateCronJob},
    {"delete_pod", "flux159", false, &Delete<kPods>},
    {"delete_deployment", "flux159", false, &Delete<kDeployments>},
    {"delete_service", "flux159", false, &Delete<kServices>},
    {"delete_namespace", "flux159", false, &Delete<kNamespace>},
    {"delete_configmap", "flux159", false, &Delete<kConfigMaps>},
    {"delete_cronjob", "flux159", false, &Delete<kCronJobs>},
};

}  // namespace

absl::Span<const ToolSpec> Flux159LegacyTools() { return kTools; }

}  // namespace kreplay
