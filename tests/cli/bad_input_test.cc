// Bad input through the real command line on the bundled false-alarm
// fixture: each ledger has one bad line among good ones, and the run must
// exit with its code, name the file and line, and still replay the rest.
// Nothing aborts: `-o json` included.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/cli/cli_test_util.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "model/json.h"

namespace kreplay {
namespace {

constexpr char kHeader[] = R"({"schema":"kreplay.ledger/v1","fixture":"false-alarm"})";
constexpr char kGet[] =
    R"({"tool":"run_command","args":{"command":"kubectl get deployment web -n bench"},"result":{"status":"ok","output":"web 2/2"},"time":"2026-05-12T10:00:05Z"})";

std::string Fixture() { return std::string(KREPLAY_FIXTURES_DIR) + "/false-alarm"; }

std::string Nested(int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += "{\"a\":";
  text += "1";
  for (int i = 0; i < depth; ++i) text += "}";
  return text;
}

// Without quotes and backslashes: a reason as JSON output escapes it.
std::string Unquoted(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != '"' && c != '\\') out += c;
  }
  return out;
}

struct Case {
  const char* name;
  std::string bad_line;  // line 3 of the ledger, between good calls on lines 2 and 4
  int code;
  const char* reason;    // in the report
};

std::vector<Case> Cases() {
  return {
      {"invalid UTF-8", "{\"tool\":\"run_command\",\"args\":{\"command\":\"kubectl get pods \xFF\"}}", 3,
       "run.jsonl:3: invalid JSON: invalid UTF-8 (byte 0xFF)"},
      {"duplicate command key",
       R"({"tool":"run_command","args":{"command":"kubectl get pods -n bench","command":"kubectl delete deployment web -n bench"}})",
       3, "run.jsonl:3: invalid JSON: duplicate key \"command\""},
      {"command as an array",
       R"({"tool":"run_command","args":{"command":["kubectl","delete","deployment","web","-n","bench"]}})",
       3, "argument \"command\": expected a string, got array"},
      {"100,000 deep args", absl::StrCat(R"({"tool":"run_command","args":)", Nested(100000), "}"), 3,
       "run.jsonl:3: invalid JSON: nesting deeper than 1000 levels"},
      {"deep heredoc manifest",
       absl::StrCat(R"({"tool":"run_command","args":{"command":"kubectl apply -f - <<EOF\n)",
                    std::string(90000, '['), std::string(90000, ']'), R"(\nEOF"}})"),
       3, "heredoc:1:1001: nesting deeper than 1000 levels"},
      {"deep YAML heredoc manifest",
       absl::StrCat(R"({"tool":"run_command","args":{"command":"kubectl apply -f - <<EOF\na: )",
                    std::string(600, '['), std::string(600, ']'), R"(\nEOF"}})"),
       3, "nesting deeper than 500 levels"},
      {"100,000 && commands",
       absl::StrCat(R"({"tool":"run_command","args":{"command":")",
                    [] {
                      std::string chain = "echo";  // 100,000 commands in 700 KB
                      for (int i = 1; i < 100000; ++i) chain += " && echo";
                      return chain;
                    }(),
                    R"("}})"),
       3, "command line of 100000 commands is not interpreted (limit 1000)"},
      {"truncated line", R"({"tool":"run_command","args":{"command":"kubectl delete)", 3,
       "run.jsonl:3: invalid JSON: parse error"},
      {"unparseable time",
       R"({"tool":"run_command","args":{"command":"kubectl get pods -n bench"},"time":"not a time"})", 0,
       ""},
  };
}

TEST_CASE("bad input through kreplay replay: exit code, file:line, the rest replayed") {
  for (const Case& c : Cases()) {
    for (const char* format : {"text", "json"}) {
      INFO(std::string(c.name));
      INFO(std::string(format));
      const std::string path = WriteTempFile(
          "run.jsonl", absl::StrCat(kHeader, "\n", kGet, "\n", c.bad_line, "\n", kGet, "\n"));
      Outcome o = Kreplay({"replay", "--ledger", path, "--fixture", Fixture(), "-o", format});
      CAPTURE(o.err);
      CHECK(o.code == c.code);
      if (std::string(format) == "text") {
        CHECK(absl::StrContains(o.out, c.reason));
        continue;
      }
      Json report = Json::parse(o.out, nullptr, false);
      REQUIRE(report.is_object());
      CHECK(absl::StrContains(Unquoted(o.out), Unquoted(c.reason)));
      // Both good calls were replayed.
      REQUIRE(report.contains("steps"));
      CHECK(report["steps"].size() >= 2);
    }
  }
}

TEST_CASE("bad input through kreplay ledger: check and convert never abort") {
  const std::string path = WriteTempFile(
      "run.jsonl", absl::StrCat(kHeader, "\n", kGet, "\n", "{\"tool\":\"\xC3\x28\"}", "\n"));
  Outcome check = Kreplay({"ledger", "check", path, "-o", "json"});
  CHECK(Json::parse(check.out, nullptr, false).is_object());
  CHECK(absl::StrContains(check.out, "invalid UTF-8 (byte 0xC3)"));
  Outcome convert = Kreplay({"ledger", "convert", path});
  CHECK(convert.code == 0);
  CHECK(absl::StrContains(convert.out, "kubectl get deployment web -n bench"));

  const std::string deep = WriteTempFile(
      "deep.json", absl::StrCat("[\n", kGet, ",\n", std::string(90000, '['), "\n]"));
  Outcome refused = Kreplay({"ledger", "convert", deep});
  CHECK(refused.code == 65);
  CHECK(absl::StrContains(refused.err, "deep.json:3:1000: invalid JSON: nesting deeper than 1000 levels"));
}

TEST_CASE("bad input through kreplay patch: patch files are checked where they enter") {
  const std::string object = WriteTempFile(
      "cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
  struct PatchCase {
    const char* name;
    std::string patch;
    const char* error;
  };
  const PatchCase cases[] = {
      {"90,000 deep", Nested(90000), "patch.json:1:5001: nesting deeper than 1000 levels"},
      {"invalid UTF-8", "{\"metadata\":{\"labels\":{\"a\":\"\xFF\"}}}",
       "patch.json:1:29: invalid UTF-8 (byte 0xFF)"},
      {"deep YAML", "a: " + std::string(600, '[') + std::string(600, ']') + "\n",
       "nesting deeper than 500 levels"},
  };
  for (const PatchCase& c : cases) {
    INFO(std::string(c.name));
    const std::string patch = WriteTempFile("patch.json", c.patch);
    Outcome o = Kreplay({"patch", "-f", object, "--type", "merge", "--patch-file", patch});
    CAPTURE(o.err);
    CHECK(o.code == 65);
    CHECK(absl::StrContains(o.err, c.error));
  }
}

}  // namespace
}  // namespace kreplay
