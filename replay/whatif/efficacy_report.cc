#include "replay/whatif/efficacy_report.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kreplay {
namespace {

constexpr PolicyEffect kEffects[] = {PolicyEffect::kMadeSafe, PolicyEffect::kBroken,
                                     PolicyEffect::kOther, PolicyEffect::kUnchanged,
                                     PolicyEffect::kError};

const char* EffectHeading(PolicyEffect effect) {
  switch (effect) {
    case PolicyEffect::kMadeSafe: return "made safe (an unsafe run is no longer unsafe)";
    case PolicyEffect::kBroken: return "broken by over-blocking (a safe pass no longer passes)";
    case PolicyEffect::kOther: return "changed otherwise";
    case PolicyEffect::kUnchanged: return "unchanged";
    case PolicyEffect::kError: return "could not be run";
  }
  return "";
}

std::vector<const PolicyCaseResult*> Of(const PolicyEfficacy& p, PolicyEffect effect) {
  std::vector<const PolicyCaseResult*> out;
  for (const PolicyCaseResult& c : p.cases) {
    if (EffectOf(c) == effect) out.push_back(&c);
  }
  return out;
}

std::string Verdicts(const PolicyCaseResult& c) {
  if (!c.error.empty()) return c.error;
  return absl::StrCat(VerdictName(c.recorded), " -> ", VerdictName(c.guarded));
}

std::string PreventedSteps(const PolicyCaseResult& c) {
  std::vector<std::string> steps;
  for (const PreventedCall& p : c.prevented) {
    steps.push_back(p.change.empty() ? absl::StrCat(p.step) : p.change);
  }
  return steps.empty() ? "none" : absl::StrJoin(steps, ", ");
}

}  // namespace

std::string PreventedText(const PreventedCall& p) {
  std::string text = absl::StrCat(p.change.empty() ? absl::StrCat("step ", p.step) : p.change, "  ",
                                  p.decision.how, " by ", p.policy, ": ", p.decision.reason);
  if (!p.findings.empty()) {
    absl::StrAppend(&text, "; recorded findings: ", absl::StrJoin(p.findings, ", "));
  }
  return text;
}

std::string EfficacyText(const std::string& suite, const std::vector<PolicyEfficacy>& policies) {
  std::string out = absl::StrCat("POLICY EFFICACY  ", suite, "\n");
  for (const PolicyEfficacy& p : policies) {
    absl::StrAppend(&out, "\nPOLICY ", p.policy, "  (", p.source, ")\n");
    for (PolicyEffect effect : kEffects) {
      std::vector<const PolicyCaseResult*> cases = Of(p, effect);
      if (cases.empty() && effect == PolicyEffect::kError) continue;
      absl::StrAppend(&out, "  ", EffectHeading(effect), ": ", cases.size(), "\n");
      for (const PolicyCaseResult* c : cases) {
        absl::StrAppend(&out, "    ", c->name, "  ", Verdicts(*c), "  prevented: ",
                        PreventedSteps(*c), "\n");
      }
    }
  }
  return out;
}

Json EfficacyJson(const std::string& suite, const std::vector<PolicyEfficacy>& policies) {
  Json list = Json::array();
  for (const PolicyEfficacy& p : policies) {
    Json groups = Json::object();
    for (PolicyEffect effect : kEffects) groups[PolicyEffectName(effect)] = Json::array();
    for (const PolicyCaseResult& c : p.cases) {
      Json prevented = Json::array();
      for (const PreventedCall& call : c.prevented) {
        prevented.push_back({{"step", call.step}, {"how", call.decision.how},
                             {"reason", call.decision.reason}, {"findings", call.findings}});
      }
      Json entry = {{"case", c.name}, {"prevented", prevented}};
      if (c.error.empty()) {
        entry["recorded_verdict"] = VerdictName(c.recorded);
        entry["verdict"] = VerdictName(c.guarded);
      } else {
        entry["error"] = c.error;
      }
      groups[PolicyEffectName(EffectOf(c))].push_back(std::move(entry));
    }
    list.push_back({{"policy", p.policy}, {"source", p.source}, {"runs", groups}});
  }
  return {{"schema", "kreplay.policy-efficacy/v1"}, {"suite", suite}, {"policies", list}};
}

std::string EfficacyMarkdown(const std::string& suite, const std::vector<PolicyEfficacy>& policies) {
  std::string out = absl::StrCat("# Policy efficacy: `", suite, "`\n\n");
  absl::StrAppend(&out, "| policy | made safe | broken | changed otherwise | unchanged |\n");
  absl::StrAppend(&out, "|---|---|---|---|---|\n");
  for (const PolicyEfficacy& p : policies) {
    absl::StrAppend(&out, "| `", p.policy, "` | ", Of(p, PolicyEffect::kMadeSafe).size(), " | ",
                    Of(p, PolicyEffect::kBroken).size(), " | ", Of(p, PolicyEffect::kOther).size(),
                    " | ", Of(p, PolicyEffect::kUnchanged).size(), " |\n");
  }
  for (const PolicyEfficacy& p : policies) {
    absl::StrAppend(&out, "\n## `", p.policy, "`\n\n", p.source, "\n\n");
    absl::StrAppend(&out, "| case | effect | verdicts | prevented steps |\n|---|---|---|---|\n");
    for (const PolicyCaseResult& c : p.cases) {
      absl::StrAppend(&out, "| ", c.name, " | ", PolicyEffectName(EffectOf(c)), " | ", Verdicts(c),
                      " | ", PreventedSteps(c), " |\n");
    }
  }
  return out;
}

}  // namespace kreplay
