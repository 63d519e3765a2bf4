// `kreplay test SUITE|DIR... [-j N] [-o text|json|junit|markdown]
// [--fail-fast] [--run REGEX] [--shard K/N]` runs regression suites
// (docs/suites.md) in-process on worker threads and reports every case
// against its expectations; `kreplay test merge SHARD.json...` combines the
// JSON reports of `--shard` runs into the report of one whole run.
// Exit codes: 0 every case met its expectations, 1 a case did not, 65 a
// suite file or case could not be read or judged (the other cases still run
// and are reported), 66 a suite argument does not exist, 64 usage (a bad
// --run pattern or --shard).
#ifndef KREPLAY_CLI_TEST_COMMAND_H_
#define KREPLAY_CLI_TEST_COMMAND_H_

#include "cli/command.h"

namespace kreplay {

CommandRun SetupTestCommand(CLI::App& sub);

}  // namespace kreplay

#endif  // KREPLAY_CLI_TEST_COMMAND_H_
