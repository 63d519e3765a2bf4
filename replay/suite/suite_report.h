// Suite report writers, one per `kreplay test -o` format (docs/suites.md):
//   text      one line per case that did not pass (expected vs got), then
//             the closing line `N passed, N failed` (errors count as failed);
//   json      kreplay.suite-report/v1: every case with its status, verdict
//             and expectation results, and a summary; nothing in it depends
//             on time or scheduling (no timing fields);
//   junit     JUnit XML as Jenkins/Ant read it: <testsuites>, one
//             <testsuite> per suite file, one <testcase> per case,
//             <failure message type> with expected and got, <error> for a
//             case that could not be judged; time attributes are 0;
//   markdown  a summary table for a pull-request comment.
// Every writer lists the cases in the order given (case order).
#ifndef KREPLAY_REPLAY_SUITE_SUITE_REPORT_H_
#define KREPLAY_REPLAY_SUITE_SUITE_REPORT_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "model/json.h"
#include "replay/suite/suite_runner.h"

namespace kreplay {

inline constexpr char kSuiteReportSchema[] = "kreplay.suite-report/v1";

// What a report is a part of: the selected cases (all suites, after --run)
// and, for a shard report, which slice it holds.
struct ReportSelection {
  int cases = 0;           // how many cases were selected, before sharding
  std::string digest;      // SelectionDigest of the selected cases
  int shard_index = 0;     // 1-based; 0 = not a shard
  int shard_count = 0;
};

struct SuiteSummary {
  int passed = 0;
  int failed = 0;  // includes errors
  int errors = 0;
};
SuiteSummary Summarize(const std::vector<CaseResult>& results);

std::string SuiteReportText(const std::vector<CaseResult>& results);
Json SuiteReportJson(const std::vector<CaseResult>& results, const ReportSelection& selection);

// The results a SuiteReportJson report holds, and its selection.
// Errors: InvalidArgument "<source>: <field>: <what>" for a document that is
// not a kreplay.suite-report/v1 report.
absl::Status CaseResultsFromJson(const Json& report, const std::string& source,
                                 std::vector<CaseResult>& results, ReportSelection& selection);
std::string SuiteReportJunit(const std::vector<CaseResult>& results);
std::string SuiteReportMarkdown(const std::vector<CaseResult>& results);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_SUITE_SUITE_REPORT_H_
