// `kreplay replay --ledger L --fixture F [-o text|json|markdown]`: replays a
// ledger on a fixture and reports the verdict; the exit code is the verdict's.
#ifndef KREPLAY_CLI_REPLAY_COMMAND_H_
#define KREPLAY_CLI_REPLAY_COMMAND_H_

#include "cli/command.h"

namespace kreplay {

CommandRun SetupReplayCommand(CLI::App& sub);

}  // namespace kreplay

#endif  // KREPLAY_CLI_REPLAY_COMMAND_H_
