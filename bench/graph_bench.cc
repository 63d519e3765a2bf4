// Benchmark of the dependency graph (issue 5): on a generated cluster of
// 50,000 objects, how long the graph takes to build, and how long reaching
// everything exposed to a ConfigMap mounted by 1,000 pods takes (target:
// under 50 ms). Figures and the command are in docs/benchmarks.md.
//
//   kreplay_graph_bench [objects] [shared_config_pods] [runs]
//
// A benchmark, not a test: it reads the steady clock and prints timings.
#include <algorithm>
#include <cstdlib>
#include <vector>

#include "absl/strings/str_format.h"
#include "bench/bench_timing.h"
#include "bench/synthetic_cluster.h"
#include "model/dependency_graph.h"

namespace kreplay {
namespace {

size_t CountKind(const std::vector<Reached>& reached, absl::string_view kind) {
  return std::count_if(reached.begin(), reached.end(),
                       [&](const Reached& r) { return r.key.kind == kind; });
}

int Run(const SyntheticClusterOptions& options, int runs) {
  ObjectStore store;
  Report("generate cluster", Measure(1, [&] { store = GenerateSyntheticCluster(options); }), 1);
  Report("extract edges (part of build)", Measure(runs, [&] { ExtractGraph(store); }), runs);
  DependencyGraph graph = DependencyGraph::Build(store);
  Report("build graph", Measure(runs, [&] { graph = DependencyGraph::Build(store); }), runs);
  size_t missing = std::count_if(graph.nodes().begin(), graph.nodes().end(),
                                 [](const GraphNode& n) { return n.missing; });
  absl::PrintF("graph: %d objects, %d vertices (%d missing), %d edges, %d problems\n",
               store.size(), graph.nodes().size(), missing, graph.edge_count(),
               graph.problems().size());

  std::vector<Reached> reached;
  Timing reach = Measure(runs * 4, [&] {
    reached = graph.Reach({kSharedConfigKey}, Direction::kReverse);
  });
  Report("reach (reverse) from shared-config", reach, runs * 4);
  size_t depth = reached.empty() ? 0 : reached.back().depth();
  absl::PrintF("  reached %d objects (%d Pods, %d ReplicaSets, %d Deployments), depth %d\n",
               reached.size(), CountKind(reached, "Pod"), CountKind(reached, "ReplicaSet"),
               CountKind(reached, "Deployment"), depth);
  Report("dependents of shared-config", Measure(runs * 4, [&] {
           graph.Dependents(kSharedConfigKey);
         }), runs * 4);
  bool met = reach.median_ms < 50;
  absl::PrintF("target: reach under 50 ms: %s\n", met ? "met" : "NOT met");
  return met ? 0 : 1;
}

}  // namespace
}  // namespace kreplay

int main(int argc, char** argv) {
  int runs = 5;
  kreplay::SyntheticClusterOptions options = kreplay::SyntheticClusterArgs(argc, argv, &runs);
  return kreplay::Run(options, runs);
}
