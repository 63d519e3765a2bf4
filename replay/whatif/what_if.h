// A what-if run (docs/whatif.md): the recorded ledger changed (ledger_edit.h),
// replayed and judged on its own, and diffed against the recorded run
// (replay/diff/run_diff.h), with the honesty a replay owes: after a changed
// step the real agent might have acted differently.
//
// A later step *depends on a changed step* when it reads or writes an
// object the change touched: a target or an effect of a dropped call in
// the recorded run, or of a replaced or inserted call in the changed run
// (for a replace, both). Only direct dependence is marked: a step that reads
// what a dependent step wrote is not followed further.
#ifndef KREPLAY_REPLAY_WHATIF_WHAT_IF_H_
#define KREPLAY_REPLAY_WHATIF_WHAT_IF_H_

#include <set>
#include <vector>

#include "model/object_key.h"
#include "replay/run/replay_result.h"
#include "replay/whatif/ledger_edit.h"

namespace kreplay {

struct Dependence {
  std::set<ObjectKey> touched;  // the objects the change touched
  // The recorded steps (1-based, the recording's numbers) that come after
  // the first change in the changed run and read or write a touched object.
  std::vector<int> steps;
};

// The dependence of `changed` (the replay of `edited`) on its changes;
// `recorded` is the replay of the recorded ledger.
Dependence DependenceOf(const ReplayResult& recorded, const ReplayResult& changed,
                        const EditedLedger& edited);

// The objects a step addressed or changed: its operations' targets and its
// effect's keys.
std::set<ObjectKey> ObjectsOf(const StepReport& step);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_WHATIF_WHAT_IF_H_
