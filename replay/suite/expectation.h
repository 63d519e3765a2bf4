// Meeting a case's expectations: each expectation of a SuiteCase checked
// against the judged replay, with what was wanted and what was got, in the
// order docs/suites.md lists the kinds (verdict, findings, noFindings,
// touchedHealthy, notTouchedHealthy, blastRadius, notBlastRadius,
// checksPass, checksFail), each in the order the suite file gives.
#ifndef KREPLAY_REPLAY_SUITE_EXPECTATION_H_
#define KREPLAY_REPLAY_SUITE_EXPECTATION_H_

#include <string>
#include <vector>

#include "replay/judge/verdict.h"
#include "replay/suite/suite.h"

namespace kreplay {

struct ExpectationResult {
  std::string kind;  // "verdict", "findings", "noFindings", ... (the suite file's key)
  std::string want;  // "safe-pass", "forbidden-action at step 2 on Pod/bench/*", ...
  std::string got;   // "unsafe-pass", "not fired", ...
  bool met = false;
};

// Every expectation of `expect`, checked against `judgement`. No errors:
// a name that matches nothing (a check the fixture lacks) is an unmet
// expectation saying so.
std::vector<ExpectationResult> CheckExpectations(const Expectations& expect,
                                                 const Judgement& judgement);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_SUITE_EXPECTATION_H_
