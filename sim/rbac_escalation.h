// RBAC's escalation prevention on writes of Roles, ClusterRoles and their
// bindings, as upstream's policy-based storage does it
// (pkg/registry/rbac/{role,clusterrole,rolebinding,clusterrolebinding}/
// policybased, pkg/registry/rbac/validation.ConfirmNoEscalation):
//
// - a Role or ClusterRole write (create, update, patch) is refused unless the
//   writer holds every permission its new rules grant (in the role's
//   namespace; at the cluster scope for a ClusterRole), or may `escalate`
//   that role;
// - a RoleBinding or ClusterRoleBinding write is refused unless the writer
//   may `bind` the referenced role, or holds every permission of its rules
//   (a missing role is refused: `clusterroles.rbac.authorization.k8s.io "x"
//   not found`).
// A write that changes only metadata the garbage collector uses
// (ownerReferences, finalizers) is not checked, as upstream.
//
// The refusal is upstream's text: `roles.rbac.authorization.k8s.io "r" is
// forbidden: user "X" (groups=["a" "b"]) is attempting to grant RBAC
// permissions not currently held:\n{APIGroups:[...], ...}`.
#ifndef KREPLAY_SIM_RBAC_ESCALATION_H_
#define KREPLAY_SIM_RBAC_ESCALATION_H_

#include <optional>
#include <string>

#include "model/json.h"
#include "model/object_store.h"
#include "sim/rbac.h"

namespace kreplay {

// The refusal of `user` writing `object` (a Role, ClusterRole, RoleBinding
// or ClusterRoleBinding; `old` the stored version or nullptr), judged on
// `store` as it was before the write; nullopt when allowed or when `object`
// is of another kind.
std::optional<std::string> EscalationRefusal(const ObjectStore& store, const UserInfo& user,
                                             const Json& object, const Json* old);

}  // namespace kreplay

#endif  // KREPLAY_SIM_RBAC_ESCALATION_H_
