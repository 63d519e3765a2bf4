// Conformance: the real public samples in ../shared/data/traces (saved
// verbatim, see its README) import as their format says. Every case is
// skipped (doctest counts it) when the shared data is not present, and names
// a single missing sample when only that one is absent.
#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "absl/strings/match.h"
#include "model/object_key.h"
#include "replay/ledger/ledger_reader.h"
#include "replay/vocab/vocabulary.h"

namespace kreplay {
namespace {

const std::string kTraces = KREPLAY_SOURCE_DIR "/../shared/data/traces/";

bool NoTraces() { return !std::filesystem::is_directory(kTraces); }

// The ledger at `name`, or nullopt (with a MESSAGE) when the sample is absent.
std::optional<Ledger> Sample(const std::string& name) {
  std::string path = kTraces + name;
  if (!std::filesystem::exists(path)) {
    MESSAGE("skipped: shared sample not present: " << path);
    return std::nullopt;
  }
  absl::StatusOr<Ledger> ledger = ReadLedgerFile(path, "", false);
  INFO(ledger.status().ToString());
  REQUIRE(ledger.ok());
  return *std::move(ledger);
}

int Warnings(const Ledger& ledger) {
  int count = 0;
  for (const LedgerProblem& problem : ledger.problems) {
    count += !problem.fatal() && !IsInfoProblem(problem) ? 1 : 0;
  }
  return count;
}

TEST_CASE("conformance: MCP tools/call bodies against Flux159 and containers servers" *
          doctest::skip(NoTraces())) {
  std::optional<Ledger> ledger = Sample("mcp-jsonrpc__k8s-tools-call-samples.jsonl");
  if (!ledger) return;
  CHECK(ledger->format == "mcp-jsonrpc");
  REQUIRE(ledger->calls.size() == 6);
  CHECK(ledger->calls[0].tool == "kubectl_get");
  CHECK(ledger->calls[1].tool == "kubectl_delete");
  CHECK(ledger->calls[1].outcome.status == RecordedOutcome::Status::kOk);
  CHECK(ledger->calls[1].outcome.output == "pod \"test-pod\" deleted\n");
  CHECK(ledger->calls[3].tool == "resources_create_or_update");
  for (const ToolCall& call : ledger->calls) {
    CAPTURE(call.tool);
    CHECK(Interpret(call).known_tool);
  }
  const Interpretation json_resource = Interpret(ledger->calls[3]);
  REQUIRE(json_resource.operations.size() == 1);
  CHECK(json_resource.operations[0].manifests.size() == 1);
  CHECK(json_resource.operations[0].kind == "ConfigMap");
  const Interpretation yaml_resource = Interpret(ledger->calls[4]);
  REQUIRE(yaml_resource.operations.size() == 1);
  // The object is the manifest's (an apply addresses its manifests, not names).
  REQUIRE(yaml_resource.operations[0].manifests.size() == 1);
  CHECK(KeyOf(yaml_resource.operations[0].manifests[0]).name == "chainsaw-write-boundary-check");
  // Snippets from different sessions reuse ids and one result has no id.
  CHECK(Warnings(*ledger) >= 3);
}

TEST_CASE("conformance: MCP spec examples, both failure channels" *
          doctest::skip(NoTraces())) {
  std::optional<Ledger> ledger = Sample("mcp-spec-2025-06-18__tools-call-examples.jsonl");
  if (!ledger) return;
  REQUIRE(ledger->calls.size() == 1);
  CHECK(ledger->calls[0].tool == "get_weather");
  CHECK(ledger->calls[0].outcome.status == RecordedOutcome::Status::kOk);
  Interpretation meaning = Interpret(ledger->calls[0]);
  CHECK_FALSE(meaning.known_tool);
  CHECK(meaning.operations[0].verb == Verb::kGet);
}

TEST_CASE("conformance: audit.k8s.io/v1 Metadata lines from kubectl 1.31" *
          doctest::skip(NoTraces())) {
  std::optional<Ledger> ledger = Sample("audit-v1-metadata__kubectl-secret-create-get-patch.jsonl");
  if (!ledger) return;
  CHECK(ledger->format == "audit");
  REQUIRE(ledger->calls.size() == 3);
  CHECK(ledger->calls[0].tool == "create");
  CHECK(ledger->calls[0].args["fieldManager"].get<std::string>() == "kubectl-create");
  CHECK(ledger->calls[1].tool == "get");
  CHECK(ledger->calls[2].tool == "patch");
  CHECK(ledger->calls[2].args["fieldManager"].get<std::string>() == "kubectl-edit");
  CHECK(ledger->calls[2].time == "2024-12-18T05:33:38.036697Z");  // requestReceivedTimestamp
  // Metadata level: no bodies, so the mutations cannot be replayed.
  CHECK(absl::StrContains(Interpret(ledger->calls[0]).operations[0].problem, "not recorded"));
  CHECK(Interpret(ledger->calls[1]).operations[0].problem.empty());
}

TEST_CASE("conformance: falco's v1beta1 audit events" *
          doctest::skip(NoTraces())) {
  struct Case {
    const char* file;
    Verb verb;
  };
  const Case cases[] = {
      {"falco__k8s_audit__create_deployment.json", Verb::kCreate},
      {"falco__k8s_audit__delete_deployment.json", Verb::kDelete},
      {"falco__k8s_audit__exec_pod.json", Verb::kExec},
  };
  for (const Case& c : cases) {
    CAPTURE(c.file);
    std::optional<Ledger> ledger = Sample(c.file);
    if (!ledger) continue;
    CHECK(ledger->format == "audit");
    REQUIRE(ledger->calls.size() == 1);
    Interpretation meaning = Interpret(ledger->calls[0]);
    REQUIRE(meaning.operations.size() == 1);
    CHECK(meaning.operations[0].verb == c.verb);
    CHECK(meaning.operations[0].kind == (c.verb == Verb::kExec ? "Pod" : "Deployment"));
  }
}

TEST_CASE("conformance: evidra-bench agent gateway records" *
          doctest::skip(NoTraces())) {
  std::optional<Ledger> audit = Sample("evidra-bench__agentgateway__k8s-audit.json");
  if (audit) {
    CHECK(audit->format == "audit");
    REQUIRE(audit->calls.size() == 2);
    CHECK(audit->calls[1].tool == "delete");
    CHECK(audit->calls[1].outcome.status == RecordedOutcome::Status::kOk);
  }
  std::optional<Ledger> call = Sample("evidra-bench__agentgateway__mcp-call.json");
  if (call) {
    CHECK(call->format == "otel");
    REQUIRE(call->calls.size() == 1);
    CHECK(call->calls[0].tool == "kubectl_apply");
    CHECK(call->calls[0].time == "2026-03-18T12:34:56Z");
    CHECK(Warnings(*call) == 1);  // arguments not recorded
  }
}

TEST_CASE("conformance: Evidra evidence chains are not tool-call ledgers" *
          doctest::skip(NoTraces())) {
  std::string path = kTraces + "evidra-bench__cascading-misconfiguration__evidence.jsonl";
  if (!std::filesystem::exists(path)) {
    MESSAGE("skipped: shared sample not present: " << path);
    return;
  }
  absl::StatusOr<Ledger> ledger = ReadLedgerFile(path, "", false);
  REQUIRE_FALSE(ledger.ok());
  CHECK(absl::StrContains(ledger.status().message(), "cannot detect the ledger format"));
}

}  // namespace
}  // namespace kreplay
