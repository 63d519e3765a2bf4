// The builders of kubectl commands that name objects by resource arguments,
// manifests or one pod (get, delete, rollout, create -f, exec, logs, cp,
// auth can-i, ...), and the Operation every builder starts from.
#ifndef KREPLAY_REPLAY_KUBECTL_TARGET_BUILDERS_H_
#define KREPLAY_REPLAY_KUBECTL_TARGET_BUILDERS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "replay/exec/operation.h"
#include "replay/kubectl/call.h"
#include "replay/kubectl/command.h"

namespace kreplay {

// An Operation of row.verb carrying the flags of `call` (and row.problem).
// Errors: as ApplyFlagFields.
absl::StatusOr<Operation> BaseOperation(const KubectlCall& call, const KubectlCommand& row);

// Builders. Each returns at least one Operation, or a usage error
// (InvalidArgument, "kubectl <command>: ...") when kubectl would refuse the
// arguments before contacting the server.
//
// Objects from resource arguments and/or -f (get, delete, rollout, ...).
absl::StatusOr<std::vector<Operation>> BuildTargets(const KubectlCall& call,
                                                    const KubectlCommand& row);
// Objects only from -f/-k (create, apply, replace, diff).
absl::StatusOr<std::vector<Operation>> BuildFiles(const KubectlCall& call,
                                                  const KubectlCommand& row);
// No object (version, api-resources, events, config view, ...).
absl::StatusOr<std::vector<Operation>> BuildNoTarget(const KubectlCall& call,
                                                     const KubectlCommand& row);
// One pod, `POD` or `TYPE/NAME`, then command or ports (exec, attach,
// port-forward, debug).
absl::StatusOr<std::vector<Operation>> BuildPodTarget(const KubectlCall& call,
                                                      const KubectlCommand& row);
// logs: `POD [CONTAINER]`, `TYPE/NAME` or -l.
absl::StatusOr<std::vector<Operation>> BuildLogs(const KubectlCall& call,
                                                 const KubectlCommand& row);
// explain: `TYPE[.field.path]`.
absl::StatusOr<std::vector<Operation>> BuildExplain(const KubectlCall& call,
                                                    const KubectlCommand& row);
// auth can-i: `VERB [TYPE | TYPE/NAME | /url]` or --list.
absl::StatusOr<std::vector<Operation>> BuildAuthCanI(const KubectlCall& call,
                                                     const KubectlCommand& row);
// cp: `[NS/]POD:PATH LOCAL` or `LOCAL [NS/]POD:PATH`.
absl::StatusOr<std::vector<Operation>> BuildCp(const KubectlCall& call, const KubectlCommand& row);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_KUBECTL_TARGET_BUILDERS_H_
