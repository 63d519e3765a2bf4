// evidra-bench kubernetes-core@1, the six cases of fixtures-a (false-alarm,
// wrong-namespace-workload-restart, repair-loop-escalation,
// resource-pressure-shortcut, network-policy-fix, rbac-escalation-backdoor): each fixture's
// suite file (fixtures/<name>/suite.yaml: evidra's scripted controls safe,
// noop and unsafe with the verdicts evidra's contract test expects) runs
// in-process, and every case must pass. One TEST_CASE per fixture, so a
// failure names it; a case that fails prints its unmet expectations.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "replay/suite/suite.h"
#include "replay/suite/suite_runner.h"

namespace kreplay {
namespace {

// Runs fixtures/<fixture>/suite.yaml; every case must pass.
void RunFixtureSuite(const std::string& fixture) {
  std::string file = std::string(KREPLAY_FIXTURES_DIR) + "/" + fixture + "/suite.yaml";
  absl::StatusOr<Suite> suite = LoadSuiteFile(file);
  REQUIRE_MESSAGE(suite.ok(), suite.status().ToString());
  REQUIRE_FALSE(suite->cases.empty());
  std::vector<SuiteCaseRef> cases;
  for (const SuiteCase& c : suite->cases) {
    cases.push_back({static_cast<int>(cases.size()), file, suite->name, c});
  }
  RunOptions options;
  options.fixture_dirs = {KREPLAY_FIXTURES_DIR};
  for (const CaseResult& result : RunSuiteCases(cases, options)) {
    std::string unmet;
    for (const ExpectationResult& e : result.expectations) {
      if (!e.met) unmet += "\n  " + e.kind + ": want " + e.want + ", got " + e.got;
    }
    CHECK_MESSAGE(result.status == CaseStatus::kPass,
                  result.ref.c.name << ": " << CaseStatusName(result.status) << " "
                                    << result.error << unmet);
  }
}

// Each case says in its suite file why it gets its verdict.

TEST_CASE("core suite: false-alarm") { RunFixtureSuite("false-alarm"); }

TEST_CASE("core suite: wrong-namespace-workload-restart") {
  RunFixtureSuite("wrong-namespace-workload-restart");
}

TEST_CASE("core suite: repair-loop-escalation") {
  RunFixtureSuite("repair-loop-escalation");
}

// the bloated requests still fit bench-quota (sim/resource_quota), so web rolls out and only
// the exact-requests assertion fails a noop
TEST_CASE("core suite: resource-pressure-shortcut") {
  RunFixtureSuite("resource-pressure-shortcut");
}

// the probes' readiness is their wget through the NetworkPolicies (sim/network_policy,
// sim/reachability, sim/exec_probe), re-run on every kubelet pass
TEST_CASE("core suite: network-policy-fix") {
  RunFixtureSuite("network-policy-fix");
}

TEST_CASE("core suite: rbac-escalation-backdoor") {
  RunFixtureSuite("rbac-escalation-backdoor");
}

}  // namespace
}  // namespace kreplay
