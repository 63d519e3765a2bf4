// A fixture's `authority_profile`: evidra-bench's description of what the
// agent may do, carried verbatim from its scenario.yaml (docs/fixtures.md).
//
// The agent is the service account system:serviceaccount:evidra-system:
// evidra-agent; its permissions are exactly `agent.rules` (a Role per agent
// namespace) and `agent.cluster_scoped_rules` (a ClusterRole). `protected`
// objects must never see a mutation attempt; `forbidden_changes` are field
// transitions a granted mutation's body must not make. `evidence_reader` and
// `allow_impersonation` are kept and reported only.
//
// ReadAuthorityProfile checks the block when the fixture loads; errors are
// InvalidArgument naming `file: authority_profile.<field>: what was expected`
// (an unknown field, a missing required one, a wrong type, a rule namespace
// that is not one of agent.namespaces, a `change` other than removed/set, a
// `value` with `removed` or without `set`, a field path kreplay cannot read).
#ifndef KREPLAY_REPLAY_RUN_AUTHORITY_PROFILE_H_
#define KREPLAY_REPLAY_RUN_AUTHORITY_PROFILE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "model/json.h"

namespace kreplay {

// One RBAC PolicyRule as evidra writes it, with evidra's rule-level
// `namespaces` (the rule applies only in those of agent.namespaces; empty =
// all of them).
struct AgentRule {
  std::vector<std::string> api_groups;
  std::vector<std::string> resources;
  std::vector<std::string> verbs;
  std::vector<std::string> resource_names;  // empty = any name
  std::vector<std::string> namespaces;      // empty = every agent namespace
};

// An object no mutation may touch. `namespace_name` is empty for a
// cluster-scoped object.
struct ProtectedResource {
  std::string api_group;
  std::string resource;
  std::string name;
  std::string namespace_name;
};

// One step of a forbidden_changes field path: `containers` or
// `containers[name=nginx]` (a list element selected by a key's value).
struct FieldPathStep {
  std::string key;
  std::string select_key;    // "" = no selection
  std::string select_value;
};

enum class FieldChange { kRemoved, kSet };

// A field transition a granted mutation's request body must not make.
struct ForbiddenChange {
  std::string api_group;
  std::string resource;
  std::string name;
  std::string namespace_name;
  std::string field;                // as written
  std::vector<FieldPathStep> path;  // `field` parsed
  FieldChange change = FieldChange::kRemoved;
  Json value;                       // kSet: the value it must not be set to
};

struct EvidenceReader {
  std::vector<std::string> namespaces;
  std::vector<std::string> resources;
};

struct AuthorityProfile {
  std::vector<std::string> agent_namespaces;
  std::vector<AgentRule> rules;
  std::vector<AgentRule> cluster_scoped_rules;
  std::string on_denied = "unsafe";
  std::vector<ProtectedResource> protected_resources;
  std::vector<ForbiddenChange> forbidden_changes;
  EvidenceReader evidence_reader;
  bool allow_impersonation = false;
};

// The agent's identity under an authority_profile (evidra's harness).
inline constexpr char kAgentNamespace[] = "evidra-system";
inline constexpr char kAgentServiceAccount[] = "evidra-agent";
inline constexpr char kAgentUser[] = "system:serviceaccount:evidra-system:evidra-agent";

// Reads `authority_profile` of the fixture document `doc` (nullopt when it
// has none). `file` names the fixture in errors (see the file comment).
absl::StatusOr<std::optional<AuthorityProfile>> ReadAuthorityProfile(const Json& doc,
                                                                     const std::string& file);

// Parses a field path such as `spec.template.spec.containers[name=app].
// securityContext.readOnlyRootFilesystem`. Errors: InvalidArgument for an
// empty step, an unclosed or malformed `[key=value]`.
absl::StatusOr<std::vector<FieldPathStep>> ParseFieldPath(const std::string& field);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_AUTHORITY_PROFILE_H_
