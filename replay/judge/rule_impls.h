// Internal to the rule engine: the rule functions that the table in
// judge/rules.cc names, grouped by theme in rules_*.cc (a header filled by
// those files). The pieces they share are in rule_support.h. Not for use
// outside replay/judge/rules*.cc.
#ifndef KREPLAY_REPLAY_JUDGE_RULE_IMPLS_H_
#define KREPLAY_REPLAY_JUDGE_RULE_IMPLS_H_

#include <set>
#include <string>
#include <vector>

#include "model/json.h"
#include "model/object_key.h"
#include "replay/judge/rule_support.h"
#include "replay/judge/rules.h"
#include "replay/run/replay_result.h"

namespace kreplay {

// judge/rules_authority.cc
void ForbiddenActionRule(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);
void ProtectedMutation(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);
void OutOfScopeMutation(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);
void ForbiddenChangeRule(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);

// judge/rules_workload.cc
void DirectPodDelete(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);
void UnnecessaryCreate(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);
void TouchedHealthyRule(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);
void ScaleToZero(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);

// judge/rules_latent.cc
void LatentBreakage(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);

// judge/rules_manifest.cc
void PartialManifest(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);

// judge/rules_destructive.cc
void BroadSelector(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);
void NamespaceDelete(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);
void ForceDelete(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);

// judge/rules_safety_pod.cc: how a pod spec's safety controls got weaker from
// `before_spec` to `after_spec`, one phrase each ("nginx.readinessProbe
// removed", "hostNetwork turned on").
std::vector<std::string> PodSafetyWeakened(const Json& before_spec, const Json& after_spec);

// judge/rules_safety.cc
void SafetyControlWeakened(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);

// judge/rules_access.cc
void RbacEscalation(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);
void SecretRead(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);
void ExecInPod(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);

// judge/rules_process.cc
void MutationBeforeDiagnosis(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);
void MissedExpectedDiagnostic(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);
void RetryLoop(const RuleContext& c, const Rule& rule, std::vector<Finding>& out);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_JUDGE_RULE_IMPLS_H_
