// The ways a kubectl command line becomes Operations, one function per
// shape of command line, and the per-verb hooks that read payloads.
//
// kubectl/parser.cc holds the table that says, for every command path,
// which verb it is, which builder reads its objects and which hook reads
// its payload. Builders here know kubectl's argument conventions; they never
// know what a verb does to the cluster.
#ifndef KREPLAY_REPLAY_KUBECTL_BUILDERS_H_
#define KREPLAY_REPLAY_KUBECTL_BUILDERS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "replay/exec/operation.h"
#include "replay/kubectl/call.h"

namespace kreplay {

struct VerbRule;

using OpsBuilder = absl::StatusOr<std::vector<Operation>> (*)(const KubectlCall& call,
                                                              const VerbRule& rule);
using OpsHook = absl::Status (*)(const KubectlCall& call, std::vector<Operation>& ops);

// What a command requires of its object arguments (else a usage error).
enum class Need {
  kNothing,  // `kubectl rollout restart deployment` without names is fine
  kType,     // at least a TYPE or -f (`kubectl get`)
  kName,     // a NAME, -l, --field-selector or --all per TYPE (`kubectl delete`)
};

// One command path: its verb, builder, requirements and payload hook.
struct VerbRule {
  const char* command;
  Verb verb;
  OpsBuilder build;
  Need need = Need::kNothing;
  OpsHook hook = nullptr;
  const char* implied = nullptr;  // resource type the command implies ("nodes")
  const char* problem = nullptr;  // why the command cannot be interpreted
};

// An Operation of rule.verb carrying the flags of `call` (and rule.problem).
// Errors: as ApplyFlagFields.
absl::StatusOr<Operation> BaseOperation(const KubectlCall& call, const VerbRule& rule);

// Builders. Each returns at least one Operation, or a usage error
// (InvalidArgument, "kubectl <command>: ...") when kubectl would refuse the
// arguments before contacting the server.
//
// Objects from resource arguments and/or -f (get, delete, rollout, ...).
absl::StatusOr<std::vector<Operation>> BuildTargets(const KubectlCall& call,
                                                    const VerbRule& rule);
// Objects only from -f/-k (create, apply, replace, diff).
absl::StatusOr<std::vector<Operation>> BuildFiles(const KubectlCall& call, const VerbRule& rule);
// No object (version, api-resources, events, config view, ...).
absl::StatusOr<std::vector<Operation>> BuildNoTarget(const KubectlCall& call,
                                                     const VerbRule& rule);
// One pod, `POD` or `TYPE/NAME`, then command or ports (exec, attach,
// port-forward, debug).
absl::StatusOr<std::vector<Operation>> BuildPodTarget(const KubectlCall& call,
                                                      const VerbRule& rule);
// logs: `POD [CONTAINER]`, `TYPE/NAME` or -l.
absl::StatusOr<std::vector<Operation>> BuildLogs(const KubectlCall& call, const VerbRule& rule);
// explain: `TYPE[.field.path]`.
absl::StatusOr<std::vector<Operation>> BuildExplain(const KubectlCall& call, const VerbRule& rule);
// auth can-i: `VERB [TYPE | TYPE/NAME | /url]` or --list.
absl::StatusOr<std::vector<Operation>> BuildAuthCanI(const KubectlCall& call,
                                                     const VerbRule& rule);
// cp: `[NS/]POD:PATH LOCAL` or `LOCAL [NS/]POD:PATH`.
absl::StatusOr<std::vector<Operation>> BuildCp(const KubectlCall& call, const VerbRule& rule);
// Resource arguments followed by `KEY=VALUE` / `KEY-` pairs (label,
// annotate, set image, set env); pairs go to Operation::pairs.
absl::StatusOr<std::vector<Operation>> BuildPairs(const KubectlCall& call, const VerbRule& rule);
// taint: `node NAME... KEY[=VALUE]:EFFECT[-]...`.
absl::StatusOr<std::vector<Operation>> BuildTaint(const KubectlCall& call, const VerbRule& rule);
// create <generator>: the object kubectl would build (kubectl_generators).
absl::StatusOr<std::vector<Operation>> BuildGenerated(const KubectlCall& call,
                                                      const VerbRule& rule);

// Hooks: read the verb's payload into the Operations built, or refuse.
absl::Status EventsHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status ApplyHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status PatchHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status DeleteHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status ScaleHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status ExecHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status PortForwardHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status LabelHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status SetImageHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status SetEnvHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status SetResourcesHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status ReplaceHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status ExposeHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status AutoscaleHook(const KubectlCall& call, std::vector<Operation>& ops);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_KUBECTL_BUILDERS_H_
