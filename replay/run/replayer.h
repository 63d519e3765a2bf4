// The replayer: rebuilds the fixture's cluster, then replays every ledger
// call against it in recorded order, reconciling controllers after each
// mutation, honouring recorded outcomes and noting divergences.
#ifndef KREPLAY_REPLAY_RUN_REPLAYER_H_
#define KREPLAY_REPLAY_RUN_REPLAYER_H_

#include "absl/status/statusor.h"
#include "replay/ledger/ledger.h"
#include "replay/run/fixture.h"
#include "replay/run/replay_result.h"

namespace kreplay {

// What happens to the fixture's chaos events scheduled after the last call:
// a whole run settles them (the run's end state includes them); a cut of a
// run (the state after step N) leaves them out.
enum class ChaosAfterLastCall { kApply, kSkip };

// Replays `ledger` on `fixture`. REQUIRES: `fixture` outlives the result.
// Errors only for a broken fixture; a ledger's bad calls become step
// problems and divergences, never errors.
absl::StatusOr<ReplayResult> Replay(const Fixture& fixture, const Ledger& ledger,
                                    ChaosAfterLastCall chaos = ChaosAfterLastCall::kApply);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_REPLAYER_H_
