// `kreplay whatif --fixture F --ledger L [--drop N]... [--replace N=CALL]...
// [--insert-after N=CALL]... [--policy NAME|FILE]... [-o text|json]`: the
// recorded run changed (and guarded by the policies, stacked), replayed and
// judged on its own, then diffed against the recorded run, with every call
// a policy prevented listed and every later step that depends on a changed
// one marked (docs/whatif.md). The exit code is the changed run's verdict's,
// as `kreplay replay`'s.
//
// `kreplay whatif --suite S --policy P... [-o text|json|markdown]`: every
// case of the suite under each policy on its own, grouped per policy into
// the runs made safe, broken by over-blocking, changed otherwise and
// unchanged. Exit 0, or 2 when a case could not be run.
#ifndef KREPLAY_CLI_WHATIF_COMMAND_H_
#define KREPLAY_CLI_WHATIF_COMMAND_H_

#include "cli/command.h"

namespace kreplay {

CommandRun SetupWhatIfCommand(CLI::App& sub);

}  // namespace kreplay

#endif  // KREPLAY_CLI_WHATIF_COMMAND_H_
