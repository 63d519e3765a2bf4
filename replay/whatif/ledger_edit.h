// What-if changes to a recorded run (`kreplay whatif --drop N`, `--replace
// N=CALL`, `--insert-after N=CALL`): the recorded ledger with calls left
// out, swapped or added, and a map from each call of the changed ledger
// back to the recorded one (docs/whatif.md).
//
// Step numbers are the recorded ledger's, 1-based, whatever other edits do;
// `--insert-after 0` inserts before the first call. A replaced or inserted
// call has no recorded outcome (the simulated API server decides) and the
// time of the recorded call it stands at, so no chaos event moves.
#ifndef KREPLAY_REPLAY_WHATIF_LEDGER_EDIT_H_
#define KREPLAY_REPLAY_WHATIF_LEDGER_EDIT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "replay/ledger/ledger.h"

namespace kreplay {

enum class EditKind { kDrop, kReplace, kInsertAfter };

// "drop", "replace", "insert-after".
const char* EditKindName(EditKind kind);

struct LedgerEdit {
  EditKind kind = EditKind::kDrop;
  int step = 0;       // in the recorded ledger, 1-based (0: before the first, insert only)
  ToolCall call;      // replace and insert: the call that happens instead / as well
  std::string text;   // the call as the user wrote it, for reports
};

struct EditedLedger {
  Ledger ledger;
  // Per call of `ledger`: the recorded step it is (1-based), 0 for a call
  // a replace or insert put there.
  std::vector<int> origin;
  std::vector<LedgerEdit> edits;  // by step, then drop/replace before insert
};

// Applies `edits` to `recorded`. Errors (FailedPrecondition, a usage error):
// a step out of range (naming the ledger's call count), two edits of one
// step other than a replace or drop plus inserts after it.
absl::StatusOr<EditedLedger> ApplyEdits(const Ledger& recorded, std::vector<LedgerEdit> edits);

// The position (0-based) in the edited ledger of the first call that is
// not the recorded call of that rank: where the changed run may first
// differ. The edited ledger's size when every call is (the last one dropped).
size_t FirstChangedPosition(const EditedLedger& edited);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_WHATIF_LEDGER_EDIT_H_
