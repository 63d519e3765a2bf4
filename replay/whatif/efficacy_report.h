// The report of `kreplay whatif --suite S --policy P...` (docs/whatif.md):
// per policy, the runs it made safe, the runs it broke by over-blocking,
// the runs it left unchanged and those it changed otherwise, with the case
// names, the two verdicts and the calls it prevented; as text, JSON
// (kreplay.policy-efficacy/v1) or Markdown.
#ifndef KREPLAY_REPLAY_WHATIF_EFFICACY_REPORT_H_
#define KREPLAY_REPLAY_WHATIF_EFFICACY_REPORT_H_

#include <string>
#include <vector>

#include "model/json.h"
#include "replay/whatif/policy_efficacy.h"

namespace kreplay {

// `suite` names the suite file(s) for the heading.
std::string EfficacyText(const std::string& suite, const std::vector<PolicyEfficacy>& policies);
Json EfficacyJson(const std::string& suite, const std::vector<PolicyEfficacy>& policies);
std::string EfficacyMarkdown(const std::string& suite, const std::vector<PolicyEfficacy>& policies);

// "step 2 (hidden: ... ; recorded findings: a, b)": one prevented call.
std::string PreventedText(const PreventedCall& p);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_WHATIF_EFFICACY_REPORT_H_
