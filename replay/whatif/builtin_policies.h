// The built-in guardrail policies of `kreplay whatif --policy NAME`: the
// safety modes of real Kubernetes MCP servers, as their source defines
// them (docs/whatif.md lists each with its upstream file and commit).
//
//   flux159-readonly, flux159-non-destructive   Flux159/mcp-server-kubernetes
//   containers-read-only, containers-disable-destructive
//                                               containers/kubernetes-mcp-server
//   aks-readonly, aks-readwrite, aks-admin      Azure/aks-mcp --access-level
#ifndef KREPLAY_REPLAY_WHATIF_BUILTIN_POLICIES_H_
#define KREPLAY_REPLAY_WHATIF_BUILTIN_POLICIES_H_

#include <optional>
#include <string>
#include <vector>

#include "replay/whatif/policy.h"

namespace kreplay {

// The built-in policy `name`; nullopt when there is none.
std::optional<Policy> BuiltinPolicy(const std::string& name);

// Every built-in policy's name, in table order.
std::vector<std::string> BuiltinPolicyNames();

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_WHATIF_BUILTIN_POLICIES_H_
