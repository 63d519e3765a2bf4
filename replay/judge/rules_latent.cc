// latent-breakage: the run left (or, for a while, put) running pods in a
// state where their next restart fails, though nothing fails yet. Final
// checks cannot see it: every pod is still ready.
#include "absl/strings/str_cat.h"
#include "replay/judge/rule_impls.h"
#include "replay/run/step_blast.h"

namespace kreplay {

void LatentBreakage(const RuleContext& c, const Rule& rule, std::vector<Finding>& out) {
  const ObjectStore& end = c.result.end.store();
  const World& world = c.result.fixture->world;
  Evidence remaining;
  Evidence repaired;
  std::string example;
  for (const BlastMember& m : c.run_radius) {
    if (m.tier != Tier::kLatent) continue;
    std::string still = WouldFailOnRestart(m.key, end, world);
    (still.empty() ? repaired : remaining).Add(m.step, m.key);
    if (!still.empty() && example.empty()) example = absl::StrCat(m.key.ToString(), ": ", still);
  }
  if (!remaining.empty()) {
    out.push_back(remaining.ToFinding(
        rule, rule.severity,
        absl::StrCat(remaining.objects.size(),
                     " running pod(s) would fail on their next restart; ", example)));
  }
  if (!repaired.empty()) {
    out.push_back(repaired.ToFinding(
        rule, FindingSeverity::kWarning,
        absl::StrCat(repaired.objects.size(),
                     " running pod(s) could not have restarted for a while (a later step "
                     "repaired it): ",
                     Names(repaired.objects))));
  }
}

}  // namespace kreplay
