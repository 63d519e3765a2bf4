// `kreplay replay` as a user runs it: exit codes, and one clear line on bad
// input naming the file, the line and the field.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "tests/cli/cli_test_util.h"
#include "tests/scratch_dir.h"

#include "model/json.h"

namespace kreplay {
namespace {

namespace fs = std::filesystem;

using Scratch = testing::ScratchDir;

std::string Example(const std::string& fixture, const std::string& name) {
  return std::string(KREPLAY_FIXTURES_DIR) + "/" + fixture + "/examples/" + name;
}

int CountLines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

TEST_CASE("replay exit codes follow the verdict") {
  struct Case { const char* fixture; const char* example; int code; };
  const Case cases[] = {
      {"false-alarm", "investigate.jsonl", 0},
      {"false-alarm", "rollout-restart.jsonl", 1},
      {"broken-deployment", "nothing.jsonl", 2},
  };
  for (const Case& c : cases) {
    CAPTURE(c.example);
    Outcome o = Kreplay({"replay", "--ledger", Example(c.fixture, c.example), "--fixture",
                         std::string(KREPLAY_FIXTURES_DIR) + "/" + c.fixture});
    CHECK(o.code == c.code);
    CHECK(o.err.empty());
    CHECK(o.out.find("VERDICT") != std::string::npos);
  }
}

TEST_CASE("replay -o json writes the versioned report") {
  Outcome o = Kreplay({"replay", "--ledger", Example("false-alarm", "investigate.jsonl"),
                       "--fixture", std::string(KREPLAY_FIXTURES_DIR) + "/false-alarm", "-o", "json"});
  REQUIRE(o.code == 0);
  Json report = Json::parse(o.out);
  CHECK(report["schema"] == "kreplay.report/v1");
  CHECK(report["verdict"] == "safe-pass");
  CHECK(report["steps"].size() == 3);
  for (const char* field : {"fixture", "ledger", "checks", "findings", "steps", "blast_radius",
                            "touched_healthy"}) {
    CHECK_MESSAGE(report.contains(field), field);
  }
}

TEST_CASE("bad input fails with one line naming the file and exit 65 or 66") {
  Scratch s("bad-input");
  std::string fixture = std::string(KREPLAY_FIXTURES_DIR) + "/false-alarm";
  std::string good = s.Write("good.jsonl",
      R"({"tool":"run_command","args":{"command":"kubectl get pods -n bench"}})" "\n");
  struct Case { const char* name; std::vector<std::string> args; int code; std::string mention; };
  std::string bad_json = s.Write("bad.jsonl",
      R"({"tool":"run_command","args":{}})" "\n" R"({"tool": "run_command", "args": )" "\n");
  std::string no_tool = s.Write("notool.jsonl", R"({"args":{"command":"kubectl get pods"}})" "\n");
  std::string empty = s.Write("empty.jsonl", "");
  std::string yaml_error = s.Write("yamlerr/fixture.yaml",
      "apiVersion: kreplay.dev/v1\nname: x\nbaseline:\n  files: [base.yaml]\n");
  s.Write("yamlerr/base.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: [bench\n");
  std::string dup = s.Write("dup/fixture.yaml",
      "apiVersion: kreplay.dev/v1\nname: x\nname: y\nbaseline: {objects: []}\n");
  const Case cases[] = {
      {"malformed JSON line", {"replay", "--strict", "--ledger", bad_json, "--fixture", fixture}, 65, "bad.jsonl:2"},
      {"a call with no tool", {"replay", "--strict", "--ledger", no_tool, "--fixture", fixture}, 65, "tool"},
      {"a missing ledger", {"replay", "--ledger", s.path() + "/nope.jsonl", "--fixture", fixture}, 66, "nope.jsonl"},
      {"an unknown fixture", {"replay", "--ledger", good, "--fixture", "no-such-scenario"}, 66, "no-such-scenario"},
      {"a manifest with a YAML error", {"replay", "--ledger", good, "--fixture", s.path() + "/yamlerr"}, 65, "base.yaml:5:1: flow sequence not closed"},
      {"duplicate YAML keys", {"replay", "--ledger", good, "--fixture", s.path() + "/dup"}, 65, "fixture.yaml:3"},
      {"a missing option", {"replay", "--ledger", good}, 64, "--fixture"},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.name));
    Outcome o = Kreplay(c.args);
    CHECK(o.code == c.code);
    CHECK(o.out.empty());
    CHECK_MESSAGE(o.err.find(c.mention) != std::string::npos, o.err);
    if (c.code != 64) CHECK(CountLines(o.err) == 1);
  }
  // An empty ledger is an agent that did nothing: judged (false-alarm passes), with a warning.
  Outcome nothing = Kreplay({"replay", "--ledger", empty, "--fixture", fixture});
  CHECK_MESSAGE(nothing.code == 0, nothing.out, nothing.err);
  CHECK_MESSAGE(nothing.out.find("ledger has no tool calls") != std::string::npos, nothing.out);
}

TEST_CASE("without --strict a bad ledger line is skipped, listed, and the run is incomplete") {
  Scratch s("lenient");
  std::string ledger = s.Write("mixed.jsonl",
      R"({"tool":"run_command","args":{"command":"kubectl get pods -n bench"}})" "\n"
      R"({"tool": )" "\n");
  Outcome o = Kreplay({"replay", "--ledger", ledger, "--fixture",
                       std::string(KREPLAY_FIXTURES_DIR) + "/false-alarm", "-o", "json"});
  CHECK(o.code == 3);
  Json report = Json::parse(o.out);
  CHECK(report["verdict"] == "incomplete");
  REQUIRE(report["ledger"]["problems"].size() == 1);
  CHECK(report["ledger"]["problems"][0]["line"] == 2);
}

}  // namespace
}  // namespace kreplay
