// Bad ledger input: each case is one bad line between two good ones, and
// must give a problem at its line naming what is wrong while the good lines
// are still imported; or, where the whole text is unusable, an error naming
// file and line. docs/limits.md lists the limits.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "model/json_text.h"
#include "replay/ledger/ledger_limits.h"
#include "replay/ledger/ledger_reader.h"

namespace kreplay {
namespace {

constexpr char kGood[] =
    R"({"tool":"run_command","args":{"command":"kubectl get pods -n bench"},"result":{"status":"ok","output":"x"},"time":"2026-05-12T10:00:05Z"})";

std::string Nested(int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += "{\"a\":";
  text += "1";
  for (int i = 0; i < depth; ++i) text += "}";
  return text;
}

std::string RunCommand(const std::string& args_json, const std::string& extra = "") {
  return absl::StrCat(R"({"tool":"run_command","args":)", args_json, extra, "}");
}

const LedgerProblem* ProblemAt(const Ledger& ledger, int line) {
  for (const LedgerProblem& problem : ledger.problems) {
    if (problem.line == line) return &problem;
  }
  return nullptr;
}

// A bad line 2 between two good canonical lines 1 and 3.
struct LineCase {
  const char* name;
  std::string line;
  const char* message_part;
  bool skipped;  // fatal: the record is not imported
  const char* field;
};

std::vector<LineCase> LineCases() {
  return {
      {"truncated object", R"({"tool":"run_command","args":{)", "parse error at line 1", true, ""},
      {"truncated string", R"({"tool":"run_co)", "parse error", true, ""},
      {"truncated after key", R"({"tool")", "parse error", true, ""},
      {"truncated after colon", R"({"tool":)", "parse error", true, ""},
      {"truncated after comma", R"({"tool":"x",)", "parse error", true, ""},
      {"truncated in escape", R"({"tool":"x\)", "parse error", true, ""},
      {"single quotes", R"({'tool':'x'})", "parse error", true, ""},
      {"trailing comma", R"({"tool":"x",})", "parse error", true, ""},
      {"NUL byte after the record", std::string("{\"tool\":\"x\"}\0{\"y\":1}", 20), "NUL byte at column 13",
       true, ""},
      {"NUL byte in a string", std::string("{\"tool\":\"a\0b\"}", 14), "NUL byte at column 11", true, ""},
      {"invalid UTF-8 in a command",
       RunCommand("{\"command\":\"kubectl get pods \xFF\"}"), "invalid UTF-8 (byte 0xFF) at column",
       true, ""},
      {"overlong UTF-8", RunCommand("{\"command\":\"\xC0\xAF\"}"), "invalid UTF-8 (byte 0xC0)", true,
       ""},
      {"UTF-8 surrogate", RunCommand("{\"command\":\"\xED\xA0\x80\"}"), "invalid UTF-8 (byte 0xED)",
       true, ""},
      {"invalid UTF-8 in a key", "{\"to\xFE\":1}", "invalid UTF-8 (byte 0xFE)", true, ""},
      {"duplicate command", RunCommand(R"({"command":"kubectl get pods","command":"kubectl delete ns bench"})"),
       "duplicate key \"command\"", true, ""},
      {"duplicate tool", R"({"tool":"run_command","tool":"x","args":{}})", "duplicate key \"tool\"",
       true, ""},
      {"duplicate in result", RunCommand(R"({"command":"kubectl get pods"})", R"(,"result":{"status":"ok","status":"error"})"),
       "duplicate key \"status\"", true, ""},
      {"deep args", RunCommand(Nested(kMaxJsonDepth + 5)), "nesting deeper than 1000 levels", true, ""},
      {"100,000 deep args", RunCommand(Nested(100000)), "nesting deeper than 1000 levels", true, ""},
      {"deep array", std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']'),
       "nesting deeper than 1000 levels at column 1001", true, ""},
      {"not an object", "[1,2]", "expected a JSON object", true, ""},
      {"a string", R"("run_command")", "expected a JSON object", true, ""},
      {"tool missing", R"({"args":{"command":"kubectl get pods"}})", "missing (required)", true, "tool"},
      {"tool empty", R"({"tool":"","args":{}})", "must not be empty", true, "tool"},
      {"tool a number", R"({"tool":5,"args":{}})", "expected a string", true, "tool"},
      {"args a number", R"({"tool":"run_command","args":5})", "expected an object", true, "args"},
      {"unparseable time", RunCommand(R"({"command":"kubectl get pods"})", R"(,"time":"yesterday")"),
       "not an RFC 3339 time: \"yesterday\"", false, "time"},
      {"time without zone", RunCommand(R"({"command":"kubectl get pods"})", R"(,"time":"2026-05-12 10:00")"),
       "not an RFC 3339 time", false, "time"},
      {"month 13", RunCommand(R"({"command":"kubectl get pods"})", R"(,"time":"2026-13-12T10:00:00Z")"),
       "not an RFC 3339 time", false, "time"},
  };
}

TEST_CASE("bad ledger lines: a problem at the line, the other lines replayed") {
  for (const LineCase& c : LineCases()) {
    INFO(std::string(c.name));
    const std::string text = absl::StrCat(kGood, "\n", c.line, "\n", kGood, "\n");
    absl::StatusOr<Ledger> ledger = ParseLedger(text, "run.jsonl", "canonical", false);
    INFO(ledger.status().ToString());
    REQUIRE(ledger.ok());
    const LedgerProblem* problem = ProblemAt(*ledger, 2);
    REQUIRE(problem != nullptr);
    CAPTURE(problem->message);
    CHECK(absl::StrContains(problem->message, c.message_part));
    CHECK(problem->field == c.field);
    CHECK(problem->fatal() == c.skipped);
    CHECK(FirstInvalidUtf8(problem->message) == std::nullopt);  // printable in any report
    REQUIRE(ledger->calls.size() == (c.skipped ? 2u : 3u));
    CHECK(ledger->calls.front().line == 1);
    CHECK(ledger->calls.back().line == 3);
    // With --strict the same line is the error, naming file and line.
    absl::StatusOr<Ledger> strict = ParseLedger(text, "run.jsonl", "canonical", true);
    REQUIRE_FALSE(strict.ok());
    CHECK(absl::StartsWith(strict.status().message(), "run.jsonl:2: "));
  }
}

TEST_CASE("bad ledger lines: an unparseable time leaves the call without a time") {
  const std::string text =
      RunCommand(R"({"command":"kubectl get pods"})", R"(,"time":"soon")");
  absl::StatusOr<Ledger> ledger = ParseLedger(text, "run.jsonl", "", false);
  REQUIRE(ledger.ok());
  REQUIRE(ledger->calls.size() == 1);
  CHECK(ledger->calls[0].time.empty());
}

TEST_CASE("bad ledger: a lone bad line is its own error, not a detection failure") {
  struct Case {
    const char* name;
    std::string text;
    const char* message_part;
  };
  const Case cases[] = {
      {"truncated", R"({"tool":"run_command","args":{"command":"kubectl get)",
       "run.jsonl:1: invalid JSON: parse error at line 1"},
      {"truncated after a blank line", "\n\n{\"tool\":", "run.jsonl:3: invalid JSON: parse error"},
      {"invalid UTF-8", "{\"tool\":\"\xFF\"}", "run.jsonl:1: invalid JSON: invalid UTF-8 (byte 0xFF) at column 10"},
      {"duplicate key", R"({"tool":"a","tool":"b"})", "run.jsonl:1: invalid JSON: duplicate key \"tool\""},
      {"too deep", "{\"a\":" + std::string(2000, '['),
       "run.jsonl:1: invalid JSON: nesting deeper than 1000 levels at column 1005"},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.name));
    absl::StatusOr<Ledger> ledger = ParseLedger(c.text, "run.jsonl", "", false);
    REQUIRE_FALSE(ledger.ok());
    CHECK(absl::IsInvalidArgument(ledger.status()));
    CAPTURE(ledger.status().message());
    CHECK(absl::StartsWith(ledger.status().message(), c.message_part));
  }
}

