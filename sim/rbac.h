// RBAC authorization on the simulated store, as upstream's RBAC authorizer
// decides it (plugin/pkg/auth/authorizer/rbac): the rules of every
// ClusterRoleBinding apply everywhere, those of a RoleBinding only in its
// namespace (a RoleBinding may reference a ClusterRole, whose rules then
// apply in the binding's namespace only). Subjects are User (by name), Group
// (by the user's groups) and ServiceAccount (name and namespace; a
// RoleBinding's subject without a namespace means the binding's).
//
// Built-in discovery rights: when the store has no ClusterRoleBinding of
// that name, system:basic-user (create selfsubjectaccessreviews and
// selfsubjectrulesreviews) and system:discovery / system:public-info-viewer
// (get on /api, /apis, /healthz, /version, ...) are bound to
// system:authenticated as a fresh cluster binds them.
//
// Nothing here fails: a binding whose role does not exist grants nothing
// (upstream records a resolution error and goes on).
#ifndef KREPLAY_SIM_RBAC_H_
#define KREPLAY_SIM_RBAC_H_

#include <string>
#include <vector>

#include "model/object_store.h"
#include "sim/rbac_rule.h"

namespace kreplay {

struct UserInfo {
  std::string name;
  std::vector<std::string> groups;
};

// The user `name` as the API server authenticates it: a service account
// (`system:serviceaccount:<ns>:<name>`) gets the groups
// system:serviceaccounts, system:serviceaccounts:<ns> and
// system:authenticated; any other name `groups` plus system:authenticated.
UserInfo AuthenticatedUser(const std::string& name, std::vector<std::string> groups = {});

// The rules that apply to `user` in `namespace_name` ("" = cluster scope:
// ClusterRoleBindings only), in upstream's order (ClusterRoleBindings, then
// RoleBindings, each by name).
std::vector<PolicyRule> RulesFor(const ObjectStore& store, const UserInfo& user,
                                 const std::string& namespace_name);

// Whether RBAC allows `user` the request.
bool Authorize(const ObjectStore& store, const UserInfo& user, const RequestAttributes& request);

// The API server's 403 message for a refused request: `deployments.apps
// "api" is forbidden: User "X" cannot patch resource "deployments" in API
// group "apps" in the namespace "bench"` (`at the cluster scope` without a
// namespace; `cannot get path "/x"` for a non-resource URL).
std::string ForbiddenMessage(const UserInfo& user, const RequestAttributes& request);

}  // namespace kreplay

#endif  // KREPLAY_SIM_RBAC_H_
