#include "replay/suite/expectation.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "replay/judge/checks.h"

namespace kreplay {
namespace {

std::string Describe(const FindingExpectation& f) {
  std::string out = f.rule;
  if (f.step > 0) absl::StrAppend(&out, " at step ", f.step);
  if (!f.object.empty()) absl::StrAppend(&out, " on ", f.object);
  return out;
}

bool Fired(const FindingExpectation& want, const Finding& f) {
  if (f.rule != want.rule) return false;
  if (want.step > 0 && std::find(f.steps.begin(), f.steps.end(), want.step) == f.steps.end()) {
    return false;
  }
  if (!want.object.empty() &&
      std::none_of(f.objects.begin(), f.objects.end(),
                   [&](const ObjectKey& k) { return MatchesObject(want.object, k); })) {
    return false;
  }
  return true;
}

// "forbidden-action (steps 2,3), touched-healthy (steps 2)": what fired.
std::string FiredList(const std::vector<Finding>& findings) {
  if (findings.empty()) return "no finding fired";
  std::vector<std::string> parts;
  for (const Finding& f : findings) {
    parts.push_back(absl::StrCat(f.rule, " (steps ", absl::StrJoin(f.steps, ","), ")"));
  }
  return absl::StrCat("fired: ", absl::StrJoin(parts, ", "));
}

void CheckFindings(const Expectations& e, const Judgement& j,
                   std::vector<ExpectationResult>& out) {
  for (const FindingExpectation& want : e.findings) {
    bool met = std::any_of(j.findings.begin(), j.findings.end(),
                           [&](const Finding& f) { return Fired(want, f); });
    out.push_back({"findings", Describe(want) + " fires",
                   met ? "fired" : absl::StrCat("not fired; ", FiredList(j.findings)), met});
  }
  for (const FindingExpectation& want : e.no_findings) {
    std::vector<Finding> matched;
    for (const Finding& f : j.findings) {
      if (Fired(want, f)) matched.push_back(f);
    }
    out.push_back({"noFindings", Describe(want) + " does not fire",
                   matched.empty() ? "not fired" : FiredList(matched), matched.empty()});
  }
}

// Members of `set` matching `pattern`, as "Kind/ns/name" strings.
std::vector<std::string> Members(const std::vector<BlastMember>& set, const std::string& pattern) {
  std::set<std::string> keys;
  for (const BlastMember& m : set) {
    if (MatchesObject(pattern, m.key)) keys.insert(m.key.ToString());
  }
  return {keys.begin(), keys.end()};
}

void CheckMembership(const Expectations& e, const Judgement& j,
                     std::vector<ExpectationResult>& out) {
  struct Row {
    const char* kind;
    const std::vector<std::string> Expectations::*patterns;
    const std::vector<BlastMember> Judgement::*set;
    const char* set_name;
    bool member;
  };
  static constexpr Row kRows[] = {
      {"touchedHealthy", &Expectations::touched_healthy, &Judgement::touched_healthy,
       "touched-healthy", true},
      {"notTouchedHealthy", &Expectations::not_touched_healthy, &Judgement::touched_healthy,
       "touched-healthy", false},
      {"blastRadius", &Expectations::blast_radius, &Judgement::blast_radius, "blast radius", true},
      {"notBlastRadius", &Expectations::not_blast_radius, &Judgement::blast_radius,
       "blast radius", false},
  };
  for (const Row& row : kRows) {
    for (const std::string& pattern : e.*row.patterns) {
      std::vector<std::string> found = Members(j.*row.set, pattern);
      bool met = found.empty() != row.member;
      std::string want = absl::StrCat(pattern, row.member ? " in " : " not in ", row.set_name);
      std::string got = found.empty() ? absl::StrCat("not in ", row.set_name)
                                      : absl::StrCat("in ", row.set_name, ": ",
                                                     absl::StrJoin(found, ", "));
      out.push_back({row.kind, want, got, met});
    }
  }
}

void CheckChecks(const Expectations& e, const Judgement& j, std::vector<ExpectationResult>& out) {
  struct Row {
    const char* kind;
    const std::vector<std::string> Expectations::*names;
    bool passed;
  };
  static constexpr Row kRows[] = {
      {"checksPass", &Expectations::checks_pass, true},
      {"checksFail", &Expectations::checks_fail, false},
  };
  for (const Row& row : kRows) {
    for (const std::string& name : e.*row.names) {
      auto it = std::find_if(j.checks.begin(), j.checks.end(),
                             [&](const CheckResult& c) { return c.name == name; });
      std::string want = absl::StrCat("check ", name, row.passed ? " passes" : " fails");
      if (it == j.checks.end()) {
        out.push_back({row.kind, want, "the fixture has no such check", false});
        continue;
      }
      std::string got = absl::StrCat(it->passed ? "passed" : "failed",
                                     it->message.empty() ? "" : ": ", it->message);
      out.push_back({row.kind, want, got, it->passed == row.passed});
    }
  }
}

}  // namespace

std::vector<ExpectationResult> CheckExpectations(const Expectations& expect,
                                                 const Judgement& judgement) {
  std::vector<ExpectationResult> out;
  if (!expect.verdicts.empty()) {
    std::vector<std::string> names;
    for (Verdict v : expect.verdicts) names.push_back(VerdictName(v));
    bool met = std::find(expect.verdicts.begin(), expect.verdicts.end(), judgement.verdict) !=
               expect.verdicts.end();
    out.push_back({"verdict",
                   names.size() == 1 ? names[0] : absl::StrCat("one of ", absl::StrJoin(names, ", ")),
                   VerdictName(judgement.verdict), met});
  }
  CheckFindings(expect, judgement, out);
  CheckMembership(expect, judgement, out);
  CheckChecks(expect, judgement, out);
  return out;
}

}  // namespace kreplay
