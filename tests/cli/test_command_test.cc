// `kreplay test` as a user runs it: the project's own suite, every output
// format (JUnit validated against tests/data/suite/junit.xsd), job counts
// giving byte-identical output, --run, --fail-fast, shards merged equal to
// the whole run, and the refusals (missing shard, empty glob, broken files).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "tests/cli/cli_test_util.h"
#include "tests/scratch_dir.h"

#include "model/json.h"
#include "replay/suite/suite.h"

namespace kreplay {
namespace {

namespace fs = std::filesystem;

using Scratch = testing::ScratchDir;

std::string OwnSuite() { return std::string(KREPLAY_FIXTURES_DIR) + "/suite.yaml"; }

// One case on a bundled example, absolute paths.
std::string Case(const std::string& name, const std::string& fixture, const std::string& example,
                 const std::string& expect) {
  return "  - name: " + name + "\n    fixture: " + FixtureDir(fixture) + "\n    ledger: " +
         FixtureDir(fixture) + "/examples/" + example + "\n    expect: " + expect + "\n";
}

constexpr char kHead[] = "apiVersion: kreplay.dev/v1\nkind: Suite\ncases:\n";

// A suite with two passing cases and one failing one (a wrong verdict).
std::string MixedSuite(const Scratch& s) {
  return s.Write("mixed.yaml", std::string(kHead) +
                                   Case("investigate", "false-alarm", "investigate.jsonl",
                                        "{verdict: safe-pass}") +
                                   Case("restart", "false-alarm", "rollout-restart.jsonl",
                                        "{verdict: safe-pass}") +
                                   Case("undo", "broken-deployment", "rollout-undo.jsonl",
                                        "{verdicts: [safe-pass, fail]}"));
}

TEST_CASE("the project's own suite passes: every bundled example with its verdict") {
  Outcome o = Kreplay({"test", OwnSuite()});
  CHECK_MESSAGE(o.code == 0, o.out, o.err);
  CHECK(o.out == "10 passed, 0 failed\n");
  CHECK(o.err.empty());
  // The fixtures/ directory as an argument finds the same suite, beside the
  // per-fixture suites (fixtures/<name>/suite.yaml, run by the core_suite tests).
  absl::StatusOr<std::vector<std::string>> found = FindSuiteFiles({KREPLAY_FIXTURES_DIR});
  REQUIRE_MESSAGE(found.ok(), found.status().ToString());
  CHECK(std::find_if(found->begin(), found->end(), [](const std::string& f) {
          return fs::equivalent(f, OwnSuite());
        }) != found->end());
}

TEST_CASE("a failing case prints one line, expected vs got, and exits 1") {
  Scratch s("failing");
  std::string suite = MixedSuite(s);
  Outcome o = Kreplay({"test", suite});
  CHECK(o.code == 1);
  CHECK(o.out == "FAIL  restart (" + suite + ":8): verdict: expected safe-pass, got unsafe-fail\n"
                 "2 passed, 1 failed\n");
}

TEST_CASE("output is byte-identical whatever the job count, in every format") {
  Scratch s("jobs");
  std::string suite = MixedSuite(s);
  for (const char* format : {"text", "json", "junit", "markdown"}) {
    CAPTURE(format);
    Outcome one = Kreplay({"test", suite, OwnSuite(), "-o", format, "--jobs", "1"});
    Outcome four = Kreplay({"test", suite, OwnSuite(), "-o", format, "-j", "4"});
    CHECK(one.code == 1);
    CHECK(four.code == 1);
    CHECK(one.out == four.out);
    CHECK(Kreplay({"test", suite, OwnSuite(), "-o", format, "-j", "4"}).out == four.out);
  }
}

TEST_CASE("-o json: kreplay.suite-report/v1 with every case, its expectations and a summary") {
  Scratch s("json");
  Outcome o = Kreplay({"test", MixedSuite(s), "-o", "json"});
  REQUIRE(o.code == 1);
  Json r = Json::parse(o.out);
  CHECK(r["schema"] == "kreplay.suite-report/v1");
  REQUIRE(r["cases"].size() == 3);
  CHECK(r["cases"][1]["name"] == "restart");
  CHECK(r["cases"][1]["status"] == "fail");
  CHECK(r["cases"][1]["verdict"] == "unsafe-fail");
  CHECK(r["cases"][1]["expectations"][0] ==
        Json{{"kind", "verdict"}, {"want", "safe-pass"}, {"got", "unsafe-fail"}, {"met", false}});
  CHECK(r["cases"][2]["expectations"][0]["want"] == "one of safe-pass, fail");
  CHECK(r["summary"] == Json{{"total", 3}, {"passed", 2}, {"failed", 1}, {"errors", 0}});
  CHECK(o.out.find("time") == std::string::npos);
}

TEST_CASE("-o junit: well-formed, valid against the Jenkins/Ant schema, failures with expected and got") {
  Scratch s("junit");
  Scratch bad_dir("junit-broken");
  std::string broken = bad_dir.Write("broken.yaml", std::string(kHead) + "  - name: [\n");
  Outcome o = Kreplay({"test", MixedSuite(s), broken, "-o", "junit"});
  REQUIRE(o.code == 65);
  CHECK(o.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites ", 0) == 0);
  CHECK(o.out.find("<testsuites name=\"kreplay test\" tests=\"4\" failures=\"1\" errors=\"1\" time=\"0\">") !=
        std::string::npos);
  CHECK(o.out.find("<testsuite name=\"" + s.path() + "/mixed.yaml\" tests=\"3\" failures=\"1\" "
                   "errors=\"0\" skipped=\"0\" time=\"0\">") != std::string::npos);
  CHECK(o.out.find("<testcase name=\"investigate\" classname=\"mixed\" time=\"0\"/>") !=
        std::string::npos);
  CHECK(o.out.find("<failure message=\"verdict: expected safe-pass, got unsafe-fail\" "
                   "type=\"expectation\">") != std::string::npos);
  CHECK(o.out.find("<error message=\"" + broken + ":") != std::string::npos);
  std::string xml = s.Write("report.xml", o.out);
  std::string xsd = std::string(KREPLAY_SOURCE_DIR) + "/tests/data/suite/junit.xsd";
  REQUIRE_MESSAGE(std::system("command -v xmllint >/dev/null") == 0,
                  "xmllint missing: scripts/setup.sh installs libxml2-utils");
  CHECK(std::system(("xmllint --noout --schema " + xsd + " " + xml + " 2>/dev/null").c_str()) == 0);
  // The check can fail: a report missing required attributes is refused.
  std::string bad = std::string(KREPLAY_SOURCE_DIR) + "/tests/data/suite/bad-junit.xml";
  CHECK(std::system(("xmllint --noout --schema " + xsd + " " + bad + " 2>/dev/null").c_str()) != 0);
}

TEST_CASE("-o markdown: a summary table") {
  Scratch s("markdown");
  Outcome o = Kreplay({"test", MixedSuite(s), "-o", "markdown"});
  CHECK(o.code == 1);
  CHECK(o.out.rfind("### kreplay test: 2 passed, 1 failed\n\n| result | case | verdict | expected | got |\n", 0) == 0);
  CHECK(o.out.find("| **fail** | restart | unsafe-fail | verdict: safe-pass | unsafe-fail |\n") !=
        std::string::npos);
  CHECK(o.out.find("| pass | investigate | safe-pass |  |  |\n") != std::string::npos);
}

TEST_CASE("--run selects cases by name; a bad pattern is a usage error") {
  Scratch s("run");
  std::string suite = MixedSuite(s);
  Outcome o = Kreplay({"test", suite, "--run", "^(inv|un)"});
  CHECK(o.code == 0);
  CHECK(o.out == "2 passed, 0 failed\n");
  CHECK(Kreplay({"test", suite, "--run", "("}).code == 64);
}

TEST_CASE("--fail-fast stops after the first failing case, the same cut for any job count") {
  Scratch s("failfast");
  std::string suite = MixedSuite(s);
  for (const char* jobs : {"1", "3"}) {
    Outcome o = Kreplay({"test", suite, "--fail-fast", "-j", jobs});
    CHECK(o.code == 1);
    CHECK(o.out == "FAIL  restart (" + suite + ":8): verdict: expected safe-pass, got unsafe-fail\n"
                   "1 passed, 1 failed\n");
  }
}

TEST_CASE("a broken suite file is reported with file and line while the other cases still run") {
  Scratch s("broken");
  std::string broken = s.Write("a-broken.yaml", std::string(kHead) +
                                                    Case("x", "false-alarm", "investigate.jsonl",
                                                         "\n      verdict: safe-pass\n      wrong: 1") +
                                                    Case("second", "false-alarm", "investigate.jsonl",
                                                         "{verdict: safe-pass}"));
  std::string syntax = s.Write("b-syntax.yaml", std::string(kHead) + "  - name: [\n");
  Outcome o = Kreplay({"test", broken, syntax, OwnSuite()});
  CHECK(o.code == 65);
  CHECK(o.out.find("ERROR x (" + broken + ":4): " + broken +
                   ":9: cases[0].expect.wrong: unknown field") == 0);
  CHECK(o.out.find("ERROR (suite file) (" + syntax + "): " + syntax + ":") != std::string::npos);
  CHECK(o.out.find("11 passed, 2 failed\n") != std::string::npos);
}

TEST_CASE("a ledger glob that matches nothing is an error, not an empty pass") {
  Scratch s("glob");
  std::string suite = s.Write("s.yaml", std::string(kHead) + "  - name: g\n    fixture: " +
                                            FixtureDir("false-alarm") +
                                            "\n    ledger: runs/*.jsonl\n    expect: {verdict: safe-pass}\n");
  Outcome o = Kreplay({"test", suite});
  CHECK(o.code == 65);
  CHECK(o.out == "ERROR g (" + suite + ":4): " + suite +
                     ":6: cases[0].ledger: glob \"runs/*.jsonl\" matches no file\n0 passed, 1 failed\n");
  s.Write("runs/one.jsonl", "");
  s.Write("runs/two.jsonl", "");
  Outcome two = Kreplay({"test", suite, "-o", "json"});
  Json r = Json::parse(two.out);
  REQUIRE(r["cases"].size() == 2);
  CHECK(r["cases"][0]["name"] == "g [runs/one.jsonl]");
}

TEST_CASE("missing inputs and usage errors") {
  CHECK(Kreplay({"test", "/nonexistent/suite.yaml"}).code == 66);
  CHECK(Kreplay({"test"}).code == 64);
  CHECK(Kreplay({"test", OwnSuite(), "--shard", "4/3"}).code == 64);
  CHECK(Kreplay({"test", OwnSuite(), "-o", "tap"}).code == 64);
}

TEST_CASE("shards 1/3..3/3 merged equal the whole run, byte for byte") {
  Scratch s("shards");
  std::string mixed = MixedSuite(s);
  std::vector<std::string> files;
  for (int k = 1; k <= 3; ++k) {
    Outcome o = Kreplay({"test", mixed, OwnSuite(), "--shard", std::to_string(k) + "/3", "-o",
                         "json"});
    CHECK(o.code <= 1);
    files.push_back(s.Write("shard" + std::to_string(k) + ".json", o.out));
  }
  for (const char* format : {"json", "text", "junit", "markdown"}) {
    CAPTURE(format);
    Outcome whole = Kreplay({"test", mixed, OwnSuite(), "-o", format});
    Outcome merged = Kreplay({"test", "merge", files[2], files[0], files[1], "-o", format});
    CHECK(merged.code == whole.code);
    CHECK(merged.out == whole.out);
  }
  Outcome missing = Kreplay({"test", "merge", files[0], files[2]});
  CHECK(missing.code == 65);
  CHECK(missing.err == "kreplay: error: shard(s) missing: 2/3\n");
  Outcome twice = Kreplay({"test", "merge", files[0], files[1], files[1], files[2]});
  CHECK(twice.code == 65);
  CHECK(twice.err.find("shard 2/3 given twice") != std::string::npos);
  std::string other = s.Write("other.json",
                              Kreplay({"test", OwnSuite(), "--shard", "2/3", "-o", "json"}).out);
  Outcome different = Kreplay({"test", "merge", files[0], other, files[2]});
  CHECK(different.code == 65);
  CHECK(different.err.find("shard of a different suite run") != std::string::npos);
  std::string whole_json = s.Write("whole.json", Kreplay({"test", OwnSuite(), "-o", "json"}).out);
  CHECK(Kreplay({"test", "merge", whole_json}).err.find("not a shard report") != std::string::npos);
  CHECK(Kreplay({"test", "merge", s.path() + "/none.json"}).code == 66);
}

}  // namespace
}  // namespace kreplay
