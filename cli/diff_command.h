// `kreplay diff --fixture F A B [-o text|json|markdown]`: replays two
// ledgers of one scenario on the fixture, judges both, and prints their
// path diff (docs/diff.md): outcomes side by side, the steps aligned on what
// they mean, the end states object by object. Exit 0 when the outcomes are
// the same, 1 when they differ, 64/65/66 as every command.
#ifndef KREPLAY_CLI_DIFF_COMMAND_H_
#define KREPLAY_CLI_DIFF_COMMAND_H_

#include "cli/command.h"

namespace kreplay {

CommandRun SetupDiffCommand(CLI::App& sub);

}  // namespace kreplay

#endif  // KREPLAY_CLI_DIFF_COMMAND_H_
