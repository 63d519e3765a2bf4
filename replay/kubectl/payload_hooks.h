// The hooks that read a kubectl verb's payload into the Operations its
// builder made (manifests of apply and replace, patch bodies, delete and
// scale options, the command of `kubectl exec`, port-forward ports, event
// filters), or refuse the command with kubectl's usage error.
#ifndef KREPLAY_REPLAY_KUBECTL_PAYLOAD_HOOKS_H_
#define KREPLAY_REPLAY_KUBECTL_PAYLOAD_HOOKS_H_

#include <vector>

#include "absl/status/status.h"
#include "replay/exec/operation.h"
#include "replay/kubectl/call.h"

namespace kreplay {

absl::Status EventsHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status ApplyHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status PatchHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status DeleteHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status ScaleHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status PodCommandHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status PortForwardHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status ReplaceHook(const KubectlCall& call, std::vector<Operation>& ops);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_KUBECTL_PAYLOAD_HOOKS_H_
