#include "sim/controller.h"

#include <cstdint>
#include <iterator>
#include <optional>

#include "absl/strings/str_cat.h"
#include "sim/resource_quota.h"
#include "sim/scheduler.h"

namespace kreplay {
namespace {

// SyncScheduler is declared in sim/scheduler.h, SyncResourceQuotas in
// sim/resource_quota.h (resource_quota_controller.cc), the others in
// sim/controller.h.
constexpr Controller kControllers[] = {
    {"namespace-controller", &SyncNamespaces},
    {"garbage-collector", &SyncGarbageCollector},
    {"deployment-controller", &SyncDeployments},
    {"replicaset-controller", &SyncReplicaSets},
    {"default-scheduler", &SyncScheduler},
    {"kubelet", &SyncKubelet},
    {"endpoints-controller", &SyncEndpoints},
    {"resourcequota-controller", &SyncResourceQuotas},
};

// Generous: a rollout of N replicas settles in about N passes.
constexpr int kMaxPasses = 10000;

// A controller is a deterministic function of the cluster's state: one that
// wrote nothing and returned false on the current state would do so again,
// so Idle skips it (the fixpoint's last pass mostly re-checks such states).
class Idle {
 public:
  bool Skip(size_t i, const Cluster& cluster) const {
    return idle_at_[i] && *idle_at_[i] == cluster.writes();
  }
  void Ran(size_t i, uint64_t writes_before, bool wrote, const Cluster& cluster) {
    if (!wrote && writes_before == cluster.writes()) {
      idle_at_[i] = writes_before;
    } else {
      idle_at_[i].reset();
    }
  }

 private:
  std::optional<uint64_t> idle_at_[std::size(kControllers)];
};

}  // namespace

absl::Status IgnoreGone(absl::Status status) {
  return absl::IsNotFound(status) ? absl::OkStatus() : status;
}

absl::Status IgnoreTerminating(absl::Status status) {
  return absl::IsFailedPrecondition(status) ? absl::OkStatus() : status;
}

absl::Status Reconcile(Cluster& cluster, const World& world) {
  std::string actor = cluster.actor();
  Idle idle;
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    bool wrote = false;
    for (size_t i = 0; i < std::size(kControllers); ++i) {
      if (idle.Skip(i, cluster)) continue;
      cluster.SetActor(kControllers[i].name);
      uint64_t before = cluster.writes();
      absl::StatusOr<bool> synced = kControllers[i].sync(cluster, world);
      if (!synced.ok()) {
        cluster.SetActor(actor);
        return absl::Status(synced.status().code(),
                            absl::StrCat(kControllers[i].name, ": ", synced.status().message()));
      }
      bool controller_wrote = *synced;
      idle.Ran(i, before, controller_wrote, cluster);
      wrote |= controller_wrote;
    }
    if (!wrote) {
      cluster.SetActor(actor);
      return absl::OkStatus();
    }
  }
  cluster.SetActor(actor);
  return absl::InternalError(
      absl::StrCat("controllers did not settle after ", kMaxPasses, " passes"));
}

}  // namespace kreplay
