// The fixture's final-state checks, run on the cluster after the last step.
#ifndef KREPLAY_REPLAY_JUDGE_CHECKS_H_
#define KREPLAY_REPLAY_JUDGE_CHECKS_H_

#include <string>
#include <vector>

#include "replay/run/fixture.h"
#include "sim/cluster.h"

namespace kreplay {

struct CheckResult {
  std::string name;
  std::string type;
  bool passed = false;
  std::string message;  // what was observed, "want=... got=..." style on failure
};

// Runs every check of `fixture` on `cluster`, in the fixture's order.
std::vector<CheckResult> RunChecks(const Fixture& fixture, const Cluster& cluster);

// Glob match (`*` and `?`) of a `Kind/ns/name` pattern against a key.
bool MatchesObject(const std::string& pattern, const ObjectKey& key);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_JUDGE_CHECKS_H_
