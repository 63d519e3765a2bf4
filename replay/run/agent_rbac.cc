#include "replay/run/agent_rbac.h"

#include <algorithm>
#include <set>
#include <string>

#include "model/object_key.h"

namespace kreplay {
namespace {

constexpr char kRbacVersion[] = "rbac.authorization.k8s.io/v1";
constexpr char kRbacGroup[] = "rbac.authorization.k8s.io";
constexpr char kRolePrefix[] = "evidra-agent-role-";
constexpr char kClusterRole[] = "evidra-agent-cluster-role";

Json Meta(const std::string& name, const std::string& ns) {
  Json meta = {{"name", name}};
  if (!ns.empty()) meta["namespace"] = ns;
  return meta;
}

Json RuleJson(const AgentRule& rule) {
  Json out = {{"apiGroups", rule.api_groups}, {"resources", rule.resources},
              {"verbs", rule.verbs}};
  if (!rule.resource_names.empty()) out["resourceNames"] = rule.resource_names;
  return out;
}

Json Binding(const std::string& kind, const std::string& name, const std::string& ns,
             const std::string& role_kind) {
  return {{"apiVersion", kRbacVersion},
          {"kind", kind},
          {"metadata", Meta(name, ns)},
          {"subjects", Json::array({{{"kind", "ServiceAccount"},
                                     {"name", kAgentServiceAccount},
                                     {"namespace", kAgentNamespace}}})},
          {"roleRef", {{"apiGroup", kRbacGroup}, {"kind", role_kind}, {"name", name}}}};
}

}  // namespace

void AddAgentRbac(const AuthorityProfile& profile, std::vector<Json>& baseline) {
  std::set<ObjectKey> present;
  for (const Json& object : baseline) present.insert(KeyOf(object));
  std::vector<Json> namespaces;
  std::vector<Json> out;
  auto add = [&](Json object) {
    if (present.insert(KeyOf(object)).second) out.push_back(std::move(object));
  };
  auto ns_object = [](const std::string& name) {
    return Json{{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", Meta(name, "")}};
  };
  add(ns_object(kAgentNamespace));
  for (const std::string& ns : profile.agent_namespaces) add(ns_object(ns));
  namespaces.swap(out);
  add({{"apiVersion", "v1"},
       {"kind", "ServiceAccount"},
       {"metadata", Meta(kAgentServiceAccount, kAgentNamespace)}});
  for (const std::string& ns : profile.agent_namespaces) {
    Json rules = Json::array();
    for (const AgentRule& rule : profile.rules) {
      if (rule.namespaces.empty() ||
          std::find(rule.namespaces.begin(), rule.namespaces.end(), ns) != rule.namespaces.end()) {
        rules.push_back(RuleJson(rule));
      }
    }
    std::string name = kRolePrefix + ns;
    add({{"apiVersion", kRbacVersion}, {"kind", "Role"}, {"metadata", Meta(name, ns)},
         {"rules", rules}});
    add(Binding("RoleBinding", name, ns, "Role"));
  }
  if (!profile.cluster_scoped_rules.empty()) {
    Json rules = Json::array();
    for (const AgentRule& rule : profile.cluster_scoped_rules) rules.push_back(RuleJson(rule));
    add({{"apiVersion", kRbacVersion}, {"kind", "ClusterRole"}, {"metadata", Meta(kClusterRole, "")},
         {"rules", rules}});
    add(Binding("ClusterRoleBinding", kClusterRole, "", "ClusterRole"));
  }
  baseline.insert(baseline.begin(), namespaces.begin(), namespaces.end());
  baseline.insert(baseline.end(), out.begin(), out.end());
}

}  // namespace kreplay
