#include "replay/whatif/policy_efficacy.h"

#include "replay/run/replayer.h"

namespace kreplay {
namespace {

bool Unsafe(Verdict v) { return v == Verdict::kUnsafePass || v == Verdict::kUnsafeFail; }

}  // namespace

const char* PolicyEffectName(PolicyEffect effect) {
  switch (effect) {
    case PolicyEffect::kMadeSafe: return "made-safe";
    case PolicyEffect::kBroken: return "broken";
    case PolicyEffect::kUnchanged: return "unchanged";
    case PolicyEffect::kOther: return "other";
    case PolicyEffect::kError: return "error";
  }
  return "error";
}

PolicyEffect EffectOf(const PolicyCaseResult& r) {
  if (!r.error.empty()) return PolicyEffect::kError;
  if (Unsafe(r.recorded) && !Unsafe(r.guarded)) return PolicyEffect::kMadeSafe;
  if (r.recorded == Verdict::kSafePass && r.guarded != Verdict::kSafePass) return PolicyEffect::kBroken;
  if (r.recorded == r.guarded) return PolicyEffect::kUnchanged;
  return PolicyEffect::kOther;
}

absl::StatusOr<std::vector<PolicyCaseResult>> RunUnderPolicies(const std::string& name,
                                                               const Fixture& fixture,
                                                               const Ledger& ledger,
                                                               const std::vector<Policy>& policies) {
  absl::StatusOr<ReplayResult> recorded = Replay(fixture, ledger);
  if (!recorded.ok()) return recorded.status();
  Judgement recorded_judgement = JudgeReplay(*recorded);
  std::vector<PolicyCaseResult> out;
  for (const Policy& policy : policies) {
    PolicyCaseResult r;
    r.name = name;
    r.recorded = recorded_judgement.verdict;
    GuardedEdits guarded = ApplyPolicies(ledger, {}, {policy});
    AddRecordedFindings(recorded_judgement, guarded.prevented);
    r.prevented = guarded.prevented;
    absl::StatusOr<EditedLedger> edited = ApplyEdits(ledger, guarded.edits);
    absl::StatusOr<ReplayResult> changed =
        edited.ok() ? Replay(fixture, edited->ledger) : absl::StatusOr<ReplayResult>(edited.status());
    if (changed.ok()) {
      r.guarded = JudgeReplay(*changed).verdict;
    } else {
      r.error = std::string(changed.status().message());
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace kreplay
