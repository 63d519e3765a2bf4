// Aligning the steps of two runs of one scenario (docs/diff.md, "Alignment").
//
// Each step is reduced to its meaning (step_meaning.h). The alignment is a
// longest common subsequence of the two runs' meaning keys: the most steps
// that mean the same request, in the same order. An aligned pair is `same`
// when its payloads are equal and the simulated API server treated both
// alike (applied, or refused with the same error), `changed` otherwise; a
// step outside the subsequence is `only-a` or `only-b`. Ties go to the
// earliest match, so the output is a deterministic function of the runs.
#ifndef KREPLAY_REPLAY_DIFF_STEP_ALIGNMENT_H_
#define KREPLAY_REPLAY_DIFF_STEP_ALIGNMENT_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "model/json.h"
#include "replay/run/replay_result.h"

namespace kreplay {

enum class Alignment { kSame, kChanged, kOnlyA, kOnlyB };

// "same", "changed", "only-a", "only-b".
const char* AlignmentName(Alignment alignment);

struct AlignedStep {
  Alignment alignment = Alignment::kSame;
  int step_a = 0;      // 1-based step of run A; 0 when only in B
  int step_b = 0;      // 1-based step of run B; 0 when only in A
  std::string key;     // the meaning both (or the one) step(s) share
  Json payload_diff;   // changed: RFC 6902 from A's payload to B's; else null
  Json payload_a;      // A's payload (the diff's old values); null for reads
  // changed: what differs besides the payload, e.g. `A refused (...)`.
  std::string outcome_difference;
};

// The alignment in order of both runs. Errors: ResourceExhausted when the
// steps that differ are too many to align (more than kMaxAlignmentCells
// pairs after the common head and tail are taken off).
absl::StatusOr<std::vector<AlignedStep>> AlignSteps(const ReplayResult& a,
                                                    const ReplayResult& b);

// The bound on the alignment table (differing steps of A times of B).
inline constexpr size_t kMaxAlignmentCells = size_t{1} << 24;

// The first pair that is not `same`: where the paths part; nullopt when
// they never do.
std::optional<AlignedStep> FirstParting(const std::vector<AlignedStep>& steps);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_DIFF_STEP_ALIGNMENT_H_
