// Shared by the replay tests: Replay() with the simulator's invariants
// (sim/invariants.h) CHECKed on the scene, after every step and on the end
// state, as Ninja's tests run VerifyGraph after every build step.
#ifndef KREPLAY_TESTS_REPLAY_RUN_CHECKED_REPLAY_H_
#define KREPLAY_TESTS_REPLAY_RUN_CHECKED_REPLAY_H_

#include "absl/status/statusor.h"
#include "replay/ledger/ledger.h"
#include "replay/run/fixture.h"
#include "replay/run/replay_result.h"
#include "replay/run/replayer.h"

namespace kreplay {

// Replays `ledger` on `fixture` like Replay() and returns its result. Each
// broken invariant fails the test (CHECK) with the fixture, the ledger's
// source and the step (0: the scene; steps+1: the end state, after the
// chaos left for the end).
absl::StatusOr<ReplayResult> ReplayChecked(const Fixture& fixture, const Ledger& ledger,
                                           ChaosAfterLastCall chaos = ChaosAfterLastCall::kApply);

}  // namespace kreplay

#endif  // KREPLAY_TESTS_REPLAY_RUN_CHECKED_REPLAY_H_
