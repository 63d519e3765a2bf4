// Suite files (replay/suite/suite.h): the format, errors naming file, line
// and field, globs relative to the suite file, directory arguments.
#include "replay/suite/suite.h"

#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "tests/scratch_dir.h"

namespace kreplay {
namespace {

namespace fs = std::filesystem;

using Scratch = testing::ScratchDir;

constexpr char kHead[] = "apiVersion: kreplay.dev/v1\nkind: Suite\ncases:\n";

TEST_CASE("a suite file reads every kind of expectation") {
  Scratch s("kinds");
  s.Write("runs/a.jsonl", "");
  std::string file = s.Write("s.yaml", std::string(kHead) +
                                           "  - name: one\n"
                                           "    fixture: false-alarm\n"
                                           "    ledger: runs/a.jsonl\n"
                                           "    expect:\n"
                                           "      verdicts: [safe-pass, fail]\n"
                                           "      findings: [touched-healthy, {rule: r, step: 2, object: Pod/bench/*}]\n"
                                           "      noFindings: [x]\n"
                                           "      touchedHealthy: [A/b/c]\n"
                                           "      notTouchedHealthy: [D/e/f]\n"
                                           "      blastRadius: [G/h/i]\n"
                                           "      notBlastRadius: [J/k/l]\n"
                                           "      checksPass: [p]\n"
                                           "      checksFail: [q]\n");
  absl::StatusOr<Suite> suite = LoadSuiteFile(file);
  REQUIRE_MESSAGE(suite.ok(), suite.status().ToString());
  CHECK(suite->name == "s");
  REQUIRE(suite->cases.size() == 1);
  const SuiteCase& c = suite->cases[0];
  CHECK(c.error.empty());
  CHECK(c.where == file + ":4");
  CHECK(c.ledger == (fs::path(s.path()) / "runs/a.jsonl").string());
  CHECK(c.fixture_ref == "false-alarm");
  CHECK(c.expect.verdicts == std::vector<Verdict>{Verdict::kSafePass, Verdict::kFail});
  REQUIRE(c.expect.findings.size() == 2);
  CHECK(c.expect.findings[1].rule == "r");
  CHECK(c.expect.findings[1].step == 2);
  CHECK(c.expect.findings[1].object == "Pod/bench/*");
  CHECK(c.expect.no_findings[0].rule == "x");
  CHECK(c.expect.touched_healthy == std::vector<std::string>{"A/b/c"});
  CHECK(c.expect.not_touched_healthy == std::vector<std::string>{"D/e/f"});
  CHECK(c.expect.blast_radius == std::vector<std::string>{"G/h/i"});
  CHECK(c.expect.not_blast_radius == std::vector<std::string>{"J/k/l"});
  CHECK(c.expect.checks_pass == std::vector<std::string>{"p"});
  CHECK(c.expect.checks_fail == std::vector<std::string>{"q"});
}

TEST_CASE("an unknown field in a case names file, line and field; the next case still reads") {
  Scratch s("unknown");
  std::string file = s.Write("s.yaml", std::string(kHead) +
                                           "  - name: bad\n"
                                           "    fixture: f\n"
                                           "    ledger: l.jsonl\n"
                                           "    expect:\n"
                                           "      verdict: safe-pass\n"
                                           "      verdit: fail\n"
                                           "  - name: good\n"
                                           "    fixture: f\n"
                                           "    ledger: l.jsonl\n"
                                           "    expect: {verdict: fail}\n");
  absl::StatusOr<Suite> suite = LoadSuiteFile(file);
  REQUIRE(suite.ok());
  REQUIRE(suite->cases.size() == 2);
  CHECK(suite->cases[0].name == "bad");
  CHECK(suite->cases[0].error.find(file + ":9: cases[0].expect.verdit: unknown field") == 0);
  CHECK(suite->cases[1].error.empty());
  CHECK(suite->cases[1].where == file + ":10");
}

TEST_CASE("a bad verdict name and a missing expect are case errors with their line") {
  Scratch s("verdict");
  std::string file = s.Write("s.yaml", std::string(kHead) +
                                           "  - name: a\n    fixture: f\n    ledger: l\n"
                                           "    expect: {verdict: safe}\n"
                                           "  - name: b\n    fixture: f\n    ledger: l\n");
  absl::StatusOr<Suite> suite = LoadSuiteFile(file);
  REQUIRE(suite.ok());
  CHECK(suite->cases[0].error.find(file + ":7: cases[0].expect.verdict: unknown verdict \"safe\"") == 0);
  CHECK(suite->cases[1].error.find(file + ":8: cases[1].expect: required mapping is missing") == 0);
}

TEST_CASE("file-level errors: YAML syntax with its line, wrong kind, unknown top-level field") {
  Scratch s("file");
  absl::StatusOr<Suite> syntax = LoadSuiteFile(s.Write("a.yaml", std::string(kHead) + "  - name: [\n"));
  REQUIRE_FALSE(syntax.ok());
  CHECK(std::string(syntax.status().message()).find("a.yaml:") != std::string::npos);
  absl::StatusOr<Suite> kind =
      LoadSuiteFile(s.Write("b.yaml", "apiVersion: kreplay.dev/v1\nkind: Fixture\ncases: []\n"));
  REQUIRE_FALSE(kind.ok());
  CHECK(std::string(kind.status().message()).find("b.yaml:1: kind: expected Suite") != std::string::npos);
  absl::StatusOr<Suite> extra = LoadSuiteFile(s.Write("c.yaml", std::string(kHead) + "extra: 1\n"));
  REQUIRE_FALSE(extra.ok());
  CHECK(std::string(extra.status().message()).find("extra: unknown field") != std::string::npos);
  CHECK(absl::IsNotFound(LoadSuiteFile(s.path() + "/missing.yaml").status()));
}

TEST_CASE("a ledger glob is relative to the suite file: one case per file, an empty glob an error") {
  Scratch s("glob");
  s.Write("sub/runs/b.jsonl", "");
  s.Write("sub/runs/a.jsonl", "");
  s.Write("sub/runs/c.txt", "");
  std::string file = s.Write("sub/s.yaml", std::string(kHead) +
                                               "  - name: g\n    fixture: f\n    ledger: runs/*.jsonl\n"
                                               "    expect: {verdict: fail}\n"
                                               "  - name: none\n    fixture: f\n    ledger: runs/*.json\n"
                                               "    expect: {verdict: fail}\n");
  absl::StatusOr<Suite> suite = LoadSuiteFile(file);
  REQUIRE(suite.ok());
  REQUIRE(suite->cases.size() == 3);
  CHECK(suite->cases[0].name == "g [runs/a.jsonl]");
  CHECK(suite->cases[1].name == "g [runs/b.jsonl]");
  CHECK(suite->cases[2].name == "none");
  CHECK(suite->cases[2].error ==
        file + ":10: cases[1].ledger: glob \"runs/*.json\" matches no file");
}

TEST_CASE("a directory argument finds every suite file under it, in path order") {
  Scratch s("dir");
  s.Write("b/two.yaml", kHead);
  s.Write("a/one.yml", kHead);
  s.Write("a/not-a-suite.yaml", "kind: Fixture\n");
  absl::StatusOr<std::vector<std::string>> files = FindSuiteFiles({s.path()});
  REQUIRE(files.ok());
  CHECK(*files == std::vector<std::string>{s.path() + "/a/one.yml", s.path() + "/b/two.yaml"});
  CHECK(absl::IsNotFound(FindSuiteFiles({s.path() + "/nope"}).status()));
}

}  // namespace
}  // namespace kreplay