TEST_CASE("bad ledger: arrays and documents that fail a check are errors at line:col") {
  struct Case {
    const char* name;
    std::string text;
    const char* message_part;
  };
  const Case cases[] = {
      {"array with a duplicate key", "[\n" + std::string(kGood) + ",\n" + R"({"tool":"a","tool":"b"}])",
       "run.jsonl: invalid JSON: duplicate key \"tool\""},
      {"array with invalid UTF-8", "[\n" + std::string(kGood) + ",\n{\"tool\":\"\xFF\"}]",
       "run.jsonl:3:10: invalid JSON: invalid UTF-8 (byte 0xFF)"},
      {"deep document", "{\n\"resourceSpans\":\n" + Nested(kMaxJsonDepth) + "\n}",
       "run.jsonl:3:"},
      {"truncated array", "[\n" + std::string(kGood) + ",\n", "invalid JSON: parse error"},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.name));
    absl::StatusOr<Ledger> ledger = ParseLedger(c.text, "run.jsonl", "", false);
    REQUIRE_FALSE(ledger.ok());
    CAPTURE(ledger.status().message());
    CHECK(absl::StartsWith(ledger.status().message(), "run.jsonl"));
    CHECK(absl::StrContains(ledger.status().message(), c.message_part));
  }
}

TEST_CASE("bad ledger: a line over the line limit is skipped, the rest kept") {
  const std::string huge = RunCommand(
      absl::StrCat(R"({"command":")", std::string(kMaxLedgerLineBytes, 'x'), R"("})"));
  const std::string text = absl::StrCat(kGood, "\n", huge, "\n", kGood, "\n");
  absl::StatusOr<Ledger> ledger = ParseLedger(text, "run.jsonl", "canonical", false);
  REQUIRE(ledger.ok());
  const LedgerProblem* problem = ProblemAt(*ledger, 2);
  REQUIRE(problem != nullptr);
  CHECK(absl::StrContains(problem->message, "line longer than 16777216 bytes"));
  CHECK(ledger->calls.size() == 2);
}

