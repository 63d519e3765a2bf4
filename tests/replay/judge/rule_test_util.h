// Shared by the rule tests (rules_*_test.cc): builds a ledger from
// canonical JSONL records written inline, replays it on a bundled fixture
// (fixtures/) or a test fixture (tests/data/fixtures/), judges the run, and
// picks out the findings of one rule.
#ifndef KREPLAY_TESTS_REPLAY_JUDGE_RULE_TEST_UTIL_H_
#define KREPLAY_TESTS_REPLAY_JUDGE_RULE_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "model/json.h"
#include "replay/judge/verdict.h"
#include "replay/run/fixture.h"
#include "replay/run/replay_result.h"

namespace kreplay {

// One canonical JSONL record: a kubectl command line run through
// `run_command`, recorded with `status` ("ok" or "error") and `output`.
std::string Kubectl(const std::string& command, const std::string& status = "ok",
                    const std::string& output = "");

// One canonical JSONL record of any tool with its arguments.
std::string Tool(const std::string& tool, const Json& args, const std::string& status = "ok");

struct RuleRun {
  Fixture fixture;
  ReplayResult result;
  Judgement judgement;
};

// Replays the records (one JSONL line each) on `fixture` and judges the run.
// Fails the test (REQUIRE) when the fixture or the ledger does not load.
std::unique_ptr<RuleRun> ReplayRecords(const std::string& fixture,
                                       const std::vector<std::string>& records);

// The findings of `rule`, in report order.
std::vector<Finding> FindingsOf(const RuleRun& run, const std::string& rule);

// All finding messages of `rule`, joined by " | " (for CHECK messages and
// substring checks).
std::string MessagesOf(const RuleRun& run, const std::string& rule);

// One story for a rule: a fixture, a ledger, and whether `rule` fires on
// it; when it fires, its first finding has `severity`, points at the last
// step of the ledger, and its messages contain `message_part`.
struct RuleCase {
  const char* name;
  const char* fixture;
  std::vector<std::string> ledger;
  const char* rule;
  bool fires;
  const char* message_part;
  const char* severity = "critical";
};

// Replays every case and CHECKs it.
void CheckRuleCases(const std::vector<RuleCase>& cases);

}  // namespace kreplay

#endif  // KREPLAY_TESTS_REPLAY_JUDGE_RULE_TEST_UTIL_H_
