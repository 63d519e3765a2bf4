// `kreplay ledger`: look at a recorded ledger without replaying it.
//
//   kreplay ledger convert IN [--format F] [--strict] [-o canonical]
//       writes IN as canonical JSONL (kreplay.ledger/v1) to stdout;
//   kreplay ledger check IN [--format F] [--strict] [-o text|json]
//       reports, per call, what kreplay understood (tool, server,
//       operations with verb, kind, namespace and names) and what it did not,
//       and why.
// Exit codes (docs/cli.md): 0 everything understood (check) or written
// (convert); 65 bad data, or (check) something not understood; 66 IN missing.
#ifndef KREPLAY_CLI_LEDGER_COMMAND_H_
#define KREPLAY_CLI_LEDGER_COMMAND_H_

#include "cli/command.h"

namespace kreplay {

CommandRun SetupLedgerCommand(CLI::App& sub);

}  // namespace kreplay

#endif  // KREPLAY_CLI_LEDGER_COMMAND_H_
