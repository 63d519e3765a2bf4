// `kreplay graph --fixture F [--ledger L --at N] [-o dot|json|text]`: the
// dependency graph (model/dependency_graph.h) of the state at agent start,
// or after step N of a ledger with that step's blast radius marked on it:
// DOT nodes filled by tier, JSON nodes carrying `tier` and `reason`, text
// node lines ending in `[blast radius: tier]`. Exit 0, or 64 usage, 65 bad
// input data, 66 a missing fixture or ledger.
#ifndef KREPLAY_CLI_GRAPH_COMMAND_H_
#define KREPLAY_CLI_GRAPH_COMMAND_H_

#include "cli/command.h"

namespace kreplay {

CommandRun SetupGraphCommand(CLI::App& sub);

}  // namespace kreplay

#endif  // KREPLAY_CLI_GRAPH_COMMAND_H_
