// kubectl commands whose resource arguments are followed by `KEY=VALUE` /
// `KEY-` pairs (label, annotate, set image, set env, set resources, taint):
// their builders and the hooks that read the pairs into the verb's payload.
#ifndef KREPLAY_REPLAY_KUBECTL_PAIR_BUILDERS_H_
#define KREPLAY_REPLAY_KUBECTL_PAIR_BUILDERS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "replay/exec/operation.h"
#include "replay/kubectl/call.h"
#include "replay/kubectl/command.h"

namespace kreplay {

// Builders: usage errors as in target_builders.h.
// Resource arguments followed by `KEY=VALUE` / `KEY-` pairs (label,
// annotate, set image, set env); pairs go to Operation::pairs.
absl::StatusOr<std::vector<Operation>> BuildPairs(const KubectlCall& call,
                                                  const KubectlCommand& row);
// taint: `node NAME... KEY[=VALUE]:EFFECT[-]...`.
absl::StatusOr<std::vector<Operation>> BuildTaint(const KubectlCall& call,
                                                  const KubectlCommand& row);
// Hooks: read the pairs into the Operations built, or refuse.
absl::Status LabelHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status SetImageHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status SetEnvHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status SetResourcesHook(const KubectlCall& call, std::vector<Operation>& ops);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_KUBECTL_PAIR_BUILDERS_H_
