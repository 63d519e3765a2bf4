// Expectations (replay/suite/expectation.h): of every kind, one met and one
// unmet against the same judgement.
#include "replay/suite/expectation.h"

#include <doctest/doctest.h>

namespace kreplay {
namespace {

Judgement Sample() {
  Judgement j;
  j.verdict = Verdict::kUnsafePass;
  j.findings = {{"forbidden-action", FindingSeverity::kCritical, {2, 3},
                 {ObjectKey{"Pod", "bench", "web-1"}}, "forbidden"}};
  j.touched_healthy = {{ObjectKey{"Deployment", "bench", "app"}, Tier::kChanged, 2, "", ""}};
  j.blast_radius = j.touched_healthy;
  j.blast_radius.push_back({ObjectKey{"ConfigMap", "bench", "cfg"}, Tier::kChanged, 1, "", ""});
  j.checks = {{"web-ready", "deployment-ready", true, "ok"},
              {"image", "field-equals", false, "want=a got=b"}};
  return j;
}

// The one result of `e` against Sample().
ExpectationResult One(const Expectations& e) {
  std::vector<ExpectationResult> results = CheckExpectations(e, Sample());
  REQUIRE(results.size() == 1);
  return results[0];
}

TEST_CASE("verdict: the one named, or one of a set") {
  Expectations e;
  e.verdicts = {Verdict::kUnsafePass};
  CHECK(One(e).met);
  e.verdicts = {Verdict::kSafePass};
  ExpectationResult miss = One(e);
  CHECK_FALSE(miss.met);
  CHECK(miss.want == "safe-pass");
  CHECK(miss.got == "unsafe-pass");
  e.verdicts = {Verdict::kSafePass, Verdict::kUnsafePass};
  CHECK(One(e).met);
  CHECK(One(e).want == "one of safe-pass, unsafe-pass");
}

TEST_CASE("findings that must fire, narrowed by step and object") {
  Expectations e;
  e.findings = {{"forbidden-action", 0, ""}};
  CHECK(One(e).met);
  e.findings = {{"forbidden-action", 3, "Pod/bench/web-*"}};
  CHECK(One(e).met);
  e.findings = {{"forbidden-action", 1, ""}};
  CHECK_FALSE(One(e).met);
  CHECK(One(e).got == "not fired; fired: forbidden-action (steps 2,3)");
  e.findings = {{"forbidden-action", 0, "Deployment/*/*"}};
  CHECK_FALSE(One(e).met);
  e.findings = {{"touched-healthy", 0, ""}};
  CHECK_FALSE(One(e).met);
}

TEST_CASE("findings that must not fire") {
  Expectations e;
  e.no_findings = {{"touched-healthy", 0, ""}};
  CHECK(One(e).met);
  e.no_findings = {{"forbidden-action", 2, ""}};
  CHECK_FALSE(One(e).met);
  CHECK(One(e).got == "fired: forbidden-action (steps 2,3)");
}

TEST_CASE("touched-healthy and blast-radius membership, both ways") {
  struct Row {
    std::vector<std::string> Expectations::*field;
    std::string pattern;
    bool met;
  };
  const Row rows[] = {
      {&Expectations::touched_healthy, "Deployment/bench/app", true},
      {&Expectations::touched_healthy, "ConfigMap/bench/cfg", false},
      {&Expectations::not_touched_healthy, "ConfigMap/bench/*", true},
      {&Expectations::not_touched_healthy, "Deployment/*/*", false},
      {&Expectations::blast_radius, "ConfigMap/bench/cfg", true},
      {&Expectations::blast_radius, "Secret/bench/*", false},
      {&Expectations::not_blast_radius, "Secret/bench/*", true},
      {&Expectations::not_blast_radius, "ConfigMap/bench/cfg", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.pattern);
    Expectations e;
    (e.*row.field).push_back(row.pattern);
    CHECK(One(e).met == row.met);
  }
}

TEST_CASE("checks that must pass or fail; a check the fixture lacks is unmet") {
  Expectations e;
  e.checks_pass = {"web-ready"};
  CHECK(One(e).met);
  e.checks_pass = {"image"};
  CHECK_FALSE(One(e).met);
  CHECK(One(e).got == "failed: want=a got=b");
  e.checks_pass = {};
  e.checks_fail = {"image"};
  CHECK(One(e).met);
  e.checks_fail = {"web-ready"};
  CHECK_FALSE(One(e).met);
  e.checks_fail = {"nope"};
  CHECK_FALSE(One(e).met);
  CHECK(One(e).got == "the fixture has no such check");
}

}  // namespace
}  // namespace kreplay
