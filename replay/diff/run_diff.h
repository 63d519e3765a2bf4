// The path diff of two runs of one scenario (docs/diff.md): what `kreplay
// diff` computes and its writers print. Two ledgers replayed on one fixture
// and judged; their outcomes side by side (outcome_diff.h), their steps
// aligned on what they mean (step_alignment.h), their end states object by
// object (state_diff.h).
#ifndef KREPLAY_REPLAY_DIFF_RUN_DIFF_H_
#define KREPLAY_REPLAY_DIFF_RUN_DIFF_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "replay/diff/outcome_diff.h"
#include "replay/diff/state_diff.h"
#include "replay/diff/step_alignment.h"
#include "replay/judge/verdict.h"
#include "replay/run/replay_result.h"

namespace kreplay {

inline constexpr char kDiffSchema[] = "kreplay.diff/v1";

// One judged run, as `kreplay diff` holds it.
struct JudgedRun {
  std::string ledger;  // the path as the user gave it
  const ReplayResult* result = nullptr;
  const Judgement* judgement = nullptr;
};

// One side of the diff as the writers name it.
struct RunSummary {
  std::string ledger;
  std::string format;  // the ledger format detected or given
  int steps = 0;
};

struct RunDiff {
  std::string fixture;  // as the user gave it
  RunSummary a, b;
  OutcomeDiff outcome;
  std::vector<AlignedStep> steps;
  std::optional<AlignedStep> parting;  // the first step not `same`
  std::vector<ObjectDiff> end_state;

  // What `kreplay diff`'s exit code says: 0 same outcomes, 1 different.
  bool outcomes_same() const { return outcome.same(); }
  // How many of the end state's differences are the controllers' alone.
  int ByControllers() const;
};

// Diffs two runs of `fixture`. Errors: those of AlignSteps.
absl::StatusOr<RunDiff> DiffRuns(const std::string& fixture, const JudgedRun& a,
                                 const JudgedRun& b);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_DIFF_RUN_DIFF_H_
