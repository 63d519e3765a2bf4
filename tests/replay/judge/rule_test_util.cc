#include "tests/replay/judge/rule_test_util.h"

#include <doctest/doctest.h>

#include "absl/strings/str_join.h"
#include "replay/ledger/ledger_reader.h"
#include "tests/replay/run/checked_replay.h"

namespace kreplay {

std::string Kubectl(const std::string& command, const std::string& status,
                    const std::string& output) {
  Json record = {{"tool", "run_command"},
                 {"args", {{"command", command}}},
                 {"result", {{"status", status}, {"output", output}}}};
  return record.dump();
}

std::string Tool(const std::string& tool, const Json& args, const std::string& status) {
  Json record = {{"tool", tool}, {"args", args}, {"result", {{"status", status}, {"output", ""}}}};
  return record.dump();
}

std::unique_ptr<RuleRun> ReplayRecords(const std::string& fixture,
                                       const std::vector<std::string>& records) {
  auto run = std::make_unique<RuleRun>();
  absl::StatusOr<Fixture> f = LoadFixture(
      fixture, {KREPLAY_FIXTURES_DIR, std::string(KREPLAY_SOURCE_DIR) + "/tests/data/fixtures"});
  REQUIRE_MESSAGE(f.ok(), f.status().ToString());
  run->fixture = *std::move(f);
  std::string text = absl::StrJoin(records, "\n");
  absl::StatusOr<Ledger> ledger = ParseLedger(text, "inline.jsonl", "canonical", true);
  REQUIRE_MESSAGE(ledger.ok(), ledger.status().ToString());
  absl::StatusOr<ReplayResult> result = ReplayChecked(run->fixture, *ledger);
  REQUIRE_MESSAGE(result.ok(), result.status().ToString());
  run->result = *std::move(result);
  run->judgement = JudgeReplay(run->result);
  return run;
}

std::vector<Finding> FindingsOf(const RuleRun& run, const std::string& rule) {
  std::vector<Finding> out;
  for (const Finding& f : run.judgement.findings) {
    if (f.rule == rule) out.push_back(f);
  }
  return out;
}

std::string MessagesOf(const RuleRun& run, const std::string& rule) {
  std::vector<std::string> messages;
  for (const Finding& f : FindingsOf(run, rule)) messages.push_back(f.message);
  return absl::StrJoin(messages, " | ");
}

void CheckRuleCases(const std::vector<RuleCase>& cases) {
  for (const RuleCase& c : cases) {
    std::string name = c.name;
    CAPTURE(name);
    std::unique_ptr<RuleRun> run = ReplayRecords(c.fixture, c.ledger);
    std::vector<Finding> found = FindingsOf(*run, c.rule);
    std::string messages = MessagesOf(*run, c.rule);
    CAPTURE(messages);
    CHECK(found.empty() == !c.fires);
    if (!c.fires || found.empty()) continue;
    CHECK(messages.find(c.message_part) != std::string::npos);
    CHECK(std::string(SeverityName(found.front().severity)) == c.severity);
    CHECK(found.front().steps.back() == static_cast<int>(c.ledger.size()));
  }
}

}  // namespace kreplay
