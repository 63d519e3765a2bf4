// The importers of the transcript and trace formats: MCP JSON-RPC, Claude
// Code, OpenAI chat and Responses, OpenTelemetry and Kubernetes audit logs,
// each on a small realistic sample, plus the detection table.
#include <string>

#include <doctest/doctest.h>

#include "absl/strings/match.h"
#include "replay/ledger/ledger_reader.h"

namespace kreplay {
namespace {

using Status = RecordedOutcome::Status;

Ledger MustParse(const std::string& text, const std::string& format = "") {
  absl::StatusOr<Ledger> ledger = ParseLedger(text, "trace", format, false);
  INFO(ledger.status().ToString());
  REQUIRE(ledger.ok());
  return *std::move(ledger);
}

int CountInfo(const Ledger& ledger) {
  int count = 0;
  for (const LedgerProblem& problem : ledger.problems) count += IsInfoProblem(problem) ? 1 : 0;
  return count;
}

TEST_CASE("mcp-jsonrpc: requests pair with responses by id, both failure channels") {
  Ledger ledger = MustParse(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18"}}
{"jsonrpc":"2.0","id":0,"result":{"protocolVersion":"2025-06-18","capabilities":{}}}
{"jsonrpc":"2.0","method":"notifications/initialized"}
{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"kubectl_get","arguments":{"resourceType":"pods","namespace":"bench"}}}
{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"kubectl_patch","arguments":{"resourceType":"deployment","name":"web","namespace":"bench","patchData":{"spec":{"replicas":2}}}}}
{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"NAME  READY\nweb-1 1/1"}]}}
{"jsonrpc":"2.0","id":2,"error":{"code":-32603,"message":"Failed to patch: deployments.apps \"web\" not found"}}
{"jsonrpc":"2.0","id":"c3","method":"tools/call","params":{"name":"pods_delete","arguments":{"name":"web-1","namespace":"bench"}}}
{"jsonrpc":"2.0","id":"c3","result":{"content":[{"type":"text","text":"failed to delete pod: forbidden"}],"isError":true}}
{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"kubectl_scale","arguments":{"name":"web","replicas":3}}}
{"jsonrpc":"2.0","id":4,"result":{"content":[{"type":"text","text":"{\"success\":false,\"message\":\"not found\"}"}]}}
{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"kubectl_get","arguments":{"resourceType":"events"}}}
)");
  CHECK(ledger.format == "mcp-jsonrpc");
  REQUIRE(ledger.calls.size() == 5);
  CHECK(ledger.calls[0].tool == "kubectl_get");
  CHECK(ledger.calls[0].line == 4);
  CHECK(ledger.calls[0].outcome.status == Status::kOk);
  CHECK(ledger.calls[0].outcome.output == "NAME  READY\nweb-1 1/1");
  CHECK(ledger.calls[1].outcome.status == Status::kError);
  CHECK(ledger.calls[1].outcome.error ==
        "Failed to patch: deployments.apps \"web\" not found (code -32603)");
  CHECK(ledger.calls[2].args["name"].get<std::string>() == "web-1");
  CHECK(ledger.calls[2].outcome.status == Status::kError);
  CHECK(ledger.calls[3].outcome.status == Status::kError);
  CHECK(ledger.calls[4].outcome.status == Status::kUnknown);
  REQUIRE(ledger.problems.size() == 2);
  CHECK(ledger.problems[0].line == 12);
  CHECK(absl::StrContains(ledger.problems[0].message, "has no response"));
  CHECK_FALSE(ledger.problems[0].fatal());
  CHECK(IsInfoProblem(ledger.problems[1]));
  CHECK(absl::StrContains(ledger.problems[1].message, "initialize request x1"));
  CHECK(absl::StrContains(ledger.problems[1].message, "notifications/initialized notification x1"));
}

TEST_CASE("mcp-jsonrpc: a logging proxy's envelope gives the call its time") {
  Ledger ledger = MustParse(R"({"timestamp":"2026-05-12T10:00:20.011Z","direction":"client->server","message":{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"kubectl_rollout","arguments":{"subCommand":"restart","name":"web","namespace":"bench"}}}}
{"timestamp":"2026-05-12T10:00:20.298Z","direction":"server->client","message":{"jsonrpc":"2.0","id":3,"result":{"content":[{"type":"text","text":"deployment.apps/web restarted"}]}}}
{"time":1778580030000,"message":{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"kubectl_get","arguments":{"resourceType":"pods"}}}}
{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"kubectl_get","arguments":{"resourceType":"pods"}},"timestamp":"ignored: not an envelope"}
)");
  CHECK(ledger.format == "mcp-jsonrpc");
  REQUIRE(ledger.calls.size() == 3);
  CHECK(ledger.calls[0].time == "2026-05-12T10:00:20.011Z");
  CHECK(ledger.calls[0].outcome.status == Status::kOk);
  CHECK(ledger.calls[1].time == "2026-05-12T10:00:30Z");
  CHECK(ledger.calls[2].time.empty());
}

