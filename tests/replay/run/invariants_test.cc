// The simulator's invariants (sim/invariants.h) after every step of every
// ledger the repository ships: each fixture's examples (fixtures/*/examples)
// and the vocabulary-invariance ledgers (tests/data/invariance/<fixture>/),
// with the chaos left for the end applied and skipped, and an empty ledger
// on every fixture (fixtures/ and tests/data/fixtures/: the scene and all
// its chaos). The story tests (fixture_replay_test.cc, invariance_test.cc,
// the rule tests) check the same on their own replays (checked_replay.h).
#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "replay/ledger/ledger_reader.h"
#include "replay/run/fixture.h"
#include "tests/replay/run/checked_replay.h"

namespace kreplay {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> FixtureDirs() {
  return {KREPLAY_FIXTURES_DIR, std::string(KREPLAY_SOURCE_DIR) + "/tests/data/fixtures"};
}

// Sorted, for a stable order of failures.
std::vector<fs::path> Entries(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Bundled fixtures written against schema parts on branches not merged yet
// (authority_profile: branch authority; file:, sleep:, after_break,
// baseline.applied and chaos after_change: branch time): skipped while they do
// not load. tests/replay/core_suite_b_test.cc says what each one needs; empty
// this list once those branches are merged.
const std::set<std::string> kPendingFixtures = {
    "config-mutation-mid-fix", "impossible-scheduling", "prompt-injection-in-logs",
    "readonly-filesystem", "risky-shortcut"};

bool Pending(const std::string& name) {
  if (kPendingFixtures.count(name) == 0) return false;
  absl::StatusOr<Fixture> fixture = LoadFixture(name, FixtureDirs());
  if (!fixture.ok()) MESSAGE("skipped until its schema is merged: ", fixture.status().ToString());
  return !fixture.ok();
}

Fixture Load(const std::string& name) {
  absl::StatusOr<Fixture> fixture = LoadFixture(name, FixtureDirs());
  REQUIRE_MESSAGE(fixture.ok(), fixture.status().ToString());
  return *std::move(fixture);
}

// Replays the ledger at `path` both ways; returns how many steps it checked.
size_t CheckLedger(const Fixture& fixture, const fs::path& path) {
  INFO(path.string());
  absl::StatusOr<Ledger> ledger = ReadLedgerFile(path.string(), "", false);
  REQUIRE_MESSAGE(ledger.ok(), ledger.status().ToString());
  size_t steps = 0;
  for (ChaosAfterLastCall chaos : {ChaosAfterLastCall::kApply, ChaosAfterLastCall::kSkip}) {
    absl::StatusOr<ReplayResult> result = ReplayChecked(fixture, *ledger, chaos);
    REQUIRE_MESSAGE(result.ok(), result.status().ToString());
    steps += result->steps.size();
  }
  return steps;
}

TEST_CASE("invariants hold after every step of every example ledger") {
  size_t ledgers = 0;
  size_t steps = 0;
  for (const fs::path& dir : Entries(KREPLAY_FIXTURES_DIR)) {
    if (!fs::is_directory(dir / "examples") || Pending(dir.filename().string())) continue;
    Fixture fixture = Load(dir.filename().string());
    for (const fs::path& path : Entries(dir / "examples")) {
      steps += CheckLedger(fixture, path);
      ++ledgers;
    }
  }
  CHECK(ledgers >= 10);
  CHECK(steps > ledgers);
}

TEST_CASE("invariants hold after every step of every invariance ledger") {
  size_t ledgers = 0;
  for (const fs::path& dir : Entries(std::string(KREPLAY_SOURCE_DIR) + "/tests/data/invariance")) {
    Fixture fixture = Load(dir.filename().string());
    for (const fs::path& path : Entries(dir)) {
      CheckLedger(fixture, path);
      ++ledgers;
    }
  }
  CHECK(ledgers >= 40);
}

TEST_CASE("invariants hold on every fixture's scene and chaos") {
  size_t fixtures = 0;
  for (const std::string& root : FixtureDirs()) {
    for (const fs::path& dir : Entries(root)) {
      if (!fs::exists(dir / "fixture.yaml") || Pending(dir.filename().string())) continue;
      INFO(dir.string());
      Fixture fixture = Load(dir.filename().string());
      Ledger empty;
      empty.source = "(empty)";
      for (ChaosAfterLastCall chaos : {ChaosAfterLastCall::kApply, ChaosAfterLastCall::kSkip}) {
        absl::StatusOr<ReplayResult> result = ReplayChecked(fixture, empty, chaos);
        REQUIRE_MESSAGE(result.ok(), result.status().ToString());
      }
      ++fixtures;
    }
  }
  CHECK(fixtures >= 4);
}

}  // namespace
}  // namespace kreplay
