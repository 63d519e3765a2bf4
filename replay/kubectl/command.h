// One row of kubectl's command table: for a command path, the verb it is,
// the builder that reads its objects, what it requires of its arguments and
// the hook that reads its payload.
//
// The table itself is in kubectl/parser.cc. Builders (target_builders.h,
// pair_builders.h, generators.h) know kubectl's argument conventions; hooks
// (payload_hooks.h, pair_builders.h, service_generators.h) read a verb's
// payload. None of them knows what a verb does to the cluster.
#ifndef KREPLAY_REPLAY_KUBECTL_COMMAND_H_
#define KREPLAY_REPLAY_KUBECTL_COMMAND_H_

#include <vector>

#include "absl/status/statusor.h"
#include "replay/exec/operation.h"
#include "replay/kubectl/call.h"

namespace kreplay {

struct KubectlCommand;

using OpsBuilder = absl::StatusOr<std::vector<Operation>> (*)(const KubectlCall& call,
                                                              const KubectlCommand& row);
using OpsHook = absl::Status (*)(const KubectlCall& call, std::vector<Operation>& ops);

// What a command requires of its object arguments (else a usage error).
enum class Need {
  kNothing,  // `kubectl rollout restart deployment` without names is fine
  kType,     // at least a TYPE or -f (`kubectl get`)
  kName,     // a NAME, -l, --field-selector or --all per TYPE (`kubectl delete`)
};

// One command path: its verb, builder, requirements and payload hook.
struct KubectlCommand {
  const char* command;
  Verb verb;
  OpsBuilder build;
  Need need = Need::kNothing;
  OpsHook hook = nullptr;
  const char* implied = nullptr;  // resource type the command implies ("nodes")
  const char* problem = nullptr;  // why the command cannot be interpreted
};

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_KUBECTL_COMMAND_H_
