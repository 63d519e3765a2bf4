// Policy files of kreplay's own (docs/whatif.md, "Policy files"): a YAML
// document `apiVersion: kreplay.dev/v1`, `kind: Policy`, with ordered rules
// that allow, deny, require a dry run or require a human approval by verb,
// kind, object name glob and namespace.
//
//   apiVersion: kreplay.dev/v1
//   kind: Policy
//   metadata: {name: no-configmap-patches}
//   spec:
//     default: allow
//     rules:
//       - {action: deny, verbs: [patch, apply], kinds: [ConfigMap], namespaces: [bench]}
#ifndef KREPLAY_REPLAY_WHATIF_POLICY_FILE_H_
#define KREPLAY_REPLAY_WHATIF_POLICY_FILE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "replay/whatif/policy.h"

namespace kreplay {

// Reads the policy file at `path`. Errors: NotFound when it cannot be
// opened; InvalidArgument "<file>:<line>: <field>: <what>" for YAML syntax,
// a wrong apiVersion or kind, an unknown field, a bad action or a value of
// the wrong type.
absl::StatusOr<Policy> LoadPolicyFile(const std::string& path);

// The same, from `text` read from `source`.
absl::StatusOr<Policy> ParsePolicy(absl::string_view text, const std::string& source);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_WHATIF_POLICY_FILE_H_
