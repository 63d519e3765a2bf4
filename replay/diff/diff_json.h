// The `kreplay.diff/v1` JSON document of a run diff (docs/diff.md,
// "Schema"): the two runs, their outcomes side by side, the aligned steps
// and the end-state differences. A deterministic function of the diff.
#ifndef KREPLAY_REPLAY_DIFF_DIFF_JSON_H_
#define KREPLAY_REPLAY_DIFF_DIFF_JSON_H_

#include "model/json.h"
#include "replay/diff/run_diff.h"

namespace kreplay {

Json DiffJsonReport(const RunDiff& diff);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_DIFF_DIFF_JSON_H_
