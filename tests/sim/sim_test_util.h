// Shared set-up for simulator tests: a cluster built from inline YAML.
#ifndef KREPLAY_TESTS_SIM_SIM_TEST_UTIL_H_
#define KREPLAY_TESTS_SIM_SIM_TEST_UTIL_H_

#include <string>

#include "model/json.h"
#include "sim/cluster.h"
#include "sim/world.h"

namespace kreplay {

// A world with nginx:1.27 (listens on 80) and nginx:1.27-alpine (listens on
// 80; a mounted /etc/nginx/nginx.conf must contain "listen 80;").
World TestWorld();

// Creates every object of the YAML stream, the default node when the stream
// has no Node (sim/node.h), and reconciles. REQUIREs success.
Cluster ClusterFrom(const std::string& yaml, const World& world);

// Pods of `ns` whose name starts with `prefix`.
int CountPods(const Cluster& cluster, const std::string& ns, const std::string& prefix);
int CountReadyPods(const Cluster& cluster, const std::string& ns, const std::string& prefix);

}  // namespace kreplay

#endif  // KREPLAY_TESTS_SIM_SIM_TEST_UTIL_H_
