// The ledger reader: format detection, record splitting, problems with
// file:line:field, strict vs lenient, and the canonical/ExecutionEntry/
// tool-calls formats.
#include "replay/ledger/ledger_reader.h"

#include <string>

#include <doctest/doctest.h>

#include "absl/strings/match.h"

namespace kreplay {
namespace {

Ledger MustParse(const std::string& text, const std::string& format = "") {
  absl::StatusOr<Ledger> ledger = ParseLedger(text, "run.jsonl", format, false);
  INFO(ledger.status().ToString());
  REQUIRE(ledger.ok());
  return *std::move(ledger);
}

std::string ErrorOf(const std::string& text, bool strict,
                    const std::string& format = "") {
  absl::StatusOr<Ledger> ledger = ParseLedger(text, "run.jsonl", format, strict);
  REQUIRE_FALSE(ledger.ok());
  CHECK(absl::IsInvalidArgument(ledger.status()));
  return std::string(ledger.status().message());
}

TEST_CASE("ledger reader: canonical JSONL with a header") {
  Ledger ledger = MustParse(R"({"schema":"kreplay.ledger/v1","fixture":"false-alarm","agent":"claude"}
{"tool":"run_command","args":{"command":"kubectl get pods -n bench"},"result":{"status":"ok","output":"NAME READY"},"time":"2026-05-12T10:00:00Z"}

{"tool":"kubectl_patch","server":"flux159","args":{"resourceType":"deployment","name":"web","patchData":{"spec":{"replicas":2}}},"result":{"status":"error","error":"boom","exit_code":1}}
)");
  CHECK(ledger.format == "canonical");
  CHECK(ledger.source == "run.jsonl");
  REQUIRE(ledger.calls.size() == 2);
  CHECK(ledger.problems.empty());
  const ToolCall& first = ledger.calls[0];
  CHECK(first.line == 2);
  CHECK(first.tool == "run_command");
  CHECK(first.source == "run.jsonl");
  CHECK(first.args["command"].get<std::string>() == "kubectl get pods -n bench");
  CHECK(first.outcome.status == RecordedOutcome::Status::kOk);
  CHECK(first.outcome.output == "NAME READY");
  CHECK(first.time == "2026-05-12T10:00:00Z");
  const ToolCall& second = ledger.calls[1];
  CHECK(second.line == 4);
  CHECK(second.server == "flux159");
  CHECK(second.outcome.status == RecordedOutcome::Status::kError);
  CHECK(second.outcome.error == "boom");
  CHECK(second.outcome.exit_code == 1);
}

TEST_CASE("ledger reader: a call without result has an unknown outcome") {
  Ledger ledger = MustParse(R"({"tool":"pods_list"})");
  REQUIRE(ledger.calls.size() == 1);
  CHECK(ledger.calls[0].args == Json::object());
  CHECK(ledger.calls[0].outcome.status == RecordedOutcome::Status::kUnknown);
}

TEST_CASE("ledger reader: a bad JSON line names file and line; the rest is kept") {
  const std::string text = R"({"tool":"pods_list"}
{"tool": "pods_get", "args": {"name": "web"
{"tool":"events_list"}
)";
  Ledger ledger = MustParse(text, "canonical");
  REQUIRE(ledger.calls.size() == 2);
  CHECK(ledger.calls[1].line == 3);
  REQUIRE(ledger.problems.size() == 1);
  CHECK(ledger.problems[0].line == 2);
  CHECK(ledger.problems[0].fatal());
  CHECK(absl::StrContains(ledger.problems[0].message, "invalid JSON"));
  std::string error = ErrorOf(text, /*strict=*/true, "canonical");
  CHECK(absl::StartsWith(error, "run.jsonl:2: invalid JSON"));
}

TEST_CASE("ledger reader: a call with no tool names the field `tool`") {
  const std::string text = R"({"tool":"pods_list"}
{"args":{"name":"web"}}
{"tool":""}
{"tool":42}
)";
  Ledger ledger = MustParse(text, "canonical");
  REQUIRE(ledger.calls.size() == 1);
  REQUIRE(ledger.problems.size() == 3);
  for (const LedgerProblem& problem : ledger.problems) {
    CHECK(problem.field == "tool");
    CHECK(problem.fatal());
  }
  CHECK(ledger.problems[0].line == 2);
  CHECK(ledger.problems[1].line == 3);
  CHECK(ledger.problems[2].message == "expected a string, got number");
  CHECK(ErrorOf(text, true, "canonical") ==
        "run.jsonl:2: tool: missing (required)");
}

TEST_CASE("ledger reader: canonical reports unknown fields and bad values") {
  Ledger ledger = MustParse(
      R"({"tool":"pods_list","argz":{},"result":{"status":"ok","outptu":"x"}}
{"tool":"pods_get","result":{"status":"fine"}}
{"tool":"pods_get","args":"name=web"}
)");
  REQUIRE(ledger.calls.size() == 1);
  REQUIRE(ledger.problems.size() == 4);
  CHECK(ledger.problems[0].field == "result.outptu");
  CHECK_FALSE(ledger.problems[0].fatal());
  CHECK(ledger.problems[1].field == "argz");
  CHECK(ledger.problems[2].field == "result.status");
  CHECK(ledger.problems[2].fatal());
  CHECK(ledger.problems[3].field == "args");
  CHECK(ErrorOf(R"({"tool":"pods_list","argz":{}})", true, "canonical") ==
        "run.jsonl:1: argz: unknown field (ignored)");
}

TEST_CASE("ledger reader: a ledger without calls is a run with a warning") {
  for (const char* text : {"", "\n  \n", R"({"schema":"kreplay.ledger/v1"})"}) {
    for (const char* format : {"", "canonical"}) {
      INFO(text, " ", format);
      absl::StatusOr<Ledger> ledger = ParseLedger(text, "run.jsonl", format, false);
      REQUIRE_MESSAGE(ledger.ok(), ledger.status().ToString());
      CHECK(ledger->calls.empty());
      REQUIRE_FALSE(ledger->problems.empty());
      CHECK(ledger->problems.back().message == "ledger has no tool calls: the agent made no calls");
      CHECK_FALSE(ledger->problems.back().fatal());
    }
  }
  // Calls that could not be read are not an agent that did nothing.
  CHECK(absl::StartsWith(ErrorOf(R"({"args":{}})", false, "canonical"),
                         "run.jsonl: ledger has no tool calls (first skipped "
                         "record: run.jsonl:1: tool: missing"));
}

TEST_CASE("ledger reader: unknown format names and undetectable content") {
  CHECK(absl::StartsWith(ErrorOf(R"({"tool":"x"})", false, "yaml"),
                         "run.jsonl: unknown ledger format \"yaml\""));
  CHECK(absl::StrContains(ErrorOf(R"({"hello":"world"})", false),
                          "cannot detect the ledger format"));
}

TEST_CASE("ledger reader: a broken JSON document names line and column") {
  std::string error = ErrorOf("[\n  {\"tool\": \"a\"},\n  {\"tool\": }\n]\n", false);
  CHECK(absl::StartsWith(error, "run.jsonl:3:"));
  CHECK(absl::StrContains(error, "invalid JSON"));
}

TEST_CASE("ledger reader: missing files are NotFound") {
  absl::StatusOr<Ledger> ledger =
      ReadLedgerFile("/nonexistent/kreplay/run.jsonl", "", false);
  CHECK(absl::IsNotFound(ledger.status()));
}

TEST_CASE("ledger reader: ExecutionEntry lines") {
  Ledger ledger = MustParse(
      R"({"tool":"apply_k8s_resource","input":{"kind":"Deployment","namespace":"bench","name":"web","patch":{"spec":{"replicas":3}},"dryRun":false},"output":{"status":"applied"},"timestamp":1778580000123,"safetyFlags":["MUTATION_ATTEMPTED"],"traceId":"5f0c"}
{"tool":"delete_pod","input":{"name":"web-1","namespace":"bench"},"output":{"status":"error","error":"pods \"web-1\" not found"},"timestamp":1778580001000,"safetyFlags":[],"traceId":"5f0d"}
)");
  CHECK(ledger.format == "execution-entry");
  REQUIRE(ledger.calls.size() == 2);
  CHECK(ledger.calls[0].server == "execution-entry");
  CHECK(ledger.calls[0].time == "2026-05-12T10:00:00.123Z");
  CHECK(ledger.calls[0].args["dryRun"].get<bool>() == false);
  CHECK(ledger.calls[0].outcome.status == RecordedOutcome::Status::kOk);
  CHECK(ledger.calls[1].outcome.status == RecordedOutcome::Status::kError);
  CHECK(ledger.calls[1].outcome.error == "pods \"web-1\" not found");
}

TEST_CASE("ledger reader: evidra-bench tool-calls.json derives outcomes from text") {
  Ledger ledger = MustParse(R"([
  {"tool": "run_command", "args": {"command": "kubectl get pods -n bench"},
   "result": "NAME        READY   STATUS\nweb-1       1/1     Running\n",
   "timestamp": "2026-05-12T12:39:28Z"},
  {"tool": "run_command", "args": {"command": "kubectl delete pod web-9 -n bench"},
   "result": "\nSTDERR: Error from server (NotFound): pods \"web-9\" not found\nExit code: 1",
   "timestamp": "2026-05-12T12:39:30Z"},
  {"tool": "pods_delete", "args": {"name": "web-1", "namespace": "bench"},
   "result": "error: failed to delete pod: forbidden", "timestamp": "2026-05-12T12:39:31Z"}
])");
  CHECK(ledger.format == "tool-calls");
  REQUIRE(ledger.calls.size() == 3);
  CHECK(ledger.calls[0].line == 1);
  CHECK(ledger.calls[0].outcome.status == RecordedOutcome::Status::kOk);
  CHECK(ledger.calls[0].time == "2026-05-12T12:39:28Z");
  const RecordedOutcome& failed = ledger.calls[1].outcome;
  CHECK(failed.status == RecordedOutcome::Status::kError);
  CHECK(failed.exit_code == 1);
  CHECK(failed.output == "");
  CHECK(failed.error == "Error from server (NotFound): pods \"web-9\" not found");
  CHECK(ledger.calls[2].outcome.status == RecordedOutcome::Status::kError);
  CHECK(ledger.calls[2].outcome.error == "error: failed to delete pod: forbidden");
}

}  // namespace
}  // namespace kreplay
