// Waiting reads: `kubectl rollout status` and `kubectl wait` (and the MCP
// tools that map to them) let time pass until their condition holds, or
// until their timeout.
//
// kubectl watches the objects and returns the moment the condition holds;
// a replay has no watch, so the logical clock moves on one second at a
// time, the controllers settling at each (AdvanceTo, sim/clock.h), until
// the condition holds for every target or the timeout is reached. When it
// holds already no time passes. Conditions (upstream kubectl/pkg/cmd/wait,
// kubectl/pkg/polymorphichelpers/rollout_status.go):
// - rollout status of a Deployment: observedGeneration caught up, every
//   replica updated, no old replica left, every updated replica available
//   (DeploymentStatusViewer); other kinds: not modelled, no time passes;
//   `--watch=false` returns at once.
// - wait --for=condition=TYPE[=VALUE]: the target's status condition TYPE
//   (case-insensitive) has status VALUE (default True); --for=delete: the
//   target is gone; other forms (jsonpath, create): no time passes.
// Timeouts: `--timeout` as a Go duration; kubectl's defaults are 30 s for
// wait and none for rollout status, which kreplay bounds at
// kMaxRolloutWait. docs/semantics.md "Time and identity".
#ifndef KREPLAY_REPLAY_RUN_WAITING_READ_H_
#define KREPLAY_REPLAY_RUN_WAITING_READ_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "model/object_key.h"
#include "replay/exec/operation.h"
#include "sim/cluster.h"
#include "sim/world.h"

namespace kreplay {

// How long a `rollout status` without --timeout waits at most.
inline constexpr absl::Duration kMaxRolloutWait = absl::Minutes(10);

// Lets time pass for the waiting read `op` on `targets` (nothing for any
// other operation). Errors: AdvanceTo's (controllers that do not settle).
absl::Status LetTimePass(Cluster& cluster, const World& world, const Operation& op,
                         const std::vector<ObjectKey>& targets);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_WAITING_READ_H_