TEST_CASE("mcp-jsonrpc: a tools/call without params.name is skipped, naming the field") {
  Ledger ledger = MustParse(R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"arguments":{}}}
{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"pods_list","arguments":"{\"labelSelector\":\"app=web\"}"}}
)");
  REQUIRE(ledger.calls.size() == 1);
  CHECK(ledger.calls[0].args["labelSelector"].get<std::string>() == "app=web");
  REQUIRE(ledger.problems.size() >= 1);
  CHECK(ledger.problems[0].field == "params.name");
  CHECK(ledger.problems[0].fatal());
}

TEST_CASE("claude-transcript: tool_use pairs with tool_result; mcp__ names give the server") {
  Ledger ledger = MustParse(R"json({"type":"summary","summary":"Fix web","leafUuid":"u0"}
{"type":"user","uuid":"u1","sessionId":"s","timestamp":"2026-05-12T10:00:00Z","message":{"role":"user","content":"The web deployment is down in bench"}}
{"type":"assistant","uuid":"u2","sessionId":"s","timestamp":"2026-05-12T10:00:05Z","message":{"role":"assistant","content":[{"type":"text","text":"Looking."},{"type":"tool_use","id":"toolu_01","name":"mcp__kubernetes-mcp-server__pods_list_in_namespace","input":{"namespace":"bench"}}]}}
{"type":"user","uuid":"u3","sessionId":"s","timestamp":"2026-05-12T10:00:06Z","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01","content":[{"type":"text","text":"web-1 CrashLoopBackOff"}]}]}}
{"type":"assistant","uuid":"u4","sessionId":"s","timestamp":"2026-05-12T10:00:09Z","message":{"role":"assistant","content":[{"type":"tool_use","id":"toolu_02","name":"Bash","input":{"command":"kubectl -n bench rollout restart deploy/web","description":"restart"}}]}}
{"type":"user","uuid":"u5","sessionId":"s","timestamp":"2026-05-12T10:00:10Z","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_02","content":"Exit code 1\nError from server (Forbidden)","is_error":true}]}}
{"type":"assistant","uuid":"u6","sessionId":"s","timestamp":"2026-05-12T10:00:12Z","message":{"role":"assistant","content":[{"type":"tool_use","id":"toolu_03","name":"mcp__k8s__kubectl_get","input":{"resourceType":"pods"}}]}}
)json");
  CHECK(ledger.format == "claude-transcript");
  REQUIRE(ledger.calls.size() == 3);
  CHECK(ledger.calls[0].tool == "pods_list_in_namespace");
  CHECK(ledger.calls[0].server == "containers");
  CHECK(ledger.calls[0].time == "2026-05-12T10:00:05Z");
  CHECK(ledger.calls[0].outcome.status == Status::kOk);
  CHECK(ledger.calls[0].outcome.output == "web-1 CrashLoopBackOff");
  CHECK(ledger.calls[1].tool == "Bash");
  CHECK(ledger.calls[1].server == "");
  CHECK(ledger.calls[1].outcome.status == Status::kError);
  CHECK(ledger.calls[2].tool == "kubectl_get");
  CHECK(ledger.calls[2].server == "");
  CHECK(ledger.calls[2].outcome.status == Status::kUnknown);
  REQUIRE(ledger.problems.size() == 2);
  CHECK(ledger.problems[0].line == 7);
  CHECK(IsInfoProblem(ledger.problems[1]));
}

