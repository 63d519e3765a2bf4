#include "replay/kubectl/generators.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "model/status_macros.h"
#include "replay/kubectl/flag_fields.h"
#include "replay/kubectl/target_builders.h"

namespace kreplay {
namespace {

struct GeneratorSpec {
  const char* command;
  const char* resource;  // what Operation::resource records
  GeneratorFn generate;  // nullptr: kubectl has it, kreplay does not model it
};

constexpr GeneratorSpec kGenerators[] = {
    {"create deployment", "deployment", GenerateDeployment},
    {"create job", "job", GenerateJob},
    {"create cronjob", "cronjob", GenerateCronJob},
    {"run", "pod", GeneratePod},
    {"create configmap", "configmap", GenerateConfigMap},
    {"create secret generic", "secret", GenerateSecretGeneric},
    {"create secret tls", "secret", GenerateSecretTls},
    {"create secret docker-registry", "secret", GenerateSecretDockerRegistry},
    {"create namespace", "namespace", GenerateNamespace},
    {"create serviceaccount", "serviceaccount", GenerateServiceAccount},
    {"create service clusterip", "service", GenerateServiceClusterIp},
    {"create service nodeport", "service", GenerateServiceNodePort},
    {"create service loadbalancer", "service", GenerateServiceLoadBalancer},
    {"create service externalname", "service", GenerateServiceExternalName},
    {"create role", "role", GenerateRole},
    {"create clusterrole", "clusterrole", GenerateClusterRole},
    {"create rolebinding", "rolebinding", GenerateRoleBinding},
    {"create clusterrolebinding", "clusterrolebinding", GenerateClusterRoleBinding},
    {"create ingress", "ingress", nullptr},
    {"create poddisruptionbudget", "poddisruptionbudget", nullptr},
    {"create priorityclass", "priorityclass", nullptr},
    {"create quota", "resourcequota", nullptr},
};

const GeneratorSpec* FindGenerator(absl::string_view command) {
  for (const GeneratorSpec& spec : kGenerators) {
    if (spec.command == command) return &spec;
  }
  return nullptr;
}

// NameFromCommandArgs: exactly one NAME before `--`; `run` also takes the
// words after NAME as the container's arguments.
absl::Status SplitName(const KubectlCall& call, std::string& name,
                       std::vector<std::string>& command) {
  const std::vector<std::string>& words = call.args.positionals;
  bool run = call.args.command == "run";
  if (words.empty() || (!run && words.size() != 1)) {
    return UsageError(call, absl::StrCat("exactly one NAME is required, got ", words.size()));
  }
  name = words[0];
  command.assign(words.begin() + 1, words.end());
  command.insert(command.end(), call.args.after_dash.begin(), call.args.after_dash.end());
  return absl::OkStatus();
}

}  // namespace

Json GeneratedMetadata(const GeneratorInput& in, bool namespaced) {
  Json metadata = {{"name", in.name}, {"creationTimestamp", nullptr}};
  if (namespaced && in.op.ns_explicit) metadata["namespace"] = in.op.ns;
  return metadata;
}

Json NewObject(absl::string_view api_version, absl::string_view kind, Json metadata) {
  return {{"apiVersion", std::string(api_version)},
          {"kind", std::string(kind)},
          {"metadata", std::move(metadata)}};
}

absl::StatusOr<Json> ParseKeyValueList(const GeneratorInput& in, absl::string_view flag,
                                       const std::vector<std::string>& items) {
  Json map = Json::object();
  for (const std::string& item : items) {
    size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      return UsageError(in.call, absl::StrCat("invalid --", flag, " item \"", item,
                                              "\" (expected KEY=VALUE)"));
    }
    map[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return map;
}

absl::StatusOr<int64_t> IntFlagOr(const GeneratorInput& in, absl::string_view flag,
                                  int64_t fallback) {
  const std::string* value = in.call.args.Last(flag);
  if (value == nullptr) return fallback;
  return ParseIntFlag(absl::StrCat("--", flag), *value);
}

absl::StatusOr<std::vector<Operation>> BuildGenerated(const KubectlCall& call,
                                                      const KubectlCommand& row) {
  const GeneratorSpec* spec = FindGenerator(call.args.command);
  if (spec == nullptr) {
    return absl::InternalError(absl::StrCat("no generator for kubectl ", call.args.command));
  }
  std::string name;
  std::vector<std::string> command;
  KREPLAY_RETURN_IF_ERROR(SplitName(call, name, command));
  KREPLAY_ASSIGN_OR_RETURN(Operation op, BaseOperation(call, row));
  op.resource = spec->resource;
  op.kind = KindOfResource(spec->resource);
  op.names = {name};
  if (spec->generate == nullptr) {
    AddProblem(op, absl::StrCat("kubectl ", spec->command, ": generator not modelled"));
    return std::vector<Operation>{std::move(op)};
  }
  KREPLAY_ASSIGN_OR_RETURN(Generated generated,
                           spec->generate(GeneratorInput{call, name, command, op}));
  if (generated.manifest.has_value()) {
    op.kind = GetString(*generated.manifest, "kind");
    op.manifests = {std::move(*generated.manifest)};
  }
  AddProblem(op, generated.problem);
  return std::vector<Operation>{std::move(op)};
}

}  // namespace kreplay
