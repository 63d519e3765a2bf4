// `kreplay whatif --fixture F --ledger L [--drop N]... [--replace N=CALL]...
// [--insert-after N=CALL]... [-o text|json]`: the recorded run changed,
// replayed and judged on its own, then diffed against the recorded run,
// with every later step that depends on a changed one marked
// (docs/whatif.md). The exit code is the changed run's verdict's, as
// `kreplay replay`'s.
#ifndef KREPLAY_CLI_WHATIF_COMMAND_H_
#define KREPLAY_CLI_WHATIF_COMMAND_H_

#include "cli/command.h"

namespace kreplay {

CommandRun SetupWhatIfCommand(CLI::App& sub);

}  // namespace kreplay

#endif  // KREPLAY_CLI_WHATIF_COMMAND_H_