TEST_CASE("openai-chat: tool_calls with JSON-string arguments pair with tool messages") {
  Ledger ledger = MustParse(R"({"model":"gpt-4.1","messages":[
  {"role":"system","content":"You operate a Kubernetes cluster."},
  {"role":"assistant","content":null,"tool_calls":[
    {"id":"call_1","type":"function","function":{"name":"run_command","arguments":"{\"command\":\"kubectl get deploy -n bench\"}"}},
    {"id":"call_2","type":"function","function":{"name":"run_command","arguments":"{\"command\":\"kubectl delete pod web-1 -n bench\"}"}}]},
  {"role":"tool","tool_call_id":"call_1","content":"NAME READY\nweb 0/1"},
  {"role":"tool","tool_call_id":"call_2","content":"\nSTDERR: Error from server (NotFound): pods \"web-1\" not found\nExit code: 1"},
  {"role":"assistant","tool_calls":[{"id":"call_3","type":"function","function":{"name":"run_command","arguments":"{not json"}}]}
]})");
  CHECK(ledger.format == "openai-chat");
  REQUIRE(ledger.calls.size() == 2);
  CHECK(ledger.calls[0].args["command"].get<std::string>() == "kubectl get deploy -n bench");
  CHECK(ledger.calls[0].outcome.status == Status::kOk);
  CHECK(ledger.calls[1].outcome.status == Status::kError);
  CHECK(ledger.calls[1].outcome.exit_code == 1);
  REQUIRE_FALSE(ledger.problems.empty());
  CHECK(ledger.problems[0].field == "tool_calls.function.arguments");
  CHECK(ledger.problems[0].fatal());
}

TEST_CASE("openai-responses: function_call pairs by call_id; mcp_call carries its result") {
  Ledger ledger = MustParse(R"({"type":"mcp_list_tools","server_label":"k8s","tools":[]}
{"type":"function_call","call_id":"fc_1","name":"execute_kubectl","arguments":"{\"command\":\"get pods -n bench\"}"}
{"type":"function_call_output","call_id":"fc_1","output":"web-1 Running"}
{"type":"mcp_call","id":"mcp_1","server_label":"kubernetes-mcp-server","name":"resources_delete","arguments":"{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"cfg\",\"namespace\":\"bench\"}","output":null,"error":"forbidden"}
{"type":"mcp_call","id":"mcp_2","server_label":"flux159-k8s","name":"kubectl_get","arguments":"{\"resourceType\":\"pods\"}","output":"[]","error":null}
)");
  CHECK(ledger.format == "openai-responses");
  REQUIRE(ledger.calls.size() == 3);
  CHECK(ledger.calls[0].tool == "execute_kubectl");
  CHECK(ledger.calls[0].outcome.status == Status::kOk);
  CHECK(ledger.calls[1].server == "containers");
  CHECK(ledger.calls[1].outcome.status == Status::kError);
  CHECK(ledger.calls[1].outcome.error == "forbidden");
  CHECK(ledger.calls[2].server == "flux159");
  CHECK(ledger.calls[2].outcome.output == "[]");
  CHECK(CountInfo(ledger) == 1);
}

TEST_CASE("otel: OTLP spans of tool calls, deduplicated and ordered by start time") {
  Ledger ledger = MustParse(R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"kubernetes-mcp-server"}}]},"scopeSpans":[{"scope":{"name":"mcp"},"spans":[
 {"traceId":"t1","spanId":"s2","name":"tools/call pods_delete","startTimeUnixNano":"1778580002000000000","attributes":[
   {"key":"mcp.method.name","value":{"stringValue":"tools/call"}},{"key":"gen_ai.tool.name","value":{"stringValue":"pods_delete"}},
   {"key":"jsonrpc.request.id","value":{"stringValue":"7"}},
   {"key":"gen_ai.tool.call.arguments","value":{"stringValue":"{\"name\":\"web-1\",\"namespace\":\"bench\"}"}}],
  "status":{"code":2,"message":"pods \"web-1\" is forbidden"}},
 {"traceId":"t1","spanId":"s1","name":"tools/call pods_list","startTimeUnixNano":"1778580001000000000","attributes":[
   {"key":"mcp.method.name","value":{"stringValue":"tools/call"}},{"key":"gen_ai.tool.name","value":{"stringValue":"pods_list"}},
   {"key":"gen_ai.tool.call.arguments","value":{"kvlistValue":{"values":[{"key":"labelSelector","value":{"stringValue":"app=web"}}]}}}]},
 {"traceId":"t1","spanId":"s3","name":"tools/call pods_delete","startTimeUnixNano":"1778580002000100000","attributes":[
   {"key":"mcp.method.name","value":{"stringValue":"tools/call"}},{"key":"gen_ai.tool.name","value":{"stringValue":"pods_delete"}},
   {"key":"jsonrpc.request.id","value":{"stringValue":"7"}}]},
 {"traceId":"t1","spanId":"s4","name":"initialize","startTimeUnixNano":"1778580000000000000","attributes":[
   {"key":"mcp.method.name","value":{"stringValue":"initialize"}}]}
]}]}]})");
  CHECK(ledger.format == "otel");
  REQUIRE(ledger.calls.size() == 2);
  CHECK(ledger.calls[0].tool == "pods_list");
  CHECK(ledger.calls[0].server == "containers");
  CHECK(ledger.calls[0].time == "2026-05-12T10:00:01Z");
  CHECK(ledger.calls[0].args["labelSelector"].get<std::string>() == "app=web");
  CHECK(ledger.calls[0].outcome.status == Status::kOk);
  CHECK(ledger.calls[1].tool == "pods_delete");
  CHECK(ledger.calls[1].outcome.status == Status::kError);
  CHECK(ledger.calls[1].outcome.error == "pods \"web-1\" is forbidden");
  CHECK(CountInfo(ledger) == 1);
}

