#include "tests/replay/run/checked_replay.h"

#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "sim/cluster.h"
#include "sim/invariants.h"

namespace kreplay {
namespace {

struct Observed {
  int index;
  Cluster cluster;  // a copy: cheap, objects are shared
  std::vector<Change> journal;
};

void CheckOne(const Fixture& fixture, const Ledger& ledger, int index, absl::Status status) {
  CHECK_MESSAGE(status.ok(), "invariant broken: fixture " << fixture.name << ", ledger "
                                 << ledger.source << ", step " << index << ": "
                                 << std::string(status.message()));
}

}  // namespace

absl::StatusOr<ReplayResult> ReplayChecked(const Fixture& fixture, const Ledger& ledger,
                                           ChaosAfterLastCall chaos) {
  std::vector<Observed> steps;
  StepObserver observe = [&steps](const StepObservation& step) {
    steps.push_back(Observed{step.index, step.cluster, step.journal});
  };
  absl::StatusOr<ReplayResult> result = Replay(fixture, ledger, chaos, observe);
  if (!result.ok()) return result;
  CHECK(steps.size() == result->steps.size());
  CheckOne(fixture, ledger, 0, CheckInvariants(result->start));
  const Cluster* before = &result->start;
  for (const Observed& step : steps) {
    CheckOne(fixture, ledger, step.index,
             CheckStepInvariants(*before, step.cluster, &step.journal));
    before = &step.cluster;
  }
  // The chaos left for the end has no journal here.
  CheckOne(fixture, ledger, static_cast<int>(steps.size()) + 1,
           CheckStepInvariants(*before, result->end, nullptr));
  return result;
}

}  // namespace kreplay