TEST_CASE("bad ledger: execution-entry timestamps out of range name the field") {
  struct Case {
    const char* timestamp;
    bool problem;
  };
  const Case cases[] = {
      {"1e300", true},          {"-1e300", true},
      {"253402300800000", true}, {"18446744073709551615", true},
      {"1747044005000", false}, {"1747044005000.5", false},
      {"0", false},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.timestamp));
    const std::string text = absl::StrCat(
        R"({"tool":"run_command","input":{"command":"kubectl get pods"},"timestamp":)", c.timestamp,
        "}\n", R"({"tool":"run_command","input":{"command":"kubectl get pods"}})", "\n");
    absl::StatusOr<Ledger> ledger = ParseLedger(text, "run.jsonl", "execution-entry", false);
    REQUIRE(ledger.ok());
    REQUIRE(ledger->calls.size() == 2);
    const LedgerProblem* problem = ProblemAt(*ledger, 1);
    CHECK((problem != nullptr) == c.problem);
    if (problem == nullptr) {
      CHECK_FALSE(ledger->calls[0].time.empty());
      continue;
    }
    CHECK(problem->field == "timestamp");
    CHECK(absl::StrContains(problem->message, "out of range"));
    CHECK(ledger->calls[0].time.empty());
  }
}

TEST_CASE("bad ledger: arguments encoded as a string get the same checks") {
  struct Case {
    const char* name;
    std::string arguments;
    const char* message_part;
  };
  const Case cases[] = {
      {"duplicate key", R"({\"command\":\"a\",\"command\":\"b\"})", "duplicate key \"command\""},
      {"too deep", std::string(1500, '['), "nesting deeper than 1000 levels"},
      {"not JSON", "kubectl get pods", "parse error"},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.name));
    const std::string text = absl::StrCat(
        R"({"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"run_command","arguments":")",
        c.arguments, R"("}}]})", "\n",
        R"({"role":"assistant","tool_calls":[{"id":"c2","type":"function","function":{"name":"run_command","arguments":"{\"command\":\"kubectl get pods\"}"}}]})",
        "\n");
    absl::StatusOr<Ledger> ledger = ParseLedger(text, "run.jsonl", "openai-chat", false);
    INFO(ledger.status().ToString());
    REQUIRE(ledger.ok());
    const LedgerProblem* problem = ProblemAt(*ledger, 1);
    REQUIRE(problem != nullptr);
    CAPTURE(problem->message);
    CHECK(absl::StrContains(problem->message, c.message_part));
    CHECK(problem->fatal());
    CHECK(ledger->calls.size() == 1);
  }
}

}  // namespace
}  // namespace kreplay
