#include "cli/app.h"

#include <iostream>
#include <memory>
#include <optional>

#include <CLI/CLI.hpp>

#include "cli/blast_command.h"
#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/diff_command.h"
#include "cli/exit_status.h"
#include "cli/fixtures_command.h"
#include "cli/graph_command.h"
#include "cli/ledger_command.h"
#include "cli/patch_command.h"
#include "cli/replay_command.h"
#include "cli/test_command.h"
#include "cli/whatif_command.h"

namespace kreplay {
namespace {

// The subcommands, in the order `kreplay --help` lists them.
const Command kCommands[] = {
    {"replay", "Replay a ledger on a fixture and judge the run", &SetupReplayCommand},
    {"diff", "Diff two runs of one scenario: outcomes, steps aligned on what they mean, end states", &SetupDiffCommand},
    {"whatif", "What if the agent had skipped a call or done something else: the changed run judged and diffed", &SetupWhatIfCommand},
    {"ledger", "Convert a recorded ledger to canonical JSONL, or check what kreplay understands of it", &SetupLedgerCommand},
    {"patch", "Patch objects offline, as kubectl patch --local does", &SetupPatchCommand},
    {"blast", "Blast radius of a hypothetical operation on a fixture's state, before running it", &SetupBlastCommand},
    {"graph", "Dependency graph of a fixture's state (text, DOT or JSON), blast radius marked", &SetupGraphCommand},
    {"fixtures", "List the fixtures a --fixture name can name, with their descriptions", &SetupFixturesCommand},
    {"test", "Run regression suites: cases of ledgers with expected verdicts and findings", &SetupTestCommand},
};

}  // namespace

int RunApp(const std::vector<std::string>& args, std::ostream& out,
           std::ostream& err) {
  CLI::App app{"kreplay: offline replay of Kubernetes agent ledgers", "kreplay"};
  app.set_version_flag("--version", "kreplay " KREPLAY_VERSION);
  app.require_subcommand(1);
  std::vector<std::pair<CLI::App*, CommandRun>> runs;
  for (const Command& command : kCommands) {
    CLI::App* sub = app.add_subcommand(command.name, command.description);
    runs.emplace_back(sub, command.setup(*sub));
  }
  std::vector<std::string> normalized = NormalizeShortOptions(args);
  if (std::optional<UnknownCommandError> unknown = UnknownCommand(app, normalized)) {
    PrintError(unknown->message, err);
    err << unknown->hint << "\n";
    return kExitUsage;
  }
  std::vector<std::string> reversed(normalized.rbegin(), normalized.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e, out, err);  // --help, --version
    PrintError(UsageMessage(app, e), err);
    err << UsageHint(app) << "\n";
    return kExitUsage;
  }
  for (auto& [sub, run] : runs) {
    if (sub->parsed()) return run(out, err);
  }
  return kExitUsage;
}

int RunApp(int argc, char** argv) {
  return RunApp(std::vector<std::string>(argv + 1, argv + argc), std::cout,
                std::cerr);
}

}  // namespace kreplay
