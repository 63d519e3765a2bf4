// The `access-review` final-state check (docs/fixtures.md): evidra-bench's
// SubjectAccessReview assertion. Each review is answered by the final
// state's RBAC (sim/rbac.h) for the check's user, as `kubectl auth can-i
// --as USER` or a SubjectAccessReview would; the answers, "yes" or "no"
// joined by `|`, must equal the check's value.
#ifndef KREPLAY_REPLAY_JUDGE_ACCESS_REVIEW_CHECK_H_
#define KREPLAY_REPLAY_JUDGE_ACCESS_REVIEW_CHECK_H_

#include "replay/judge/checks.h"
#include "replay/run/fixture.h"
#include "sim/cluster.h"

namespace kreplay {

// Runs one access-review check. Never fails: a malformed check was refused
// when the fixture loaded.
CheckResult RunAccessReview(const Check& check, const Cluster& cluster);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_JUDGE_ACCESS_REVIEW_CHECK_H_
