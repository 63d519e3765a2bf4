// Which tool of an MCP server would carry a kubectl operation, for deciding
// a server mode on a call that did not go through that server's own tools
// (a kubectl string through a shell tool, another server's vocabulary, an
// older tool name): docs/whatif.md, "Calls that are not the server's".
//
// The tables follow the servers' tools as they run kubectl or the API:
// Flux159 has one tool per common verb and kubectl_generic for the rest;
// containers writes everything but deletes, scale, exec and run through
// resources_create_or_update.
#ifndef KREPLAY_REPLAY_WHATIF_TOOL_EQUIVALENTS_H_
#define KREPLAY_REPLAY_WHATIF_TOOL_EQUIVALENTS_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "replay/exec/operation.h"

namespace kreplay {

// The tool of `server` ("flux159", "containers") that would carry `op`;
// nullopt when none of its tools can do it (containers has no drain,
// Flux159 no helm rollback).
std::optional<std::string> EquivalentTool(absl::string_view server, const Operation& op);

// The kubectl command word of `verb` as aks-mcp's validator reads it: the
// first word of the canonical name ("rollout" for "rollout restart",
// "helm" for the helm verbs).
std::string CommandWordOf(Verb verb);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_WHATIF_TOOL_EQUIVALENTS_H_
