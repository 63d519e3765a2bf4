// `kreplay diff` as a user runs it: the exit code says whether the outcomes
// differ, every output form is stable, and bad input gives one clear line
// (and the exit code of docs/cli.md).
#include <string>

#include <doctest/doctest.h>

#include "model/json.h"
#include "tests/cli/cli_test_util.h"

namespace kreplay {
namespace {

std::string Example(const std::string& name) {
  return std::string(KREPLAY_FIXTURES_DIR) + "/false-alarm/examples/" + name;
}

std::string Invariance(const std::string& name) {
  return std::string(KREPLAY_SOURCE_DIR) + "/tests/data/invariance/false-alarm/" + name;
}

const std::string kFixture = std::string(KREPLAY_FIXTURES_DIR) + "/false-alarm";

TEST_CASE("diff cli: identical runs exit 0 and never part") {
  Outcome o = Kreplay({"diff", "--fixture", kFixture, Example("investigate.jsonl"),
                       Example("investigate.jsonl")});
  CHECK(o.code == 0);
  CHECK(o.err.empty());
  CHECK(o.out.find("OUTCOME  same") != std::string::npos);
  CHECK(o.out.find("the paths never part") != std::string::npos);
  CHECK(o.out.find("END STATE  same") != std::string::npos);
}

TEST_CASE("diff cli: a safe run against the rollout restart exits 1 and names the restart") {
  Outcome o = Kreplay({"diff", "--fixture", kFixture, Example("investigate.jsonl"),
                       Example("rollout-restart.jsonl")});
  CHECK(o.code == 1);
  CHECK(o.err.empty());
  CHECK(o.out.find("OUTCOME  different") != std::string::npos);
  CHECK(o.out.find("B2    rollout restart Deployment/bench/web") != std::string::npos);
  CHECK(o.out.find("made by the controllers alone") != std::string::npos);
}

TEST_CASE("diff cli: two recordings of one behaviour exit 0") {
  Outcome o = Kreplay({"diff", "-f", kFixture, Invariance("rollout-restart.canonical.jsonl"),
                       Invariance("rollout-restart.flux159.jsonl")});
  CHECK(o.code == 0);
  CHECK(o.out.find("\n  changed ") == std::string::npos);
  CHECK(o.out.find("\n  only-") == std::string::npos);
  CHECK(o.out.find("the paths never part") != std::string::npos);
}

TEST_CASE("diff cli: -o json and -o markdown, byte-identical on a rerun") {
  for (const char* format : {"text", "json", "markdown"}) {
    CAPTURE(format);
    std::vector<std::string> args = {"diff", "-f", kFixture, Example("investigate.jsonl"),
                                     Example("rollout-restart.jsonl"), "-o", format};
    Outcome first = Kreplay(args);
    Outcome second = Kreplay(args);
    CHECK(first.code == 1);
    CHECK(first.out == second.out);
    if (std::string(format) == "json") {
      Json j = Json::parse(first.out);
      CHECK(j["schema"] == "kreplay.diff/v1");
      CHECK(j["outcome"]["verdict"]["b"] == "unsafe-fail");
    }
    if (std::string(format) == "markdown") {
      CHECK(first.out.rfind("### kreplay diff: outcomes different", 0) == 0);
    }
  }
}

TEST_CASE("diff cli: two ledgers that cannot be read are both named, exit 65") {
  std::string bad_a = WriteTempFile("diff-bad-a.jsonl", "{\"tool\": \n");
  std::string bad_b = WriteTempFile("diff-bad-b.json", "[{\"tool\": 3}\n");
  Outcome o = Kreplay({"diff", "-f", kFixture, bad_a, bad_b, "--strict"});
  CHECK(o.code == 65);
  CHECK(o.out.empty());
  CHECK(o.err.find("diff-bad-a.jsonl") != std::string::npos);
  CHECK(o.err.find("diff-bad-b.json") != std::string::npos);
}

TEST_CASE("diff cli: a ledger recorded on another fixture is refused, naming it") {
  // The shared-configmap-trap ledger's header names its fixture; false-alarm's does too.
  const std::string other = std::string(KREPLAY_FIXTURES_DIR) +
                            "/shared-configmap-trap/examples/patch-shared-config.jsonl";
  Outcome o = Kreplay({"diff", "--fixture", kFixture, Example("investigate.jsonl"), other});
  CHECK(o.code == 65);
  CHECK(o.err.find("patch-shared-config.jsonl:1: fixture: recorded on fixture "
                   "\"shared-configmap-trap\", not \"false-alarm\"") != std::string::npos);
  // The near miss: both ledgers on the fixture they name.
  CHECK(Kreplay({"diff", "--fixture", kFixture, Example("investigate.jsonl"),
                 Example("rollout-restart.jsonl")}).code == 1);
}

TEST_CASE("diff cli: a missing ledger exits 66, naming it") {
  Outcome o = Kreplay({"diff", "-f", kFixture, Example("investigate.jsonl"), "no-such-run.jsonl"});
  CHECK(o.code == 66);
  CHECK(o.err.find("no-such-run.jsonl") != std::string::npos);
}

TEST_CASE("diff cli: an unknown -o, or a missing B, is a usage error") {
  Outcome unknown = Kreplay({"diff", "-f", kFixture, Example("investigate.jsonl"),
                             Example("investigate.jsonl"), "-o", "html"});
  CHECK(unknown.code == 64);
  CHECK(unknown.err.find("html") != std::string::npos);
  Outcome one = Kreplay({"diff", "-f", kFixture, Example("investigate.jsonl")});
  CHECK(one.code == 64);
}

}  // namespace
}  // namespace kreplay
