#include "sim/controller.h"

#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

constexpr Controller kControllers[] = {
    {"namespace-controller", &SyncNamespaces},
    {"garbage-collector", &SyncGarbageCollector},
    {"deployment-controller", &SyncDeployments},
    {"replicaset-controller", &SyncReplicaSets},
    {"kubelet", &SyncKubelet},
    {"endpoints-controller", &SyncEndpoints},
};

// Generous: a rollout of N replicas settles in about N passes.
constexpr int kMaxPasses = 10000;

}  // namespace

absl::Status Reconcile(Cluster& cluster, const World& world) {
  std::string actor = cluster.actor();
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    bool wrote = false;
    for (const Controller& controller : kControllers) {
      cluster.SetActor(controller.name);
      wrote |= controller.sync(cluster, world);
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
