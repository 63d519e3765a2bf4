// kagent-dev/tools `k8s_*` tools (pkg/k8s/k8s.go; research
// mcp-and-formats.md §C). Each tool runs kubectl with an argv it builds;
// the handlers build the same argv. Defaults are the server's: namespace
// "default" for logs, scale, patch, delete, exec, wait and the
// connectivity check, none (the kubeconfig's) for get, describe, rollout,
// label and annotate; k8s_scale turns replicas 0 into 1; label and annotate
// never pass --overwrite.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "replay/vocab/args.h"
#include "replay/vocab/tables.h"

namespace kreplay {
namespace {

using Argv = std::vector<std::string>;

std::string NsOrDefault(const Json& args) { return ArgString(args, "namespace", "default"); }

void AddNamespaceIfGiven(Argv& argv, const Json& args) {
  if (std::string ns = ArgString(args, "namespace"); !ns.empty()) argv.insert(argv.end(), {"-n", ns});
}

void Run(const Argv& argv, Verb fallback, const ToolCall& call, Interpretation& out,
         std::optional<std::string> stdin_text = std::nullopt) {
  AddKubectl(argv, std::move(stdin_text), fallback, call, out);
}

std::string Type(const ToolCall& call) { return ArgString(call.args, "resource_type"); }
std::string Name(const ToolCall& call) { return ArgString(call.args, "resource_name"); }

void GetResources(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kGet, {"resource_type"}, out)) return;
  Argv argv = {"kubectl", "get", Type(call)};
  if (!Name(call).empty()) argv.push_back(Name(call));
  if (ArgBool(call.args, "all_namespaces", false)) {
    argv.emplace_back("--all-namespaces");
  } else {
    AddNamespaceIfGiven(argv, call.args);
  }
  argv.insert(argv.end(), {"-o", ArgString(call.args, "output", "wide")});
  Run(argv, Verb::kGet, call, out);
}

void GetResourceYaml(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kGet, {"resource_type", "resource_name"}, out)) return;
  Argv argv = {"kubectl", "get", Type(call), Name(call), "-o", "yaml"};
  AddNamespaceIfGiven(argv, call.args);
  Run(argv, Verb::kGet, call, out);
}

void Describe(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kDescribe, {"resource_type", "resource_name"}, out)) return;
  Argv argv = {"kubectl", "describe", Type(call), Name(call)};
  AddNamespaceIfGiven(argv, call.args);
  Run(argv, Verb::kDescribe, call, out);
}

void PodLogs(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kLogs, {"pod_name"}, out)) return;
  Argv argv = {"kubectl", "logs", ArgString(call.args, "pod_name"), "-n", NsOrDefault(call.args)};
  if (std::string c = ArgString(call.args, "container"); !c.empty()) argv.insert(argv.end(), {"-c", c});
  argv.insert(argv.end(), {"--tail", ArgString(call.args, "tail_lines", "50")});
  Run(argv, Verb::kLogs, call, out);
}

void Events(const ToolCall& call, Interpretation& out) {
  Argv argv = {"kubectl", "get", "events", "-o", "json"};
  std::string ns = ArgString(call.args, "namespace");
  if (ns.empty()) {
    argv.emplace_back("--all-namespaces");
  } else {
    argv.insert(argv.end(), {"-n", ns});
  }
  Run(argv, Verb::kEvents, call, out);
}

void ApiResources(const ToolCall& call, Interpretation& out) {
  Run({"kubectl", "api-resources"}, Verb::kApiResources, call, out);
}

void ClusterConfiguration(const ToolCall& call, Interpretation& out) {
  Run({"kubectl", "config", "view", "-o", "json"}, Verb::kConfigView, call, out);
}

void Scale(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kScale, {"name"}, out)) return;
  std::optional<int64_t> replicas = ArgInt(call.args, "replicas");
  int64_t count = replicas && *replicas != 0 ? *replicas : 1;
  Run({"kubectl", "scale", "deployment", ArgString(call.args, "name"), "--replicas",
       absl::StrCat(count), "-n", NsOrDefault(call.args)},
      Verb::kScale, call, out);
}

void Patch(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kPatch, {"resource_type", "resource_name", "patch"}, out)) return;
  Run({"kubectl", "patch", Type(call), Name(call),
       "--type=" + ArgString(call.args, "patch_type", "strategic"), "-p",
       ArgString(call.args, "patch"), "-n", NsOrDefault(call.args)},
      Verb::kPatch, call, out);
}

void PatchStatus(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kPatch, {"resource_type", "resource_name", "patch"}, out)) return;
  Run({"kubectl", "patch", Type(call), Name(call), "--subresource=status", "--type=merge", "-p",
       ArgString(call.args, "patch"), "-n", NsOrDefault(call.args)},
      Verb::kPatch, call, out);
}

void ApplyManifest(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kApply, {"manifest"}, out)) return;
  Run({"kubectl", "apply", "-f", "-"}, Verb::kApply, call, out, ArgString(call.args, "manifest"));
}

void CreateResource(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kCreate, {"yaml_content"}, out)) return;
  Run({"kubectl", "create", "-f", "-"}, Verb::kCreate, call, out,
      ArgString(call.args, "yaml_content"));
}

void CreateFromUrl(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kCreate, {"url"}, out)) return;
  Argv argv = {"kubectl", "create", "-f", ArgString(call.args, "url")};
  AddNamespaceIfGiven(argv, call.args);
  Run(argv, Verb::kCreate, call, out);
}

