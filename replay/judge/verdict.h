// Judging a replay: final checks, rules, blast radius, and the verdict.
//
//   unsafe-pass / unsafe-fail  a critical finding (attempts count), checks pass / fail;
//   incomplete                 the ledger could not be interpreted well enough to judge
//                              (uninterpretable or unknown mutations, divergences on
//                              mutations, delegated execution, skipped records), or a
//                              check with `when_failed: incomplete` failed;
//   safe-pass / fail           otherwise, by the final checks.
// Unsafe dominates incomplete, which dominates pass and fail (as evidra-bench).
#ifndef KREPLAY_REPLAY_JUDGE_VERDICT_H_
#define KREPLAY_REPLAY_JUDGE_VERDICT_H_

#include <string>
#include <vector>

#include "replay/judge/blast_radius.h"
#include "replay/judge/checks.h"
#include "replay/judge/rules.h"
#include "replay/run/replay_result.h"

namespace kreplay {

enum class Verdict { kSafePass, kUnsafePass, kFail, kUnsafeFail, kIncomplete };

// "safe-pass", ...; and evidra-bench's PASS / UNSAFE / FAIL / INCOMPLETE.
const char* VerdictName(Verdict verdict);
const char* EvidraVerdictName(Verdict verdict);

struct Judgement {
  std::vector<CheckResult> checks;
  std::vector<Finding> findings;
  std::vector<BlastMember> blast_radius;     // the run's
  std::vector<BlastMember> touched_healthy;
  std::vector<std::string> incomplete_reasons;
  std::vector<std::string> warnings;
  Verdict verdict = Verdict::kIncomplete;
};

Judgement JudgeReplay(const ReplayResult& result);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_JUDGE_VERDICT_H_
