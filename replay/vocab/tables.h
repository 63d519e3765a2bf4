// The per-server tool tables behind replay/vocab/vocabulary.h: a header
// filled by one file per server (kubectl_strings.cc, flux159_common.cc
// joining flux159.cc and flux159_legacy.cc, containers.cc, kagent.cc,
// strowk.cc, execution_entry.cc, audit.cc, agent_local.cc); vocabulary.cc
// holds the table of servers. The helpers the handlers share are in args.h. Internal
// to replay/vocab/.
#ifndef KREPLAY_REPLAY_VOCAB_TABLES_H_
#define KREPLAY_REPLAY_VOCAB_TABLES_H_

#include "absl/types/span.h"
#include "replay/vocab/vocabulary.h"

namespace kreplay {

// One table per server (files of the same name under replay/vocab/).
absl::Span<const ToolSpec> KubectlStringTools();
absl::Span<const ToolSpec> Flux159Tools();
absl::Span<const ToolSpec> ContainersTools();
absl::Span<const ToolSpec> KagentTools();
absl::Span<const ToolSpec> StrowkTools();
absl::Span<const ToolSpec> ExecutionEntryTools();
absl::Span<const ToolSpec> AuditTools();
absl::Span<const ToolSpec> AgentLocalTools();

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_VOCAB_TABLES_H_
