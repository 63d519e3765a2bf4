#include "replay/vocab/flux159_common.h"

#include <array>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "replay/vocab/args.h"
#include "replay/vocab/tables.h"

namespace kreplay {
namespace {

using Argv = std::vector<std::string>;

// src/tools/kubectl-get.ts isNonNamespacedResource.
constexpr std::array<absl::string_view, 15> kClusterScoped = {
    "nodes", "node", "no", "namespaces", "namespace", "ns", "persistentvolumes",
    "pv", "storageclasses", "sc", "clusterroles", "clusterrolebindings",
    "customresourcedefinitions", "crd", "crds"};

// kubectl_create's subcommand arguments (src/tools/kubectl-create.ts).
void AddCreateSubcommand(const Json& args, const std::string& type, Argv& argv) {
  std::string name = ArgString(args, "name");
  if (type == "secret") {
    argv.insert(argv.end(), {"secret", ArgString(args, "secretType", "generic"), name});
  } else if (type == "service") {
    argv.insert(argv.end(), {"service", ArgString(args, "serviceType", "clusterip"), name});
  } else {
    argv.insert(argv.end(), {type, name});
  }
  for (const std::string& literal : ArgStrings(args, "fromLiteral")) {
    argv.push_back("--from-literal=" + literal);
  }
  for (const std::string& file : ArgStrings(args, "fromFile")) argv.push_back("--from-file=" + file);
  // Inline file content lands in the object exactly as a literal would.
  if (args.contains("fromFileContent") && args["fromFileContent"].is_array()) {
    for (const Json& entry : args["fromFileContent"]) {
      argv.push_back(absl::StrCat("--from-literal=", GetString(entry, "key"), "=",
                                  GetString(entry, "content")));
    }
  }
  for (const std::string& port : ArgStrings(args, "tcpPort")) argv.push_back("--tcp=" + port);
  AddFlag(argv, "--image", ArgString(args, "image"));
  if (type == "deployment") AddFlag(argv, "--replicas", ArgString(args, "replicas"));
  if (type == "deployment") AddFlag(argv, "--port", ArgString(args, "port"));
  if (type == "cronjob") AddFlag(argv, "--schedule", ArgString(args, "schedule"));
}

Operation HelmOp(Verb verb, const ToolCall& call) {
  Operation op = TargetOp(verb, "", FluxNamespace(call.args), "", call);
  op.names.push_back(ArgString(call.args, "name"));
  if (std::string chart = ArgString(call.args, "chart"); !chart.empty()) op.args.push_back(chart);
  if (const Json* values = Find(call.args, "values"); values && values->is_object()) {
    op.flags["values"] = Compact(*values);
  }
  if (std::string file = ArgString(call.args, "valuesFile"); !file.empty()) {
    op.flags["values-file"] = file;
    op.problem = absl::StrCat("values file ", file, " is not recorded");
  }
  if (std::string repo = ArgString(call.args, "repo"); !repo.empty()) op.flags["repo"] = repo;
  return op;
}

}  // namespace

std::string FluxNamespace(const Json& args) {
  return ArgString(args, "namespace", "default");
}

bool FluxClusterScoped(const std::string& resource_type) {
  std::string lower = absl::AsciiStrToLower(resource_type);
  for (absl::string_view scoped : kClusterScoped) {
    if (lower == scoped) return true;
  }
  return false;
}

void AddFluxScope(Argv& argv, const Json& args, const std::string& resource_type) {
  if (ArgBool(args, "allNamespaces", false)) {
    argv.push_back("--all-namespaces");
  } else if (!FluxClusterScoped(resource_type)) {
    argv.insert(argv.end(), {"-n", FluxNamespace(args)});
  }
}

std::vector<std::string> FluxCommandWords(const Json& args) {
  const Json* command = Find(args, "command");
  if (command != nullptr && command->is_array()) return ArgStrings(args, "command");
  return absl::StrSplit(ArgString(args, "command"), absl::ByAnyChar(" \t\n"),
                        absl::SkipEmpty());
}

Argv FluxGenericArgv(const Json& args) {
  Argv argv = {"kubectl", ArgString(args, "command")};
  for (const char* key : {"subCommand", "resourceType", "name"}) {
    if (std::string word = ArgString(args, key); !word.empty()) argv.push_back(word);
  }
  if (ArgBool(args, "allNamespaces", false)) {
    argv.push_back("--all-namespaces");
  } else {
    AddFlag(argv, "--namespace", ArgString(args, "namespace"));
  }
  AddFlag(argv, "--output", ArgString(args, "outputFormat"));
  if (const Json* flags = Find(args, "flags"); flags && flags->is_object()) {
    for (const auto& [key, value] : flags->items()) {
      if (value.is_boolean() && value.get<bool>()) argv.push_back("--" + key);
      if (value.is_string()) argv.push_back(absl::StrCat("--", key, "=", value.get<std::string>()));
      if (value.is_number()) argv.push_back(absl::StrCat("--", key, "=", value.dump()));
    }
  }
  for (const std::string& word : ArgStrings(args, "args")) argv.push_back(word);
  return argv;
}

void FluxKubectlCreate(const ToolCall& call, Interpretation& out) {
  const Json& args = call.args;
  std::string manifest = ArgString(args, "manifest");
  std::string filename = ArgString(args, "filename");
  std::string type = absl::AsciiStrToLower(ArgString(args, "resourceType"));
  if (manifest.empty() && filename.empty() &&
      !HasRequired(call, Verb::kCreate, {"resourceType"}, out)) {
    return;
  }
  Argv argv = {"kubectl", "create"};
  std::optional<std::string> stdin_text;
  if (!manifest.empty() || !filename.empty()) {
    argv.insert(argv.end(), {"-f", manifest.empty() ? filename : "-"});
    if (!manifest.empty()) stdin_text = manifest;
  } else {
    AddCreateSubcommand(args, type, argv);
  }
  if (type != "namespace") argv.insert(argv.end(), {"-n", FluxNamespace(args)});
  for (const std::string& label : ArgStrings(args, "labels")) argv.insert(argv.end(), {"-l", label});
  for (const std::string& note : ArgStrings(args, "annotations")) argv.push_back("--annotation=" + note);
  AddSwitch(argv, "--dry-run=client", ArgBool(args, "dryRun", false));
  if (type == "cronjob") AddSwitch(argv, "--suspend", ArgBool(args, "suspend", false));
  std::vector<std::string> command = ArgStrings(args, "command");
  if (!command.empty() && (type == "job" || type == "cronjob")) {
    argv.push_back("--");
    argv.insert(argv.end(), command.begin(), command.end());
  }
  AddKubectl(argv, stdin_text, Verb::kCreate, call, out);
}

void FluxHelmInstall(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kHelmInstall, {"name", "chart"}, out)) return;
  Operation op = HelmOp(Verb::kHelmInstall, call);
  if (ArgBool(call.args, "createNamespace", true)) op.flags["create-namespace"] = "true";
  if (ArgBool(call.args, "useTemplate", false)) op.flags["use-template"] = "true";
  out.operations.push_back(std::move(op));
}

void FluxHelmUpgrade(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kHelmUpgrade, {"name", "chart"}, out)) return;
  out.operations.push_back(HelmOp(Verb::kHelmUpgrade, call));
}

void FluxHelmUninstall(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kHelmUninstall, {"name"}, out)) return;
  out.operations.push_back(HelmOp(Verb::kHelmUninstall, call));
}

absl::Span<const ToolSpec> Flux159Tools() {
  static const std::vector<ToolSpec>* kAll = [] {
    auto* all = new std::vector<ToolSpec>();
    for (const ToolSpec& spec : Flux159CurrentTools()) all->push_back(spec);
    for (const ToolSpec& spec : Flux159LegacyTools()) all->push_back(spec);
    return all;
  }();
  return *kAll;
}

}  // namespace kreplay
