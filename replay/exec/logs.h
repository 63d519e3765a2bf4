// The executor's handler for `kubectl logs`: the simulated log lines of a
// pod's containers, from the kubelet's process model
// (sim/container_process.h), as the API server and kubelet would serve them.
//
// `logs POD`, `logs TYPE/NAME` (a workload or Service: kubectl's first pod,
// ready and running before others, then fewer restarts, then older, then by
// name; "Found N pods, using pod/X" noted), `logs -l SELECTOR` (every
// matching pod, `--tail` 10 by default as kubectl does); `-c C`, the
// `kubectl.kubernetes.io/default-container` annotation or the first
// container ("Defaulted container" noted), `--all-containers`, `--tail N`,
// `--previous`, `--prefix`. A crash-looping container serves its last run's
// lines (the kubelet falls back to the terminated container).
#ifndef KREPLAY_REPLAY_EXEC_LOGS_H_
#define KREPLAY_REPLAY_EXEC_LOGS_H_

#include <cstddef>

#include "absl/status/statusor.h"
#include "replay/exec/executor.h"

namespace kreplay {

// Lines one `kubectl logs` returns at most (after --tail).
inline constexpr size_t kMaxLogOutputLines = 200;

// Errors, the API server's: NotFound for a missing pod or workload;
// InvalidArgument (400) for a container not in the pod ("container x is
// not valid for pod web"), a container waiting to start ("container "web"
// in pod "web-1" is waiting to start: trying and failing to pull image"),
// --previous without a previous instance; FailedPrecondition when a
// workload has no pod (kubectl's "timed out waiting for the condition").
absl::StatusOr<ExecResult> ExecLogs(Cluster& cluster, const Operation& op, ExecContext& ctx);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_EXEC_LOGS_H_
