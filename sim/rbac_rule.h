// RBAC PolicyRules: what one rule of a Role or ClusterRole grants, as
// upstream's rbac authorizer matches it (plugin/pkg/auth/authorizer/rbac
// RuleAllows, pkg/apis/rbac/v1 helpers) and as its escalation check compares
// rules (pkg/registry/rbac/validation: BreakdownRule, Covers, CompactRules,
// CompactString).
//
// Matching: a verb, API group or resource of `*` matches anything; a
// resource `deployments/scale` matches only that subresource, `*/scale` the
// scale subresource of every resource; resourceNames restrict a request to
// those names, so a request without a name (create, list, watch,
// deletecollection) never matches a rule that has them; a non-resource URL
// matches exactly or by a trailing `*`.
#ifndef KREPLAY_SIM_RBAC_RULE_H_
#define KREPLAY_SIM_RBAC_RULE_H_

#include <string>
#include <vector>

#include "model/json.h"

namespace kreplay {

struct PolicyRule {
  std::vector<std::string> verbs;
  std::vector<std::string> api_groups;
  std::vector<std::string> resources;
  std::vector<std::string> resource_names;
  std::vector<std::string> non_resource_urls;
};

// What one request asks for, as the API server's authorizer sees it.
struct RequestAttributes {
  std::string verb;            // get, list, create, patch, ..., or a URL's verb
  std::string api_group;       // "" for the core group
  std::string resource;        // plural: deployments
  std::string subresource;     // scale, status, exec, ...
  std::string namespace_name;  // "" for cluster-scoped requests
  std::string name;            // "" for create, list, watch, deletecollection
  bool resource_request = true;
  std::string path = "";       // non-resource requests: /healthz, /api, ...
};

// The rules of a Role or ClusterRole object (`rules`; missing fields empty).
std::vector<PolicyRule> RulesOf(const Json& role);

// The rule as a manifest's rules entry (empty fields left out).
Json RuleToJson(const PolicyRule& rule);

// Whether `rule` grants the request (upstream RuleAllows).
bool RuleAllows(const PolicyRule& rule, const RequestAttributes& request);

// The rules of `owner` cover every permission of `requested` (upstream
// validation.Covers); `missing` receives the broken-down permissions that
// are not covered, compacted as upstream compacts them.
bool Covers(const std::vector<PolicyRule>& owner, const std::vector<PolicyRule>& requested,
            std::vector<PolicyRule>* missing);

// Upstream's CompactString: `{APIGroups:["apps"], Resources:["deployments"],
// Verbs:["get" "patch"]}` (empty fields left out).
std::string CompactString(const PolicyRule& rule);

}  // namespace kreplay

#endif  // KREPLAY_SIM_RBAC_RULE_H_
