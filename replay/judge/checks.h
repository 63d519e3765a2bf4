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
  bool skipped = false;  // its only_if check did not pass: not applied, counts as passed
  CheckFailure when_failed = CheckFailure::kFail;  // kIncomplete: a failure is an evaluator fault
};

// Runs every check of `fixture` on `cluster`, in the fixture's order. A
// check whose `only_if` check (listed above it) did not pass is skipped.
std::vector<CheckResult> RunChecks(const Fixture& fixture, const Cluster& cluster);

// The check types RunChecks evaluates, sorted (the same as
// FixtureCheckTypes(), which the loader accepts).
std::vector<std::string> JudgeCheckTypes();

// Glob match (`*` and `?`) of a `Kind/ns/name` pattern against a key.
bool MatchesObject(const std::string& pattern, const ObjectKey& key);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_JUDGE_CHECKS_H_
