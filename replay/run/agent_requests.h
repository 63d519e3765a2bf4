// The API requests a kubectl operation sends, as the API server's authorizer
// sees them, and their authorization under the fixture's authority_profile
// (docs/semantics.md, "The agent's authority").
//
// kubectl fetches before it edits: `apply` of an existing object is get then
// patch, of a new one get then create (server-side apply: patch, and create
// for a new object); `set`, `label`, `annotate`, `taint`, `rollout
// restart|undo|pause|resume`, `cordon` are get then patch; `scale` patches
// the scale subresource; `replace` is update; `delete` by name is delete,
// by selector or --all a list then one delete per object; `exec` and
// `port-forward` get the pod and create its subresource; `auth can-i`
// creates a SelfSubjectAccessReview. Reads are get (by name) or
// list (`get all`: a list of each kind of the `all` category). Client dry
// runs, --local and local programs send nothing.
#ifndef KREPLAY_REPLAY_RUN_AGENT_REQUESTS_H_
#define KREPLAY_REPLAY_RUN_AGENT_REQUESTS_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "model/object_key.h"
#include "replay/exec/operation.h"
#include "sim/cluster.h"
#include "sim/rbac.h"

namespace kreplay {

// The requests `op` sends for `targets` (resolved before it; `existing`
// holds those that existed then), in order; `default_ns` is kubectl's
// context namespace.
std::vector<RequestAttributes> ApiRequestsOf(const Operation& op,
                                             const std::vector<ObjectKey>& targets,
                                             const std::set<ObjectKey>& existing,
                                             const std::string& default_ns);

// Whether a request's verb writes (create, update, patch, delete,
// deletecollection): what evidra's authority engine counts.
bool IsWriteVerb(const std::string& verb);

// OK when RBAC allows `user` every request of `op`; else PermissionDenied
// with kubectl's text for the first refused one: `Error from server
// (Forbidden): deployments.apps "api" is forbidden: User "..." cannot patch
// resource "deployments" in API group "apps" in the namespace "bench"`.
absl::Status AuthorizeOperation(const Cluster& cluster, const UserInfo& user, const Operation& op,
                                const std::vector<ObjectKey>& targets,
                                const std::string& default_ns);

// `kubectl auth can-i` (and a SubjectAccessReview or SelfSubjectAccessReview
// created with `kubectl create -f`): the answer as kubectl prints it, "yes"
// or "no", for `user` (or the operation's `--as`). nullopt for other
// operations. The reviews are answered and never stored.
std::optional<std::string> AccessReviewAnswer(const Cluster& cluster, const UserInfo& user,
                                              const Operation& op, const std::string& default_ns);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_AGENT_REQUESTS_H_
