// Benchmark of a step's blast radius (issue 5): on a generated cluster of
// 50,000 objects, a step that rewrites ConfigMap/bench/shared-config, which
// 1,000 running pods (and their 100 Deployments' templates) mount. Times
// ComputeStepBlastRadius, the whole per-step analysis the replayer runs:
// the graphs of the states before and after the step, edge paths, exposed
// members, and the latent check of each ready consumer (the kubelet start
// model on the new state). Target: under 50 ms. Figures and the command are
// in docs/benchmarks.md.
//
//   kreplay_blast_bench [objects] [shared_config_pods] [runs]
//
// A benchmark, not a test: it reads the steady clock and prints timings.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <vector>

#include "absl/strings/str_format.h"
#include "bench/bench_timing.h"
#include "bench/synthetic_cluster.h"
#include "replay/run/step_blast.h"
#include "replay/run/step_effect.h"

namespace kreplay {
namespace {

// Every pod Running and Ready, as the kubelet would have them: only ready
// pods are checked for latent breakage.
void MarkPodsReady(ObjectStore& store) {
  std::vector<Json> pods;
  for (const Json* pod : store.List("Pod")) pods.push_back(*pod);
  for (Json& pod : pods) {
    pod["status"] = {{"phase", "Running"},
                     {"conditions", Json::array({Json{{"type", "Ready"}, {"status", "True"}}})}};
    store.Put(std::move(pod));
  }
}

// Every image of the cluster exists and starts without conditions.
World AllImagesStart(const ObjectStore& store) {
  World world;
  for (const Json* pod : store.List("Pod")) {
    for (const Json& c : (*pod)["spec"]["containers"]) world.images[GetString(c, "image")] = {};
  }
  return world;
}

size_t CountTier(const std::vector<BlastMember>& members, Tier tier) {
  return std::count_if(members.begin(), members.end(),
                       [&](const BlastMember& m) { return m.tier == tier; });
}

int Run(const SyntheticClusterOptions& options, int runs) {
  ObjectStore store = GenerateSyntheticCluster(options);
  MarkPodsReady(store);
  World world = AllImagesStart(store);
  // The step: the agent patches shared-config.
  ObjectPtr before = store.GetShared(kSharedConfigKey);
  Json patched = *before;
  patched["data"]["mode"] = "slow";
  store.Put(patched);
  std::vector<Change> journal{{kSharedConfigKey, before, store.GetShared(kSharedConfigKey), "agent"}};
  StepReport step;
  step.index = 1;
  step.effect = EffectOf(journal);
  OperationReport op;
  op.targets = {kSharedConfigKey};
  step.operations.push_back(op);

  std::vector<BlastMember> radius;
  Timing t = Measure(runs, [&] { radius = ComputeStepBlastRadius(step, journal, store, world); });
  Report("step blast radius (shared-config)", t, runs);
  absl::PrintF("cluster: %d objects; radius: %d members (%d changed, %d exposed, %d latent)\n",
               store.size(), radius.size(), CountTier(radius, Tier::kChanged),
               CountTier(radius, Tier::kExposed), CountTier(radius, Tier::kLatent));
  bool met = t.median_ms < 50;
  absl::PrintF("target: under 50 ms: %s\n", met ? "met" : "NOT met");
  return met ? 0 : 1;
}

}  // namespace
}  // namespace kreplay

int main(int argc, char** argv) {
  int runs = 5;
  kreplay::SyntheticClusterOptions options = kreplay::SyntheticClusterArgs(argc, argv, &runs);
  return kreplay::Run(options, runs);
}
