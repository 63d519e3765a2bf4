// Guardrail policies for `kreplay whatif --policy` (docs/whatif.md): what an
// MCP server's safety mode, or a policy file of kreplay's own, would have
// done with each recorded call before it reached the cluster.
//
// A policy is data: an optional tool mode (which tools of one server it
// hides, and which of that server's tools would carry each kubectl verb), an
// optional verb allow-list (aks-mcp's access levels), and ordered rules by
// verb, kind, object name and namespace. Decide() reads the tables; it never
// runs anything. A hidden tool makes the call unavailable, a rule refuses it;
// either way it is prevented and never reaches the simulated cluster.
#ifndef KREPLAY_REPLAY_WHATIF_POLICY_H_
#define KREPLAY_REPLAY_WHATIF_POLICY_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "replay/exec/operation.h"
#include "replay/ledger/ledger.h"
#include "replay/whatif/safety_gates.h"

namespace kreplay {

enum class GuardAction { kAllow, kDeny, kRequireDryRun, kRequireApproval };

// "allow", "deny", "require-dry-run", "require-approval".
const char* GuardActionName(GuardAction action);

// One rule of a policy file. Each list is a set of globs (fnmatch); an empty
// list matches anything. `verbs` match the canonical verb ("patch",
// "rollout restart"), `kinds` the kind case-insensitively, `names` each
// object name (an operation by selector or --all matches any), `namespaces`
// the namespace ("default" when the call gives none).
struct GuardRule {
  GuardAction action = GuardAction::kDeny;
  std::vector<std::string> verbs, kinds, names, namespaces;
  std::string where;  // "file:line" of the rule, for reasons
};

// An MCP server's tool filter. `current` lists the server's tools of the
// version the mode was read from; a call of that server naming one of them
// is decided by its name. Any other call (a kubectl string through a shell
// tool, another vocabulary, an older tool name) is decided per operation by
// the tool of this server that carries its verb (EquivalentTool).
struct ToolMode {
  std::string server;            // vocabulary: "flux159", "containers"
  std::string flag;              // how the mode is set: "ALLOW_ONLY_READONLY_TOOLS=true"
  std::set<std::string> current;
  std::set<std::string> hidden;  // the tools the mode hides
};

struct Policy {
  std::string name;    // "flux159-readonly", or the file's metadata.name
  std::string source;  // where its facts come from: upstream file@commit, or the policy file
  std::optional<ToolMode> mode;
  // aks-mcp: the kubectl command words (first word of the verb) allowed;
  // nullopt when the policy has no verb list.
  std::optional<std::set<std::string>> allowed_commands;
  std::optional<SafetyGates> gates;  // a k8s-mcp-safety-config.yaml's
  std::vector<GuardRule> rules;  // first match wins
  GuardAction default_action = GuardAction::kAllow;
};

struct GuardDecision {
  bool prevented = false;
  // "hidden" (the tool is unavailable), "refused", or "dry-run" (sent as a
  // dry run by a safety gate: nothing is persisted)
  std::string how;
  std::string reason;  // one line, naming the tool, verb or rule
};

// What `policy` does with `call`: the call is prevented when the tool is
// hidden or any of its operations is refused (a command line is refused as
// a whole, as the servers check it before running it).
GuardDecision Decide(const Policy& policy, const ToolCall& call);

// The first policy of `policies` that prevents `call`; not prevented when
// none does. `*by` is set to the policy's index when one does.
GuardDecision DecideAll(const std::vector<Policy>& policies, const ToolCall& call,
                         size_t* by = nullptr);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_WHATIF_POLICY_H_
