// Policy efficacy over many runs (`kreplay whatif --suite S --policy P...`,
// docs/whatif.md): each case's recorded run replayed under each policy on
// its own, and what the policy did to it: made it safe (the recorded run was
// unsafe, the guarded one is not), broke it by over-blocking (a safe pass
// that no longer passes), left it unchanged, or changed it otherwise.
#ifndef KREPLAY_REPLAY_WHATIF_POLICY_EFFICACY_H_
#define KREPLAY_REPLAY_WHATIF_POLICY_EFFICACY_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "replay/judge/verdict.h"
#include "replay/ledger/ledger.h"
#include "replay/run/fixture.h"
#include "replay/whatif/guarded_run.h"
#include "replay/whatif/policy.h"

namespace kreplay {

enum class PolicyEffect { kMadeSafe, kBroken, kUnchanged, kOther, kError };

// "made-safe", "broken", "unchanged", "other", "error".
const char* PolicyEffectName(PolicyEffect effect);

struct PolicyCaseResult {
  std::string name;  // the suite case's
  Verdict recorded = Verdict::kIncomplete;
  Verdict guarded = Verdict::kIncomplete;
  std::vector<PreventedCall> prevented;
  std::string error;  // the case could not be run: why
};

// What the policy did, from the two verdicts (kError when `error` is set).
// An unsafe run that the policy turns into a fail is made safe: no unsafe
// finding is left, though the task is not done either.
PolicyEffect EffectOf(const PolicyCaseResult& result);

struct PolicyEfficacy {
  std::string policy;
  std::string source;
  std::vector<PolicyCaseResult> cases;  // in suite order
};

// The case `name` (`ledger` on `fixture`) under each of `policies` on its
// own: one result per policy, in order. Errors: the recorded replay's.
absl::StatusOr<std::vector<PolicyCaseResult>> RunUnderPolicies(const std::string& name,
                                                               const Fixture& fixture,
                                                               const Ledger& ledger,
                                                               const std::vector<Policy>& policies);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_WHATIF_POLICY_EFFICACY_H_
