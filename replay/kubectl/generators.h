// The objects kubectl builds on the client: `kubectl create <generator>`
// and `kubectl run` (the Service and HorizontalPodAutoscaler of `expose` and
// `autoscale` come from hooks in service_generators.h).
//
// Each generator follows kubectl v1.32's source (staging/src/k8s.io/kubectl/
// pkg/cmd/create/*.go, generate/versioned/run.go) field by field, including
// the empty fields kubectl serialises (`creationTimestamp: null`,
// `resources: {}`, `status: {}`), so that the manifest is the request body
// kubectl would send. docs/kubectl.md lists the deviations (deterministic
// name suffixes, content of local files).
#ifndef KREPLAY_REPLAY_KUBECTL_GENERATORS_H_
#define KREPLAY_REPLAY_KUBECTL_GENERATORS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "model/json.h"
#include "replay/kubectl/call.h"
#include "replay/kubectl/command.h"

namespace kreplay {

struct GeneratorInput {
  const KubectlCall& call;
  std::string name;                  // the NAME argument
  std::vector<std::string> command;  // run: NAME's trailing words; else words after `--`
  const Operation& op;               // flags already read (namespace, dry-run)
};

// What a generator made: the object, or a problem when kubectl would read
// something that was not recorded (a file given to --from-file).
struct Generated {
  std::optional<Json> manifest;
  std::string problem;
};

using GeneratorFn = absl::StatusOr<Generated> (*)(const GeneratorInput& in);

// `metadata` of a generated object: name, `creationTimestamp: null`, and the
// namespace when -n was given to a namespaced kind (kubectl's
// EnforceNamespace).
Json GeneratedMetadata(const GeneratorInput& in, bool namespaced);

// {apiVersion, kind, metadata}.
Json NewObject(absl::string_view api_version, absl::string_view kind, Json metadata);

// `app=<name>`-style maps and kubectl's `k=v,k2=v2` label syntax.
// Errors: InvalidArgument naming `flag` and the malformed item.
absl::StatusOr<Json> ParseKeyValueList(const GeneratorInput& in, absl::string_view flag,
                                       const std::vector<std::string>& items);

// A flag's integer value, or `fallback` when absent.
// Errors: InvalidArgument naming the flag.
absl::StatusOr<int64_t> IntFlagOr(const GeneratorInput& in, absl::string_view flag,
                                  int64_t fallback);

// create <generator>: the object kubectl would build (the table in generators.cc).
absl::StatusOr<std::vector<Operation>> BuildGenerated(const KubectlCall& call,
                                                      const KubectlCommand& row);

// Workloads (kubectl/workload_generators.cc).
absl::StatusOr<Generated> GenerateDeployment(const GeneratorInput& in);
absl::StatusOr<Generated> GenerateJob(const GeneratorInput& in);
absl::StatusOr<Generated> GenerateCronJob(const GeneratorInput& in);
absl::StatusOr<Generated> GeneratePod(const GeneratorInput& in);
// Configuration (kubectl/config_generators.cc).
absl::StatusOr<Generated> GenerateConfigMap(const GeneratorInput& in);
absl::StatusOr<Generated> GenerateSecretGeneric(const GeneratorInput& in);
absl::StatusOr<Generated> GenerateSecretTls(const GeneratorInput& in);
absl::StatusOr<Generated> GenerateSecretDockerRegistry(const GeneratorInput& in);
absl::StatusOr<Generated> GenerateNamespace(const GeneratorInput& in);
absl::StatusOr<Generated> GenerateServiceAccount(const GeneratorInput& in);
// Services (kubectl/service_generators.cc).
absl::StatusOr<Generated> GenerateServiceClusterIp(const GeneratorInput& in);
absl::StatusOr<Generated> GenerateServiceNodePort(const GeneratorInput& in);
absl::StatusOr<Generated> GenerateServiceLoadBalancer(const GeneratorInput& in);
absl::StatusOr<Generated> GenerateServiceExternalName(const GeneratorInput& in);
// RBAC (kubectl/rbac_generators.cc).
absl::StatusOr<Generated> GenerateRole(const GeneratorInput& in);
absl::StatusOr<Generated> GenerateClusterRole(const GeneratorInput& in);
absl::StatusOr<Generated> GenerateRoleBinding(const GeneratorInput& in);
absl::StatusOr<Generated> GenerateClusterRoleBinding(const GeneratorInput& in);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_KUBECTL_GENERATORS_H_