TEST_CASE("audit: ResponseComplete per auditID, connect subresources at ResponseStarted") {
  Ledger ledger = MustParse(R"({"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"a1","stage":"RequestReceived","requestURI":"/apis/apps/v1/namespaces/bench/deployments/web?fieldManager=kubectl-patch","verb":"patch","user":{"username":"agent"},"objectRef":{"resource":"deployments","namespace":"bench","name":"web","apiGroup":"apps","apiVersion":"v1"},"requestReceivedTimestamp":"2026-05-12T10:00:01.000000Z"}
{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"a1","stage":"ResponseComplete","requestURI":"/apis/apps/v1/namespaces/bench/deployments/web?fieldManager=kubectl-patch","verb":"patch","user":{"username":"agent"},"objectRef":{"resource":"deployments","namespace":"bench","name":"web","apiGroup":"apps","apiVersion":"v1"},"responseStatus":{"code":200},"requestObject":{"spec":{"replicas":2}},"responseObject":{"kind":"Deployment","metadata":{"name":"web"}},"requestReceivedTimestamp":"2026-05-12T10:00:01.000000Z"}
{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"a2","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/bench/pods?watch=true","verb":"watch","user":{"username":"system:kube-scheduler"},"objectRef":{"resource":"pods","namespace":"bench","apiVersion":"v1"},"responseStatus":{"code":200}}
{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Request","auditID":"a3","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/bench/pods","verb":"create","user":{"username":"system:serviceaccount:kube-system:replicaset-controller"},"objectRef":{"resource":"pods","namespace":"bench","apiVersion":"v1"},"responseStatus":{"code":201}}
{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Request","auditID":"a4","stage":"ResponseStarted","requestURI":"/api/v1/namespaces/bench/pods/web-1/exec?command=sh","verb":"create","user":{"username":"agent"},"objectRef":{"resource":"pods","namespace":"bench","name":"web-1","apiVersion":"v1","subresource":"exec"},"responseStatus":{"code":101}}
{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Request","auditID":"a4","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/bench/pods/web-1/exec?command=sh","verb":"create","user":{"username":"agent"},"objectRef":{"resource":"pods","namespace":"bench","name":"web-1","apiVersion":"v1","subresource":"exec"},"responseStatus":{"code":101}}
{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Request","auditID":"a5","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/bench/configmaps/cfg?dryRun=All","verb":"delete","user":{"username":"agent"},"objectRef":{"resource":"configmaps","namespace":"bench","name":"cfg","apiVersion":"v1"},"requestObject":{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Foreground"},"responseStatus":{"code":403,"message":"configmaps \"cfg\" is forbidden"}}
{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Request","auditID":"a6","stage":"ResponseComplete","requestURI":"/apis/apps/v1/namespaces/bench/deployments/web?fieldManager=kubernetes-mcp-server&force=true","verb":"patch","user":{"username":"agent"},"objectRef":{"resource":"deployments","namespace":"bench","name":"web","apiGroup":"apps","apiVersion":"v1"},"requestObject":{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"}},"responseStatus":{"code":200}}
{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Request","auditID":"a7","stage":"ResponseComplete","requestURI":"/apis/apps/v1/namespaces/bench/deployments/web","verb":"patch","user":{"username":"agent"},"objectRef":{"resource":"deployments","namespace":"bench","name":"web","apiGroup":"apps","apiVersion":"v1"},"requestObject":[{"op":"replace","path":"/spec/replicas","value":1}],"responseStatus":{"code":200}}
)");
  CHECK(ledger.format == "audit");
  REQUIRE(ledger.calls.size() == 5);
  const ToolCall& patch = ledger.calls[0];
  CHECK(patch.tool == "patch");
  CHECK(patch.server == "audit");
  CHECK(patch.line == 2);
  CHECK(patch.time == "2026-05-12T10:00:01.000000Z");
  CHECK(patch.args["patchType"].get<std::string>() == "strategic");
  CHECK(patch.args["fieldManager"].get<std::string>() == "kubectl-patch");
  CHECK(patch.outcome.status == Status::kOk);
  CHECK(patch.outcome.response_object["kind"].get<std::string>() == "Deployment");
  CHECK(ledger.calls[1].args["subresource"].get<std::string>() == "exec");
  CHECK(ledger.calls[1].line == 5);
  const ToolCall& refused = ledger.calls[2];
  CHECK(refused.outcome.status == Status::kError);
  CHECK(refused.outcome.error == "configmaps \"cfg\" is forbidden");
  CHECK(refused.args["dryRun"].get<bool>());
  CHECK(refused.args["propagationPolicy"].get<std::string>() == "Foreground");
  CHECK(ledger.calls[3].args["patchType"].get<std::string>() == "apply");
  CHECK(ledger.calls[3].args["force"].get<bool>());
  CHECK(ledger.calls[4].args["patchType"].get<std::string>() == "json");
  REQUIRE(ledger.problems.size() == 1);
  CHECK(IsInfoProblem(ledger.problems[0]));
  CHECK(absl::StrContains(ledger.problems[0].message, "RequestReceived stage events x1"));
  CHECK(absl::StrContains(ledger.problems[0].message, "requests of control-plane components x2"));
  CHECK(absl::StrContains(ledger.problems[0].message, "repeated auditID x1"));
}

