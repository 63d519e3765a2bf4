// The inputs `kreplay blast` and `kreplay graph` share: a fixture and,
// optionally, a recorded ledger cut after its first N calls. Together they
// name the cluster state an answer is about: the state at agent start (no
// ledger, or --at 0), or the state after step N of the ledger.
#ifndef KREPLAY_CLI_SCENARIO_INPUT_H_
#define KREPLAY_CLI_SCENARIO_INPUT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "replay/ledger/ledger.h"
#include "replay/run/fixture.h"

namespace CLI {
class App;
}  // namespace CLI

namespace kreplay {

// --at's default: every call of the ledger.
inline constexpr int kWholeLedger = -1;

struct ScenarioOptions {
  std::string fixture;
  std::string ledger;   // "" = none: the state at agent start
  std::string format;   // ledger format, "" = detect
  int at = kWholeLedger;
  std::vector<std::string> fixture_dirs;
  FixtureOptions fixture_options;  // --allow-outside-fixture
};

// Declares --fixture/-f (required), --ledger/-l, --at, --format,
// --fixtures-dir and --allow-outside-fixture on `sub`, bound to `options`.
void AddScenarioOptions(CLI::App& sub, ScenarioOptions& options);

struct Scenario {
  Fixture fixture;
  Ledger ledger;  // the first `at` calls of --ledger; no calls without one
  int at = 0;     // how many calls lead to the state the answer is about

  // "agent start", or "step 2 of run.jsonl".
  std::string StateName() const;
};

// Loads the fixture and the ledger (cut after `at` calls).
// Errors: NotFound for a missing fixture or ledger file; InvalidArgument for
// bad fixture or ledger content; FailedPrecondition (a usage error) for --at
// without --ledger or beyond the ledger's call count (naming the count).
absl::StatusOr<Scenario> LoadScenario(const ScenarioOptions& options);

}  // namespace kreplay

#endif  // KREPLAY_CLI_SCENARIO_INPUT_H_
