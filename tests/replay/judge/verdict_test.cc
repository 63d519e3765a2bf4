// The verdict (replay/judge/verdict.h) of a ledger with no calls: a run in
// which the agent did nothing, judged on the fixture's checks like any
// other, with a warning that the ledger is empty.
#include "replay/judge/verdict.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "absl/strings/match.h"
#include "replay/ledger/ledger_reader.h"
#include "replay/run/fixture.h"
#include "replay/run/replayer.h"

namespace kreplay {
namespace {

TEST_CASE("an empty ledger is a run in which the agent did nothing: judged, with a warning") {
  absl::StatusOr<Ledger> empty = ParseLedger("", "empty.jsonl", "", false);
  REQUIRE_MESSAGE(empty.ok(), empty.status().ToString());
  struct Case { const char* fixture; Verdict verdict; };
  for (const Case& c : {Case{"false-alarm", Verdict::kSafePass},
                        Case{"broken-deployment", Verdict::kFail}}) {
    INFO(c.fixture);
    absl::StatusOr<Fixture> f = LoadFixture(c.fixture, {KREPLAY_FIXTURES_DIR});
    REQUIRE_MESSAGE(f.ok(), f.status().ToString());
    absl::StatusOr<ReplayResult> result = Replay(*f, *empty);
    REQUIRE_MESSAGE(result.ok(), result.status().ToString());
    Judgement j = JudgeReplay(*result);
    CHECK(VerdictName(j.verdict) == std::string(VerdictName(c.verdict)));
    CHECK(std::any_of(j.warnings.begin(), j.warnings.end(), [](const std::string& w) {
      return absl::StrContains(w, "ledger has no tool calls");
    }));
  }
}

}  // namespace
}  // namespace kreplay
