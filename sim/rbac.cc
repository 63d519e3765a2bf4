#include "sim/rbac.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace kreplay {
namespace {

constexpr char kServiceAccountPrefix[] = "system:serviceaccount:";
constexpr char kAuthenticated[] = "system:authenticated";

// The discovery bindings a fresh cluster has (upstream bootstrappolicy), used
// when the store has no ClusterRoleBinding of the name.
struct BuiltinBinding {
  const char* name;
  PolicyRule rule;
};
const std::vector<BuiltinBinding>& BuiltinBindings() {
  static const auto* kBindings = new std::vector<BuiltinBinding>{
      {"system:basic-user",
       {{"create"},
        {"authorization.k8s.io"},
        {"selfsubjectaccessreviews", "selfsubjectrulesreviews"},
        {},
        {}}},
      {"system:discovery",
       {{"get"},
        {},
        {},
        {},
        {"/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*",
         "/readyz", "/version", "/version/"}}},
      {"system:public-info-viewer",
       {{"get"}, {}, {}, {}, {"/healthz", "/livez", "/readyz", "/version", "/version/"}}},
  };
  return *kBindings;
}

// upstream appliesToUser for one subject of a binding in `binding_ns`.
bool SubjectApplies(const Json& subject, const UserInfo& user, const std::string& binding_ns) {
  std::string kind = GetString(subject, "kind");
  std::string name = GetString(subject, "name");
  if (kind == "User") return name == user.name;
  if (kind == "Group") {
    return std::find(user.groups.begin(), user.groups.end(), name) != user.groups.end();
  }
  if (kind == "ServiceAccount") {
    std::string ns = GetString(subject, "namespace");
    if (ns.empty()) ns = binding_ns;
    if (ns.empty()) return false;
    return absl::StrCat(kServiceAccountPrefix, ns, ":", name) == user.name;
  }
  return false;
}

bool BindingApplies(const Json& binding, const UserInfo& user, const std::string& binding_ns) {
  const Json* subjects = Find(binding, "subjects");
  if (subjects == nullptr || !subjects->is_array()) return false;
  return std::any_of(subjects->begin(), subjects->end(),
                     [&](const Json& s) { return SubjectApplies(s, user, binding_ns); });
}

// The rules a binding's roleRef names; none when the role does not exist.
std::vector<PolicyRule> RoleRefRules(const ObjectStore& store, const Json& binding,
                                     const std::string& binding_ns) {
  std::string kind = GetString(binding, "roleRef.kind");
  std::string name = GetString(binding, "roleRef.name");
  const Json* role = nullptr;
  if (kind == "ClusterRole") role = store.Get(ObjectKey{"ClusterRole", "", name});
  if (kind == "Role" && !binding_ns.empty()) role = store.Get(ObjectKey{"Role", binding_ns, name});
  return role == nullptr ? std::vector<PolicyRule>() : RulesOf(*role);
}

void Append(std::vector<PolicyRule>& out, std::vector<PolicyRule> more) {
  out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

}  // namespace

UserInfo AuthenticatedUser(const std::string& name, std::vector<std::string> groups) {
  UserInfo user{name, std::move(groups)};
  if (absl::StartsWith(name, kServiceAccountPrefix)) {
    std::vector<std::string> parts =
        absl::StrSplit(name.substr(sizeof(kServiceAccountPrefix) - 1), ':');
    if (parts.size() == 2 && !parts[0].empty() && !parts[1].empty()) {
      user.groups.push_back("system:serviceaccounts");
      user.groups.push_back("system:serviceaccounts:" + parts[0]);
    }
  }
  if (std::find(user.groups.begin(), user.groups.end(), kAuthenticated) == user.groups.end()) {
    user.groups.push_back(kAuthenticated);
  }
  return user;
}

std::vector<PolicyRule> RulesFor(const ObjectStore& store, const UserInfo& user,
                                 const std::string& namespace_name) {
  std::vector<PolicyRule> out;
  bool authenticated =
      std::find(user.groups.begin(), user.groups.end(), kAuthenticated) != user.groups.end();
  for (const BuiltinBinding& b : BuiltinBindings()) {
    if (!authenticated || store.Get(ObjectKey{"ClusterRoleBinding", "", b.name}) != nullptr) continue;
    const Json* role = store.Get(ObjectKey{"ClusterRole", "", b.name});
    if (role != nullptr) {
      Append(out, RulesOf(*role));
    } else {
      out.push_back(b.rule);
    }
  }
  for (const auto& [key, object] : store.objects()) {
    if (key.kind == "ClusterRoleBinding" && BindingApplies(*object, user, "")) {
      Append(out, RoleRefRules(store, *object, ""));
    }
  }
  if (namespace_name.empty()) return out;
  for (const auto& [key, object] : store.objects()) {
    if (key.kind == "RoleBinding" && key.ns == namespace_name &&
        BindingApplies(*object, user, namespace_name)) {
      Append(out, RoleRefRules(store, *object, namespace_name));
    }
  }
  return out;
}

bool Authorize(const ObjectStore& store, const UserInfo& user, const RequestAttributes& request) {
  std::vector<PolicyRule> rules = RulesFor(store, user, request.namespace_name);
  return std::any_of(rules.begin(), rules.end(),
                     [&](const PolicyRule& r) { return RuleAllows(r, request); });
}

std::string ForbiddenMessage(const UserInfo& user, const RequestAttributes& request) {
  if (!request.resource_request) {
    return absl::StrCat("forbidden: User \"", user.name, "\" cannot ", request.verb, " path \"",
                        request.path, "\"");
  }
  std::string resource = request.subresource.empty()
                             ? request.resource
                             : absl::StrCat(request.resource, "/", request.subresource);
  std::string why = absl::StrCat("User \"", user.name, "\" cannot ", request.verb, " resource \"",
                                 resource, "\" in API group \"", request.api_group, "\"",
                                 request.namespace_name.empty()
                                     ? " at the cluster scope"
                                     : absl::StrCat(" in the namespace \"", request.namespace_name, "\""));
  std::string group_resource = request.api_group.empty()
                                   ? request.resource
                                   : absl::StrCat(request.resource, ".", request.api_group);
  if (request.name.empty()) return absl::StrCat(group_resource, " is forbidden: ", why);
  return absl::StrCat(group_resource, " \"", request.name, "\" is forbidden: ", why);
}

}  // namespace kreplay
