// The agent's permissions under an authority_profile, as the RBAC objects
// evidra's harness creates (docs/fixtures.md, authority_profile):
// Namespace evidra-system and ServiceAccount evidra-system/evidra-agent; per
// agent namespace a Role `evidra-agent-role-<ns>` holding the rules that
// apply there (rule-level `namespaces` empty or naming it) and a RoleBinding
// of the same name to the service account; with cluster_scoped_rules a
// ClusterRole `evidra-agent-cluster-role` and its ClusterRoleBinding.
//
// They live in the simulated store like any object, so the one RBAC
// evaluator (sim/rbac.h) answers the API server, `kubectl auth can-i` and
// SubjectAccessReviews alike, and an agent that edits its own Role changes
// what it may do, as on evidra's cluster.
#ifndef KREPLAY_REPLAY_RUN_AGENT_RBAC_H_
#define KREPLAY_REPLAY_RUN_AGENT_RBAC_H_

#include <vector>

#include "model/json.h"
#include "replay/run/authority_profile.h"

namespace kreplay {

// Adds those objects to `baseline`: the Namespaces evidra-system and each
// agent namespace the baseline does not create (evidra's harness creates
// `bench`) first, the rest last. Objects whose key the baseline already has
// are left out.
void AddAgentRbac(const AuthorityProfile& profile, std::vector<Json>& baseline);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_AGENT_RBAC_H_