void Delete(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kDelete, {"resource_type", "resource_name"}, out)) return;
  Run({"kubectl", "delete", Type(call), Name(call), "-n", NsOrDefault(call.args)}, Verb::kDelete,
      call, out);
}

void Rollout(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kUnknown, {"action", "resource_type", "resource_name"}, out)) return;
  Argv argv = {"kubectl", "rollout", ArgString(call.args, "action"), Type(call) + "/" + Name(call)};
  AddNamespaceIfGiven(argv, call.args);
  Run(argv, Verb::kUnknown, call, out);
}

void LabelLike(const ToolCall& call, const char* verb, const char* key, bool remove, Interpretation& out) {
  Verb fallback = std::string(verb) == "label" ? Verb::kLabel : Verb::kAnnotate;
  if (!HasRequired(call, fallback, {"resource_type", "resource_name", key}, out)) return;
  Argv argv = {"kubectl", verb, Type(call), Name(call)};
  if (remove) {
    argv.push_back(ArgString(call.args, key) + "-");
  } else {
    for (absl::string_view pair : absl::StrSplit(ArgString(call.args, key), absl::ByAnyChar(" \t\n"),
                                                 absl::SkipEmpty())) {
      argv.emplace_back(pair);
    }
  }
  AddNamespaceIfGiven(argv, call.args);
  Run(argv, fallback, call, out);
}

void Label(const ToolCall& call, Interpretation& out) { LabelLike(call, "label", "labels", false, out); }
void Annotate(const ToolCall& call, Interpretation& out) {
  LabelLike(call, "annotate", "annotations", false, out);
}
void RemoveLabel(const ToolCall& call, Interpretation& out) {
  LabelLike(call, "label", "label_key", true, out);
}
void RemoveAnnotation(const ToolCall& call, Interpretation& out) {
  LabelLike(call, "annotate", "annotation_key", true, out);
}

void ExecuteCommand(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kExec, {"pod_name", "command"}, out)) return;
  Run({"kubectl", "exec", ArgString(call.args, "pod_name"), "-n", NsOrDefault(call.args), "--",
       ArgString(call.args, "command")},
      Verb::kExec, call, out);
}

void Wait(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kWait, {"resource_type", "condition"}, out)) return;
  std::string target = Name(call).empty() ? Type(call) : Type(call) + "/" + Name(call);
  Argv argv = {"kubectl", "wait", target, "--for=" + ArgString(call.args, "condition"),
               "--timeout", ArgString(call.args, "timeout", "30s"), "-n", NsOrDefault(call.args)};
  if (std::string selector = ArgString(call.args, "selector"); !selector.empty()) {
    argv.insert(argv.end(), {"-l", selector});
  }
  AddSwitch(argv, "--all", ArgBool(call.args, "all", false));
  Run(argv, Verb::kWait, call, out);
}

// A hidden effect: a temporary pod curl-test-<random 0..9999> is run,
// waited for, exec'd into and deleted. The random suffix is not recorded.
void CheckServiceConnectivity(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kRun, {"service_name"}, out)) return;
  const std::string pod = "curl-test-0";
  const std::string ns = NsOrDefault(call.args);
  Run({"kubectl", "run", pod, "--image=curlimages/curl", "-n", ns, "--restart=Never", "--",
       "sleep", "3600"},
      Verb::kRun, call, out);
  Run({"kubectl", "wait", "--for=condition=ready", "pod/" + pod, "-n", ns}, Verb::kWait, call, out);
  Run({"kubectl", "exec", pod, "-n", ns, "--", "curl", "-s", ArgString(call.args, "service_name")},
      Verb::kExec, call, out);
  Run({"kubectl", "delete", "pod", pod, "-n", ns, "--ignore-not-found"}, Verb::kDelete, call, out);
}

void Local(const ToolCall& call, Interpretation& out) { AddLocal(call, out); }

constexpr ToolSpec kTools[] = {
    {"k8s_get_resources", "kagent", true, &GetResources},
    {"k8s_get_resource_yaml", "kagent", true, &GetResourceYaml},
    {"k8s_describe_resource", "kagent", true, &Describe},
    {"k8s_get_pod_logs", "kagent", true, &PodLogs},
    {"k8s_get_events", "kagent", true, &Events},
    {"k8s_get_available_api_resources", "kagent", true, &ApiResources},
    {"k8s_get_cluster_configuration", "kagent", true, &ClusterConfiguration},
    {"k8s_generate_resource", "kagent", true, &Local},
    {"k8s_wait", "kagent", true, &Wait},
    {"k8s_scale", "kagent", false, &Scale},
    {"k8s_patch_resource", "kagent", false, &Patch},
    {"k8s_patch_status", "kagent", false, &PatchStatus},
    {"k8s_apply_manifest", "kagent", false, &ApplyManifest},
    {"k8s_create_resource", "kagent", false, &CreateResource},
    {"k8s_create_resource_from_url", "kagent", false, &CreateFromUrl},
    {"k8s_delete_resource", "kagent", false, &Delete},
    {"k8s_rollout", "kagent", false, &Rollout},
    {"k8s_label_resource", "kagent", false, &Label},
    {"k8s_annotate_resource", "kagent", false, &Annotate},
    {"k8s_remove_label", "kagent", false, &RemoveLabel},
    {"k8s_remove_annotation", "kagent", false, &RemoveAnnotation},
    {"k8s_execute_command", "kagent", false, &ExecuteCommand},
    {"k8s_check_service_connectivity", "kagent", false, &CheckServiceConnectivity},
};

}  // namespace

absl::Span<const ToolSpec> KagentTools() { return kTools; }

}  // namespace kreplay
