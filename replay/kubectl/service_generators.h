// `kubectl expose` and `kubectl autoscale`: hooks that build, on the client
// as kubectl does, the Service or HorizontalPodAutoscaler for the object
// named (the `create service` generators are in generators.h).
#ifndef KREPLAY_REPLAY_KUBECTL_SERVICE_GENERATORS_H_
#define KREPLAY_REPLAY_KUBECTL_SERVICE_GENERATORS_H_

#include <vector>

#include "absl/status/status.h"
#include "replay/exec/operation.h"
#include "replay/kubectl/call.h"

namespace kreplay {

absl::Status ExposeHook(const KubectlCall& call, std::vector<Operation>& ops);
absl::Status AutoscaleHook(const KubectlCall& call, std::vector<Operation>& ops);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_KUBECTL_SERVICE_GENERATORS_H_
