// Running suite cases in-process: every case's fixture is loaded once, then
// worker threads (std::thread, `jobs` of them) take cases in order, replay
// the ledger, judge it and check the expectations. Results come back in
// case order whatever the scheduling, so reports are byte-identical from
// run to run and across job counts.
//
// With `fail_fast`, workers stop taking cases after the first case that does
// not pass, and the results end at the first such case in case order (every
// case before it has run, since cases are taken in order): the same cut for
// any job count.
#ifndef KREPLAY_REPLAY_SUITE_SUITE_RUNNER_H_
#define KREPLAY_REPLAY_SUITE_SUITE_RUNNER_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "replay/judge/verdict.h"
#include "replay/suite/expectation.h"
#include "replay/suite/suite.h"

namespace kreplay {

// One case to run, with the suite it came from.
struct SuiteCaseRef {
  int index = 0;  // position among the selected cases, before sharding
  std::string suite_file;
  std::string suite_name;
  SuiteCase c;
};

enum class CaseStatus { kPass, kFail, kError };
const char* CaseStatusName(CaseStatus status);  // "pass", "fail", "error"

struct CaseResult {
  SuiteCaseRef ref;
  CaseStatus status = CaseStatus::kError;
  std::optional<Verdict> verdict;  // set when the replay was judged
  std::vector<ExpectationResult> expectations;
  std::string error;  // kError: why the case could not be judged (file and line)
};

struct RunOptions {
  int jobs = 1;
  bool fail_fast = false;
  std::vector<std::string> fixture_dirs;  // searched for bare fixture names
  // Called after each case with how many are done, from the worker that
  // finished it, one call at a time; for a progress line. May be empty.
  std::function<void(size_t done, size_t total)> progress;
};

// Runs `cases`; no errors of its own: a case that cannot be read, whose
// fixture or ledger is missing or bad, or whose replay fails, is a kError
// result carrying the message.
std::vector<CaseResult> RunSuiteCases(const std::vector<SuiteCaseRef>& cases,
                                      const RunOptions& options);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_SUITE_SUITE_RUNNER_H_
