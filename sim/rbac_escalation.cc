#include "sim/rbac_escalation.h"

#include <set>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "sim/rbac_rule.h"
#include "sim/validation.h"

namespace kreplay {
namespace {

constexpr char kGroup[] = "rbac.authorization.k8s.io";

// The kinds checked: their resource, and whether they are bindings.
struct RbacKind {
  const char* kind;
  const char* resource;
  bool binding;
};
constexpr RbacKind kKinds[] = {
    {"Role", "roles", false},
    {"ClusterRole", "clusterroles", false},
    {"RoleBinding", "rolebindings", true},
    {"ClusterRoleBinding", "clusterrolebindings", true},
};

// Everything but metadata's ownerReferences and finalizers (and status).
Json WithoutGcFields(const Json& object) {
  Json copy = object;
  if (copy.contains("metadata") && copy["metadata"].is_object()) {
    for (const char* key : {"ownerReferences", "finalizers", "resourceVersion", "generation",
                            "managedFields", "uid", "creationTimestamp"}) {
      copy["metadata"].erase(key);
    }
  }
  return copy;
}

std::string Forbidden(const RbacKind& kind, const std::string& name, const std::string& why) {
  return absl::StrCat(kind.resource, ".", kGroup, " \"", name, "\" is forbidden: ", why);
}

std::optional<std::string> NotHeld(const ObjectStore& store, const UserInfo& user,
                                   const std::string& ns, const std::vector<PolicyRule>& rules,
                                   const RbacKind& kind, const std::string& name) {
  std::vector<PolicyRule> missing;
  if (Covers(RulesFor(store, user, ns), rules, &missing)) return std::nullopt;
  std::set<std::string> described;
  for (const PolicyRule& rule : missing) described.insert(CompactString(rule));
  std::vector<std::string> groups;
  for (const std::string& g : user.groups) groups.push_back(GoQuote(g));
  return Forbidden(kind, name,
                   absl::StrCat("user ", GoQuote(user.name), " (groups=[",
                                absl::StrJoin(groups, " "),
                                "]) is attempting to grant RBAC permissions not currently held:\n",
                                absl::StrJoin(described, "\n")));
}

}  // namespace

std::optional<std::string> EscalationRefusal(const ObjectStore& store, const UserInfo& user,
                                             const Json& object, const Json* old) {
  std::string kind_name = GetString(object, "kind");
  const RbacKind* kind = nullptr;
  for (const RbacKind& k : kKinds) {
    if (kind_name == k.kind) kind = &k;
  }
  if (kind == nullptr) return std::nullopt;
  if (old != nullptr && WithoutGcFields(*old) == WithoutGcFields(object)) return std::nullopt;
  std::string name = GetString(object, "metadata.name");
  std::string ns = GetString(object, "metadata.namespace");
  if (!kind->binding) {
    RequestAttributes escalate{"escalate", kGroup, kind->resource, "", ns, name};
    if (Authorize(store, user, escalate)) return std::nullopt;
    return NotHeld(store, user, ns, RulesOf(object), *kind, name);
  }
  std::string ref_kind = GetString(object, "roleRef.kind");
  std::string ref_name = GetString(object, "roleRef.name");
  std::string ref_resource = ref_kind == "ClusterRole" ? "clusterroles" : "roles";
  RequestAttributes bind{"bind", kGroup, ref_resource, "", ns, ref_name};
  if (Authorize(store, user, bind)) return std::nullopt;
  const Json* role = ref_kind == "ClusterRole" ? store.Get(ObjectKey{"ClusterRole", "", ref_name})
                     : ref_kind == "Role"      ? store.Get(ObjectKey{"Role", ns, ref_name})
                                               : nullptr;
  if (role == nullptr) {
    return Forbidden(*kind, name, absl::StrCat(ref_resource, ".", kGroup, " \"", ref_name,
                                               "\" not found"));
  }
  return NotHeld(store, user, ns, RulesOf(*role), *kind, name);
}

}  // namespace kreplay
