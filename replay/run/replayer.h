// The replayer: rebuilds the fixture's cluster, then replays every ledger
// call against it in recorded order, reconciling controllers after each
// mutation, honouring recorded outcomes and noting divergences.
#ifndef KREPLAY_REPLAY_RUN_REPLAYER_H_
#define KREPLAY_REPLAY_RUN_REPLAYER_H_

#include <functional>
#include <vector>

#include "absl/status/statusor.h"
#include "replay/ledger/ledger.h"
#include "replay/run/fixture.h"
#include "replay/run/replay_result.h"
#include "sim/cluster.h"

namespace kreplay {

// What happens to the fixture's chaos events scheduled after the last call:
// a whole run settles them (the run's end state includes them); a cut of a
// run (the state after step N) leaves them out.
enum class ChaosAfterLastCall { kApply, kSkip };

// One ledger step as an observer sees it, after the step's writes and the
// controllers have settled: the cluster the step left (an attempt-only step
// leaves it as it was) and every write journaled since the previous step,
// the chaos fired before the call included.
struct StepObservation {
  int index;  // as StepReport::index
  const Cluster& cluster;
  const std::vector<Change>& journal;
};

// Called once per step, in order (tests check invariants with it,
// sim/invariants.h). An empty observer costs nothing; none changes the replay.
using StepObserver = std::function<void(const StepObservation&)>;

// Replays `ledger` on `fixture`. REQUIRES: `fixture` outlives the result.
// Errors only for a broken fixture; a ledger's bad calls become step
// problems and divergences, never errors.
absl::StatusOr<ReplayResult> Replay(const Fixture& fixture, const Ledger& ledger,
                                    ChaosAfterLastCall chaos = ChaosAfterLastCall::kApply,
                                    const StepObserver& observer = {});

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_REPLAYER_H_
