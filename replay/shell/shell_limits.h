// The size limits of one call's command line (docs/limits.md, "Ledgers and
// command lines"). A line over either limit is not interpreted: it becomes
// one kUnknown Operation whose problem names the limit, so the call (and the
// run) is incomplete, never silently safe; the ledger's other calls are
// replayed.
#ifndef KREPLAY_REPLAY_SHELL_SHELL_LIMITS_H_
#define KREPLAY_REPLAY_SHELL_SHELL_LIMITS_H_

#include <cstddef>

namespace kreplay {

// Bytes of one call's command text (heredoc bodies included).
inline constexpr size_t kMaxCommandLineBytes = size_t{1} << 20;  // 1 MiB
// Commands of one line (each command of each pipeline, `&&`, `||`, `;`,
// `|` and newlines alike), counted at each nesting level.
inline constexpr size_t kMaxCommandsPerLine = 1000;

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_SHELL_SHELL_LIMITS_H_
