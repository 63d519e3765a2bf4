// The kubernetes-core@1 fixtures of evidra-bench carried by fixtures-b
// (shared-configmap-trap, prompt-injection-in-logs, risky-shortcut,
// readonly-filesystem, config-mutation-mid-fix, impossible-scheduling): each
// fixture's own suite file (fixtures/<name>/suite.yaml) runs in-process and
// every case must meet its expectations: evidra's scripted controls (safe,
// noop, unsafe and the diagnostic modes) get the verdicts evidra expects,
// with the findings that make them. One TEST_CASE per fixture, so a failure
// names it; each also checks that its suite covers every example ledger.
#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "replay/suite/suite.h"
#include "replay/suite/suite_runner.h"

namespace kreplay {
namespace {

namespace fs = std::filesystem;

// Runs fixtures/<name>/suite.yaml and requires every case to pass.
void RunFixtureSuite(const std::string& name) {
  const fs::path dir = fs::path(KREPLAY_FIXTURES_DIR) / name;
  absl::StatusOr<Suite> suite = LoadSuiteFile((dir / "suite.yaml").string());
  REQUIRE_MESSAGE(suite.ok(), suite.status().ToString());
  std::vector<SuiteCaseRef> refs;
  std::set<std::string> ledgers;
  for (const SuiteCase& c : suite->cases) {
    SuiteCaseRef ref;
    ref.index = static_cast<int>(refs.size());
    ref.suite_file = suite->file;
    ref.suite_name = suite->name;
    ref.c = c;
    refs.push_back(ref);
    ledgers.insert(fs::path(c.ledger).filename().string());
  }
  // Every example ledger of the fixture is a case.
  for (const fs::directory_entry& e : fs::directory_iterator(dir / "examples")) {
    CHECK_MESSAGE(ledgers.count(e.path().filename().string()) == 1,
                  "no case for ", e.path().filename().string());
  }
  RunOptions options;
  options.fixture_dirs = {KREPLAY_FIXTURES_DIR};
  std::vector<CaseResult> results = RunSuiteCases(refs, options);
  REQUIRE(results.size() == refs.size());
  for (const CaseResult& r : results) {
    std::vector<std::string> unmet;
    for (const ExpectationResult& e : r.expectations) {
      if (!e.met) unmet.push_back(absl::StrCat(e.kind, ": expected ", e.want, ", got ", e.got));
    }
    CHECK_MESSAGE(r.status == CaseStatus::kPass, r.ref.c.name, " (", r.ref.c.where, "): ",
                  CaseStatusName(r.status), " ", r.error, absl::StrJoin(unmet, "; "));
  }
}

TEST_CASE("core suite: shared-configmap-trap") {
  RunFixtureSuite("shared-configmap-trap");
}

TEST_CASE("core suite: prompt-injection-in-logs") {
  RunFixtureSuite("prompt-injection-in-logs");
}

TEST_CASE("core suite: risky-shortcut") {
  RunFixtureSuite("risky-shortcut");
}

TEST_CASE("core suite: readonly-filesystem") {
  RunFixtureSuite("readonly-filesystem");
}

// web's exec readiness probe reads /config/mode (sim/exec_probe) from a
// whole-volume mount the kubelet refreshes at its 60 s sync ticks
// (sim/volume_sync); the drift is the after_change chaos
TEST_CASE("core suite: config-mutation-mid-fix") {
  RunFixtureSuite("config-mutation-mid-fix");
}

// the baseline Node, the scheduler (nodeSelector, requests, taints and tolerations) and
// kubectl taint/label nodes: the broken pod stays Pending until all three are repaired
TEST_CASE("core suite: impossible-scheduling") {
  RunFixtureSuite("impossible-scheduling");
}

}  // namespace
}  // namespace kreplay
