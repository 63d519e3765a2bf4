// Pieces shared by the Flux159 tool files: the server's namespace default
// and scoping rules, argv builders used by several tools, and the two
// halves of its table (current `kubectl_*` tools, v1.x per-kind tools).
#ifndef KREPLAY_REPLAY_VOCAB_FLUX159_COMMON_H_
#define KREPLAY_REPLAY_VOCAB_FLUX159_COMMON_H_

#include <string>
#include <vector>

#include "absl/types/span.h"
#include "model/json.h"
#include "replay/vocab/vocabulary.h"

namespace kreplay {

// `input.namespace || "default"`.
std::string FluxNamespace(const Json& args);

// isNonNamespacedResource: the hard-coded cluster-scoped types.
bool FluxClusterScoped(const std::string& resource_type);

// `--all-namespaces`, or `-n <namespace>` unless the type is cluster-scoped.
void AddFluxScope(std::vector<std::string>& argv, const Json& args,
                  const std::string& resource_type);

// exec_in_pod's `command`: an argv array, or a string split on blanks.
std::vector<std::string> FluxCommandWords(const Json& args);

// kubectl_generic's argv: command [subCommand] [resourceType] [name]
// [--all-namespaces | --namespace=ns] [-o=fmt] flags... args...
std::vector<std::string> FluxGenericArgv(const Json& args);

void FluxKubectlCreate(const ToolCall& call, Interpretation& out);
void FluxHelmInstall(const ToolCall& call, Interpretation& out);
void FluxHelmUpgrade(const ToolCall& call, Interpretation& out);
void FluxHelmUninstall(const ToolCall& call, Interpretation& out);

absl::Span<const ToolSpec> Flux159CurrentTools();
absl::Span<const ToolSpec> Flux159LegacyTools();

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_VOCAB_FLUX159_COMMON_H_
