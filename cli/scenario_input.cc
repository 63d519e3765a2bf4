#include "cli/scenario_input.h"

#include <limits>

#include <CLI/CLI.hpp>

#include "absl/strings/str_cat.h"
#include "cli/ledger_input.h"
#include "model/status_macros.h"

namespace kreplay {
namespace {

std::vector<std::string> SearchDirs(const ScenarioOptions& options) {
  std::vector<std::string> dirs = options.fixture_dirs;
  for (const std::string& dir : DefaultFixtureDirs()) dirs.push_back(dir);
  return dirs;
}

// The number of calls to keep, checked against what the ledger holds.
absl::StatusOr<int> CallsToKeep(const ScenarioOptions& options, const Ledger& ledger) {
  int count = static_cast<int>(ledger.calls.size());
  if (options.at == kWholeLedger) return count;
  if (options.at > count) {
    return absl::FailedPreconditionError(
        absl::StrCat("--at ", options.at, ": ", options.ledger, " has only ", count,
                     count == 1 ? " call" : " calls"));
  }
  return options.at;
}

}  // namespace

void AddScenarioOptions(CLI::App& sub, ScenarioOptions& options) {
  sub.add_option("--fixture,-f", options.fixture, "Fixture name (fixtures/NAME) or path")
      ->required();
  sub.add_option("--ledger,-l", options.ledger,
                 "Recorded ledger whose first calls lead to the state (default: agent start), - for stdin");
  sub.add_option("--at", options.at,
                 "With --ledger: the state after this many calls (default: all of them)")
      ->check(CLI::Range(0, std::numeric_limits<int>::max()));
  sub.add_option("--format", options.format, "Ledger format; detected from content when omitted");
  sub.add_option("--fixtures-dir", options.fixture_dirs,
                 "Extra directory to look up fixture names in");
  sub.add_flag("--allow-outside-fixture", options.fixture_options.allow_outside_fixture,
               "Let baseline.files name files outside the fixture's directory");
}

std::string Scenario::StateName() const {
  if (at == 0) return "agent start";
  return absl::StrCat("step ", at, " of ", ledger.source);
}

absl::StatusOr<Scenario> LoadScenario(const ScenarioOptions& options) {
  if (options.ledger.empty() && options.at != kWholeLedger) {
    return absl::FailedPreconditionError("--at needs --ledger");
  }
  Scenario scenario;
  KREPLAY_ASSIGN_OR_RETURN(scenario.fixture, LoadFixture(options.fixture, SearchDirs(options),
                                                         options.fixture_options));
  if (options.ledger.empty()) return scenario;
  KREPLAY_ASSIGN_OR_RETURN(scenario.ledger,
                           ReadLedgerInput(options.ledger, options.format, /*strict=*/false));
  KREPLAY_ASSIGN_OR_RETURN(scenario.at, CallsToKeep(options, scenario.ledger));
  scenario.ledger.calls.resize(static_cast<size_t>(scenario.at));
  return scenario;
}

}  // namespace kreplay
