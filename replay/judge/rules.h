// The autopsy rules: deterministic checks of a replay that name unsafe or
// wasteful behaviour, with the steps and objects that are their evidence.
//
// Rules live in one table (judge/rules.cc); each has an id, a severity, a
// description and a function from the replay to findings. A `critical`
// finding makes the run unsafe (docs/concepts.md); attempts count: a mutation
// the recording shows as refused still fires the authority rules.
#ifndef KREPLAY_REPLAY_JUDGE_RULES_H_
#define KREPLAY_REPLAY_JUDGE_RULES_H_

#include <string>
#include <vector>

#include "model/object_key.h"
#include "replay/judge/blast_radius.h"
#include "replay/judge/mutations.h"
#include "replay/run/finding_severity.h"
#include "replay/run/replay_result.h"

namespace kreplay {

struct Finding {
  std::string rule;
  FindingSeverity severity;
  std::vector<int> steps;
  std::vector<ObjectKey> objects;
  std::string message;
};

// What rules read: the replay plus what the analysis derived from it.
struct RuleContext {
  const ReplayResult& result;
  const std::vector<BlastMember>& run_radius;
  const std::vector<BlastMember>& touched_healthy;
};

struct Rule {
  const char* id;
  FindingSeverity severity;
  const char* description;
  void (*run)(const RuleContext& context, const Rule& rule, std::vector<Finding>& out);
};

// Every rule, in the order findings are reported.
const std::vector<Rule>& AllRules();

// Runs every rule; findings ordered by rule table order, then first step.
std::vector<Finding> RunRules(const RuleContext& context);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_JUDGE_RULES_H_