TEST_CASE("audit: an EventList document and the v1beta1 shape") {
  Ledger ledger = MustParse(R"({
  "kind": "EventList",
  "apiVersion": "audit.k8s.io/v1",
  "items": [
    {"auditID":"b1","kind":"Event","level":"Request","metadata":{"creationTimestamp":"2018-10-26T13:09:27Z"},
     "objectRef":{"apiGroup":"extensions","apiVersion":"v1beta1","name":"nginx","namespace":"default","resource":"deployments"},
     "requestObject":{"apiVersion":"extensions/v1beta1","kind":"DeleteOptions","propagationPolicy":"Background"},
     "requestURI":"/apis/extensions/v1beta1/namespaces/default/deployments/nginx",
     "responseStatus":{"code":200,"metadata":{},"status":"Success"},"stage":"ResponseComplete",
     "timestamp":"2018-10-26T13:09:27Z","user":{"username":"minikube-user"},"verb":"delete"}
  ]
})");
  CHECK(ledger.format == "audit");
  REQUIRE(ledger.calls.size() == 1);
  CHECK(ledger.calls[0].tool == "delete");
  CHECK(ledger.calls[0].time == "2018-10-26T13:09:27Z");
}

TEST_CASE("detection: each format is recognised from its content") {
  struct Case {
    const char* text;
    const char* format;
  };
  const Case cases[] = {
      {R"({"schema":"kreplay.ledger/v1"})", "canonical"},
      {R"({"tool":"pods_list","args":{}})", "canonical"},
      {R"({"tool":"delete_pod","input":{"name":"a"},"output":{},"timestamp":1,"safetyFlags":[],"traceId":"x"})",
       "execution-entry"},
      {R"([{"tool":"run_command","args":{"command":"kubectl get pods"},"result":"x","timestamp":"2026-01-01T00:00:00Z"}])",
       "tool-calls"},
      {R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"pods_list"}})", "mcp-jsonrpc"},
      {R"({"type":"assistant","message":{"role":"assistant","content":[]}})", "claude-transcript"},
      {R"({"role":"tool","tool_call_id":"call_1","content":"x"})", "openai-chat"},
      {R"({"type":"function_call","call_id":"c","name":"x","arguments":"{}"})", "openai-responses"},
      {R"({"resourceSpans":[]})", "otel"},
      {R"({"timestamp":"2026-03-18T12:34:56Z","attributes":{"mcp.method.name":"tools/call","gen_ai.tool.name":"kubectl_apply"}})",
       "otel"},
      {R"({"kind":"Event","apiVersion":"audit.k8s.io/v1","verb":"get"})", "audit"},
      {R"([{"verb":"patch","objectRef":{"resource":"deployments"}}])", "audit"},
      {R"({"hello":"world"})", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(DetectLedgerFormat(c.text) == c.format);
  }
}

TEST_CASE("detection: looks past records that say nothing, up to 32") {
  std::string text;
  for (int i = 0; i < 5; ++i) text += R"({"type":"queue-operation","operation":"enqueue"})" "\n";
  text += R"({"type":"assistant","message":{"role":"assistant","content":[]}})" "\n";
  CHECK(DetectLedgerFormat(text) == "claude-transcript");
}

}  // namespace
}  // namespace kreplay
