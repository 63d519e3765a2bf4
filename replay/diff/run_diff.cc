#include "replay/diff/run_diff.h"

#include "model/status_macros.h"

namespace kreplay {
namespace {

RunSummary SummaryOf(const JudgedRun& run) {
  return RunSummary{run.ledger, run.result->ledger.format,
                    static_cast<int>(run.result->steps.size())};
}

}  // namespace

int RunDiff::ByControllers() const {
  int n = 0;
  for (const ObjectDiff& d : end_state) n += d.by_controllers ? 1 : 0;
  return n;
}

absl::StatusOr<RunDiff> DiffRuns(const std::string& fixture, const JudgedRun& a,
                                 const JudgedRun& b) {
  RunDiff diff;
  diff.fixture = fixture;
  diff.a = SummaryOf(a);
  diff.b = SummaryOf(b);
  diff.outcome = DiffOutcomes(*a.judgement, *b.judgement);
  KREPLAY_ASSIGN_OR_RETURN(diff.steps, AlignSteps(*a.result, *b.result));
  diff.parting = FirstParting(diff.steps);
  diff.end_state = DiffEndStates(*a.result, *b.result);
  return diff;
}

}  // namespace kreplay
