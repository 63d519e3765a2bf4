// `kreplay fixtures [-o text|json] [--fixtures-dir DIR]...`: the fixtures a
// bare `--fixture NAME` can name, in lookup order (--fixtures-dir, then
// $KREPLAY_FIXTURES, ./fixtures and the bundled fixtures): every directory
// under a search directory holding a fixture.yaml, by name, the first one
// found for a name winning (as LoadFixture looks them up), with the
// description's first sentence on one line. A fixture that does not load is
// listed with its error rather than dropped. Exit 0, or 65 when a listed
// fixture does not load.
#ifndef KREPLAY_CLI_FIXTURES_COMMAND_H_
#define KREPLAY_CLI_FIXTURES_COMMAND_H_

#include "cli/command.h"

namespace kreplay {

CommandRun SetupFixturesCommand(CLI::App& sub);

}  // namespace kreplay

#endif  // KREPLAY_CLI_FIXTURES_COMMAND_H_
