// `kreplay ledger convert` and `kreplay ledger check`: output and exit codes.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "tests/cli/cli_test_util.h"

#include "absl/strings/match.h"
#include "cli/command.h"
#include "model/json.h"

namespace kreplay {
namespace {

std::string WriteTemp(const std::string& name, const std::string& text) {
  return WriteTempFile("kreplay_ledger_test_" + name, text);
}

constexpr char kMcpLog[] =
    R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"pods_delete","arguments":{"name":"web-1","namespace":"bench"}}}
{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"Pod deleted successfully"}]}}
{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"events_list","arguments":{"namespace":"bench"}}}
{"jsonrpc":"2.0","id":2,"result":{"content":[{"type":"text","text":"no events"}],"isError":false}}
)";

TEST_CASE("ledger convert writes canonical JSONL that reads back the same") {
  std::string path = WriteTemp("convert.jsonl", kMcpLog);
  Outcome run = Kreplay({"ledger", "convert", path});
  CHECK(run.code == 0);
  CHECK(run.err.empty());
  CHECK(run.out ==
        R"({"schema":"kreplay.ledger/v1","source_format":"mcp-jsonrpc"}
{"args":{"name":"web-1","namespace":"bench"},"id":"mcp-jsonrpc:1","result":{"output":"Pod deleted successfully","status":"ok"},"tool":"pods_delete"}
{"args":{"namespace":"bench"},"id":"mcp-jsonrpc:3","result":{"output":"no events","status":"ok"},"tool":"events_list"}
)");
  std::string canonical = WriteTemp("converted.jsonl", run.out);
  Outcome again = Kreplay({"ledger", "convert", canonical});
  CHECK(again.code == 0);
  CHECK(absl::StrContains(again.out, R"("source_format":"canonical")"));
  CHECK(absl::StrContains(again.out, R"("id":"canonical:2","result":{"output":"Pod deleted successfully")"));
}

TEST_CASE("ledger check: everything understood exits 0 and lists the operations") {
  std::string path = WriteTemp("check_ok.jsonl", kMcpLog);
  Outcome run = Kreplay({"ledger", "check", path});
  CHECK(run.code == 0);
  CHECK(absl::StrContains(run.out, "format mcp-jsonrpc, 2 calls, 0 problems\n"));
  CHECK(absl::StrContains(run.out, "line 1: pods_delete [containers] recorded ok\n"));
  CHECK(absl::StrContains(run.out, "    delete Pod/bench/web-1"));
  CHECK(absl::StrContains(run.out,
                          "    delete Service in bench (-l app.kubernetes.io/managed-by=kubernetes-mcp-server,"
                          "app.kubernetes.io/name=web-1)"));
  CHECK(absl::StrContains(run.out, "everything understood"));
}

TEST_CASE("ledger check: an unknown mutating tool exits 65, with the reason") {
  std::string path = WriteTemp("check_unknown.jsonl",
                               R"({"tool":"restart_app","args":{"name":"web"}})" "\n");
  Outcome run = Kreplay({"ledger", "check", path});
  CHECK(run.code == kExitDataError);
  CHECK(absl::StrContains(run.out, "line 1: restart_app [unknown tool] recorded unknown\n"));
  CHECK(absl::StrContains(run.out, "not understood: unknown tool \"restart_app\": its name suggests a mutation"));
  Outcome json = Kreplay({"ledger", "check", path, "-o", "json"});
  CHECK(json.code == kExitDataError);
  Json report = Json::parse(json.out);
  CHECK(report["schema"].get<std::string>() == "kreplay.ledger-check/v1");
  CHECK_FALSE(report["understood"].get<bool>());
  CHECK(report["calls"][0]["operations"][0]["verb"].get<std::string>() == "unknown");
}

TEST_CASE("ledger: missing files exit 66, bad data 65, bad usage 64") {
  CHECK(Kreplay({"ledger", "check", "/nonexistent/kreplay.jsonl"}).code == kExitNoInput);
  CHECK(Kreplay({"ledger", "convert", "/nonexistent/kreplay.jsonl"}).code == kExitNoInput);
  std::string bad = WriteTemp("bad.jsonl", "{\"tool\":\"pods_list\"}\n{oops\n");
  Outcome lenient = Kreplay({"ledger", "convert", bad});
  CHECK(lenient.code == 0);
  CHECK(absl::StrContains(lenient.err, "kreplay_ledger_test_bad.jsonl:2: skipped: invalid JSON"));
  Outcome strict = Kreplay({"ledger", "convert", bad, "--strict"});
  CHECK(strict.code == kExitDataError);
  CHECK(absl::StrContains(strict.err, "kreplay_ledger_test_bad.jsonl:2: invalid JSON"));
  CHECK(Kreplay({"ledger", "check", bad}).code == kExitDataError);
  CHECK(Kreplay({"ledger", "check", bad, "--format", "yaml"}).code == kExitUsage);
  CHECK(Kreplay({"ledger", "convert", bad, "-o", "json"}).code == kExitUsage);
}

}  // namespace
}  // namespace kreplay
