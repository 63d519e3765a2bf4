// The simulator's limits: how many pods kreplay's controllers create.
//
// The API server accepts any non-negative replica count, and a real
// cluster's scheduler and quotas bound what follows. kreplay has neither,
// and its controllers create every pod in memory, so an unbounded count
// (a `kubectl scale --replicas=100000000` in a ledger, a fixture
// Deployment with 1e8 replicas) would not end. These bounds make such a
// step a simulator error that names the workload instead of a hang
// (sim/controller.h: Reconcile returns it; a replay reports it as the
// step's problem, a fixture as its error). docs/limits.md, "Fixtures,
// simulator and patches", lists them with the errors they give.
#ifndef KREPLAY_SIM_LIMITS_H_
#define KREPLAY_SIM_LIMITS_H_

#include <cstdint>

namespace kreplay {

// Pods one ReplicaSet may own at a time: a hundred times the largest
// workload of the benchmarks' synthetic clusters (10 pods per Deployment;
// the bundled fixtures run 2), with room for a rollout's surge.
inline constexpr int64_t kMaxPodsPerWorkload = 1000;

// Pods in the whole simulated cluster: the kubelet's default maxPods (110
// per node) times the ~90 nodes of a mid-size cluster, rounded; a replay
// step stays interactive (about a second of controller work) at this size.
inline constexpr int64_t kMaxPodsPerCluster = 10000;

}  // namespace kreplay

#endif  // KREPLAY_SIM_LIMITS_H_
