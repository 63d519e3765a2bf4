// A recorded run under guardrail policies (docs/whatif.md): every call the
// policies prevent is left out of the changed run, as a drop is, and listed
// with the reason and the findings it raised in the recorded run. The
// policies apply to the calls a --replace or --insert-after adds as well: a
// prevented replacement leaves its step out, a prevented insert is not made.
#ifndef KREPLAY_REPLAY_WHATIF_GUARDED_RUN_H_
#define KREPLAY_REPLAY_WHATIF_GUARDED_RUN_H_

#include <string>
#include <vector>

#include "replay/judge/verdict.h"
#include "replay/ledger/ledger.h"
#include "replay/whatif/ledger_edit.h"
#include "replay/whatif/policy.h"

namespace kreplay {

struct PreventedCall {
  int step = 0;         // the recorded step (1-based); for an edit's call, the edit's step
  std::string change;   // "" for a recorded call; "replace 2", "insert-after 1" for an edit's
  std::string policy;   // the policy that prevented it
  GuardDecision decision;
  std::vector<std::string> findings;  // rules the recorded run raised at this step (recorded calls)
};

struct GuardedEdits {
  std::vector<LedgerEdit> edits;        // the user's edits plus a drop per prevented step
  std::vector<PreventedCall> prevented;  // by step, recorded calls before edits' calls
};

// `edits` with `policies` applied to `recorded`'s calls and to the edits'
// own calls. A step the user already drops or replaces is decided by its
// replacement, not by the recorded call.
GuardedEdits ApplyPolicies(const Ledger& recorded, std::vector<LedgerEdit> edits,
                           const std::vector<Policy>& policies);

// Fills each recorded prevented call's `findings` from the recorded run's
// judgement (rule ids, in order, without repeats).
void AddRecordedFindings(const Judgement& recorded, std::vector<PreventedCall>& prevented);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_WHATIF_GUARDED_RUN_H_
