// A deterministic synthetic cluster for benchmarks: realistic object shapes
// (Deployment -> ReplicaSet -> Pods with owner references, Services, PDBs,
// HPAs, NetworkPolicies, Ingresses, RBAC, config objects) at any size, and
// one ConfigMap, `ConfigMap/bench/shared-config`, mounted by a chosen number
// of pods and their templates: the worst case for a blast-radius query.
//
// Same options, same objects: names and uids derive from counters, never
// from a clock or a random source.
#ifndef KREPLAY_BENCH_SYNTHETIC_CLUSTER_H_
#define KREPLAY_BENCH_SYNTHETIC_CLUSTER_H_

#include "model/object_key.h"
#include "model/object_store.h"

namespace kreplay {

struct SyntheticClusterOptions {
  int objects = 50000;            // exact size of the store
  int shared_config_pods = 1000;  // pods in namespace bench mounting shared-config
  int replicas = 10;              // pods per Deployment
  int apps_per_namespace = 100;
};

inline const ObjectKey kSharedConfigKey{"ConfigMap", "bench", "shared-config"};

// REQUIRES: options.objects is large enough for the shared-config apps
// (about 18 objects per `replicas` pods).
ObjectStore GenerateSyntheticCluster(const SyntheticClusterOptions& options);

// The benchmarks' command line `[objects] [shared_config_pods] [runs]`:
// the options, and `*runs` (at least 1) when given.
SyntheticClusterOptions SyntheticClusterArgs(int argc, char** argv, int* runs);

}  // namespace kreplay

#endif  // KREPLAY_BENCH_SYNTHETIC_CLUSTER_H_
