// Tool vocabularies: each server's tools map to the operations the server
// really performs, with its defaults and hidden effects.
#include "replay/vocab/vocabulary.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "absl/strings/match.h"

namespace kreplay {
namespace {

ToolCall Call(const std::string& tool, const std::string& args_json,
              const std::string& server = "") {
  ToolCall call;
  call.source = "run.jsonl";
  call.line = 7;
  call.tool = tool;
  call.server = server;
  call.args = Json::parse(args_json);
  return call;
}

Operation Only(const Interpretation& meaning) {
  REQUIRE(meaning.operations.size() == 1);
  return meaning.operations[0];
}

TEST_CASE("vocabulary: the table lookup by server and by tool name") {
  CHECK(FindTool("", "kubectl_patch")->server == std::string("flux159"));
  CHECK(FindTool("", "pods_delete")->server == std::string("containers"));
  CHECK(FindTool("", "k8s_patch_resource")->server == std::string("kagent"));
  CHECK(FindTool("", "apply-k8s-resource")->server == std::string("strowk"));
  CHECK(FindTool("execution-entry", "delete_pod")->server == std::string("execution-entry"));
  CHECK(FindTool("", "delete_pod")->server == std::string("flux159"));
  CHECK(FindTool("", "patch") == nullptr);  // audit verbs only with server "audit"
  CHECK(FindTool("audit", "patch")->server == std::string("audit"));
  CHECK(FindTool("", "Read")->read_only);
  CHECK_FALSE(FindTool("", "kubectl_delete")->read_only);
  for (const std::string& server : VocabularyServers()) {
    CAPTURE(server);
    CHECK_FALSE(ToolsOf(server).empty());
    for (const ToolSpec& spec : ToolsOf(server)) CHECK(spec.server == server);
  }
}

TEST_CASE("vocabulary: unknown tools are guessed from their names") {
  Interpretation mutating = Interpret(Call("restart_workload", R"({"name":"web"})"));
  CHECK_FALSE(mutating.known_tool);
  CHECK(Only(mutating).verb == Verb::kUnknown);
  CHECK(absl::StrContains(Only(mutating).problem, "suggests a mutation"));
  Interpretation camel = Interpret(Call("deleteResource", "{}"));
  CHECK(Only(camel).verb == Verb::kUnknown);
  Interpretation read = Interpret(Call("get_weather", R"({"location":"New York"})"));
  CHECK_FALSE(read.known_tool);
  CHECK(Only(read).verb == Verb::kGet);
  CHECK(Only(read).problem == "unknown read-only tool \"get_weather\"");
  CHECK(NameSuggestsMutation("k8s-pod-exec"));
  CHECK(NameSuggestsMutation("helm_upgrade"));
  CHECK_FALSE(NameSuggestsMutation("list_resources"));
  CHECK_FALSE(NameSuggestsMutation("describe"));
}

TEST_CASE("vocabulary: an unknown server hint is reported, the tool name decides") {
  Interpretation meaning = Interpret(Call("pods_get", R"({"name":"web-1"})", "mystery"));
  CHECK(meaning.known_tool);
  REQUIRE(meaning.problems.size() == 1);
  CHECK(absl::StrContains(meaning.problems[0], "unknown server \"mystery\""));
}

TEST_CASE("containers: resources_create_or_update is server-side apply with force") {
  Interpretation meaning = Interpret(Call("resources_create_or_update", R"({"resource":
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: bench\nspec:\n  replicas: 2\nstatus:\n  replicas: 1\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n"})"));
  const Operation& op = Only(meaning);
  CHECK(op.verb == Verb::kApply);
  CHECK(op.server_side);
  CHECK(op.force_conflicts);
  CHECK(op.field_manager == "kubernetes-mcp-server");
  REQUIRE(op.manifests.size() == 2);
  CHECK_FALSE(op.manifests[0].contains("status"));
  CHECK(op.manifests[0]["spec"]["replicas"].get<int>() == 2);
  CHECK(op.ns.empty());
  CHECK(op.problem.empty());
}

TEST_CASE("containers: pods_delete also deletes the Services pods_run created") {
  Interpretation meaning = Interpret(Call("pods_delete", R"({"name":"web-1","namespace":"bench"})"));
  REQUIRE(meaning.operations.size() == 2);
  const Operation& services = meaning.operations[0];
  CHECK(services.verb == Verb::kDelete);
  CHECK(services.kind == "Service");
  CHECK(services.ns == "bench");
  CHECK(services.names.empty());
  CHECK(services.selector ==
        "app.kubernetes.io/managed-by=kubernetes-mcp-server,app.kubernetes.io/name=web-1");
  const Operation& pod = meaning.operations[1];
  CHECK(pod.verb == Verb::kDelete);
  CHECK(pod.kind == "Pod");
  CHECK(pod.names == std::vector<std::string>{"web-1"});
}

TEST_CASE("containers: pods_run without a recorded name says the name is a stand-in") {
  Interpretation meaning = Interpret(Call("pods_run", R"({"image":"nginx","namespace":"bench"})"));
  REQUIRE(meaning.operations.size() == 1);
  const Operation& op = meaning.operations[0];
  REQUIRE(op.manifests.size() == 1);
  CHECK(GetString(op.manifests[0], "metadata.name") == "kubernetes-mcp-server-run-unrecorded");
  CHECK(op.source.find("generated pod name was not recorded") != std::string::npos);
}

TEST_CASE("containers: pods_run applies a Pod and, with a port, a Service") {
  Interpretation meaning =
      Interpret(Call("pods_run", R"({"image":"nginx","name":"probe","namespace":"bench","port":8080})"));
  const Operation& op = Only(meaning);
  CHECK(op.verb == Verb::kApply);
  CHECK(op.field_manager == "kubernetes-mcp-server");
  REQUIRE(op.manifests.size() == 2);
  const Json& pod = op.manifests[0];
  CHECK(pod["kind"].get<std::string>() == "Pod");
  CHECK(pod["metadata"]["labels"]["app.kubernetes.io/managed-by"].get<std::string>() ==
        "kubernetes-mcp-server");
  CHECK(pod["spec"]["containers"][0]["imagePullPolicy"].get<std::string>() == "Always");
  CHECK(pod["spec"]["containers"][0]["ports"][0]["containerPort"].get<int>() == 8080);
  const Json& service = op.manifests[1];
  CHECK(service["kind"].get<std::string>() == "Service");
  CHECK(service["spec"]["selector"] == pod["metadata"]["labels"]);
}

TEST_CASE("containers: reads, scale and delete") {
  const Operation list = Only(Interpret(Call("pods_list", R"({"labelSelector":"app=web"})")));
  CHECK(list.verb == Verb::kGet);
  CHECK(list.all_namespaces);
  CHECK(list.selector == "app=web");
  const Operation scale = Only(Interpret(Call(
      "resources_scale", R"({"apiVersion":"apps/v1","kind":"Deployment","name":"web","namespace":"bench","scale":0})")));
  CHECK(scale.verb == Verb::kScale);
  CHECK(scale.kind == "Deployment");
  CHECK(scale.replicas == 0);
  const Operation scale_read = Only(Interpret(Call(
      "resources_scale", R"({"apiVersion":"apps/v1","kind":"Deployment","name":"web"})")));
  CHECK(scale_read.verb == Verb::kGet);
  const Operation del = Only(Interpret(Call(
      "resources_delete", R"({"apiVersion":"v1","kind":"ConfigMap","name":"cfg","namespace":"bench","gracePeriodSeconds":0})")));
  CHECK(del.verb == Verb::kDelete);
  CHECK(del.kind == "ConfigMap");
  CHECK(del.grace_period == 0);
  const Operation missing = Only(Interpret(Call("resources_delete", R"({"kind":"ConfigMap"})")));
  CHECK(missing.problem == "missing required argument \"name\"");
}

TEST_CASE("strowk: apply-k8s-resource is server-side apply without force, namespace default") {
  const Operation op = Only(Interpret(Call(
      "apply-k8s-resource",
      R"({"manifest":"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: b\n"})")));
  CHECK(op.verb == Verb::kApply);
  CHECK(op.server_side);
  CHECK_FALSE(op.force_conflicts);
  CHECK(op.field_manager == "mcp-k8s-go");
  REQUIRE(op.manifests.size() == 1);
  CHECK(op.manifests[0]["metadata"]["namespace"].get<std::string>() == "default");
}

TEST_CASE("execution-entry: apply_k8s_resource is a merge patch, dry run unless dryRun=false") {
  ToolCall call = Call("apply_k8s_resource",
                       R"({"kind":"Deployment","namespace":"bench","name":"web","patch":{"spec":{"replicas":3}}})",
                       "execution-entry");
  const Operation dry = Only(Interpret(call));
  CHECK(dry.verb == Verb::kPatch);
  CHECK(dry.kind == "Deployment");
  CHECK(dry.patch_type == PatchType::kMerge);
  CHECK(dry.dry_run == DryRun::kServer);
  call.args["dryRun"] = false;
  CHECK(Only(Interpret(call)).dry_run == DryRun::kNone);
  const Operation del =
      Only(Interpret(Call("delete_pod", R"({"name":"web-1","namespace":"bench"})", "execution-entry")));
  CHECK(del.verb == Verb::kDelete);
  CHECK(del.kind == "Pod");
  CHECK_FALSE(del.grace_period.has_value());
}

TEST_CASE("audit: API requests map to the operations that send them") {
  ToolCall patch = Call("patch", R"({"verb":"patch","resource":"deployments","apiGroup":"apps","namespace":"bench","name":"web","body":{"spec":{"replicas":2}},"patchType":"merge"})", "audit");
  const Operation p = Only(Interpret(patch));
  CHECK(p.verb == Verb::kPatch);
  CHECK(p.kind == "Deployment");
  CHECK(p.patch_type == PatchType::kMerge);
  CHECK(p.patch["spec"]["replicas"].get<int>() == 2);
  ToolCall apply = Call("patch", R"({"verb":"patch","resource":"deployments","apiGroup":"apps","namespace":"bench","name":"web","body":{"kind":"Deployment"},"patchType":"apply","fieldManager":"kubernetes-mcp-server","force":true})", "audit");
  const Operation a = Only(Interpret(apply));
  CHECK(a.verb == Verb::kApply);
  CHECK(a.server_side);
  CHECK(a.force_conflicts);
  CHECK(a.field_manager == "kubernetes-mcp-server");
  ToolCall scale = Call("patch", R"({"verb":"patch","resource":"deployments","apiGroup":"apps","subresource":"scale","namespace":"bench","name":"web","body":{"spec":{"replicas":0}},"patchType":"merge"})", "audit");
  CHECK(Only(Interpret(scale)).verb == Verb::kScale);
  CHECK(Only(Interpret(scale)).replicas == 0);
  ToolCall exec = Call("create", R"({"verb":"create","resource":"pods","subresource":"exec","namespace":"bench","name":"web-1"})", "audit");
  CHECK(Only(Interpret(exec)).verb == Verb::kExec);
  ToolCall del = Call("delete", R"({"verb":"delete","resource":"pods","namespace":"bench","name":"web-1","propagationPolicy":"Orphan","gracePeriodSeconds":"0","dryRun":true})", "audit");
  const Operation d = Only(Interpret(del));
  CHECK(d.cascade == Cascade::kOrphan);
  CHECK(d.grace_period == 0);
  CHECK(d.dry_run == DryRun::kServer);
  ToolCall bare = Call("create", R"({"verb":"create","resource":"secrets","namespace":"default","name":"s"})", "audit");
  CHECK(absl::StrContains(Only(Interpret(bare)).problem, "request body not recorded"));
  bare.outcome.response_object = Json::parse(R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"}})");
  const Operation from_response = Only(Interpret(bare));
  CHECK(from_response.problem.empty());
  CHECK(from_response.manifests.size() == 1);
}

TEST_CASE("audit: kubectl's restart patch is a rollout restart; a patch with more is a patch") {
  ToolCall restart = Call("patch", R"({"verb":"patch","resource":"deployments","apiGroup":"apps","namespace":"bench","name":"web","fieldManager":"kubectl-rollout","patchType":"strategic",
    "body":{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-05-12T10:00:20Z"}}}}}})", "audit");
  const Operation r = Only(Interpret(restart));
  CHECK(r.verb == Verb::kRolloutRestart);
  CHECK(r.kind == "Deployment");
  CHECK(r.names == std::vector<std::string>{"web"});
  CHECK(r.ns == "bench");
  ToolCall more = restart;
  more.args["body"]["spec"]["replicas"] = 3;
  CHECK(Only(Interpret(more)).verb == Verb::kPatch);
  ToolCall other = restart;
  other.args["body"]["spec"]["template"]["metadata"]["annotations"]["team"] = "web";
  CHECK(Only(Interpret(other)).verb == Verb::kPatch);
  ToolCall json = restart;
  json.args["patchType"] = "json";
  CHECK(Only(Interpret(json)).verb == Verb::kPatch);
}

TEST_CASE("audit: the event search of kubectl describe stands for the describe") {
  ToolCall search = Call("list", R"({"verb":"list","resource":"events","namespace":"bench",
    "fieldSelector":"involvedObject.kind=Deployment,involvedObject.name=web,involvedObject.namespace=bench,involvedObject.uid=5d0c2a4e-93b1-4f6e-9c4e-0f1c2f8a7b21"})", "audit");
  const Operation d = Only(Interpret(search));
  CHECK(d.verb == Verb::kDescribe);
  CHECK(d.kind == "Deployment");
  CHECK(d.names == std::vector<std::string>{"web"});
  CHECK(d.ns == "bench");
  // Filtered by hand (no uid) it stays a list of events.
  ToolCall by_hand = Call("list", R"({"verb":"list","resource":"events","namespace":"bench",
    "fieldSelector":"involvedObject.kind=Deployment,involvedObject.name=web"})", "audit");
  CHECK(Only(Interpret(by_hand)).verb == Verb::kGet);
}

TEST_CASE("server-side apply tools name their objects by manifest only") {
  // A name as well would also be looked up in the default namespace: a
  // second, phantom target Deployment/default/web.
  const Operation containers = Only(Interpret(Call("resources_create_or_update", R"({"resource":
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: bench\n"})")));
  CHECK(containers.kind == "Deployment");
  CHECK(containers.names.empty());
  REQUIRE(containers.manifests.size() == 1);
  const Operation strowk = Only(Interpret(Call("apply-k8s-resource", R"({"manifest":
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: bench\n"})")));
  CHECK(strowk.names.empty());
  REQUIRE(strowk.manifests.size() == 1);
}

TEST_CASE("agent-local tools never reach the cluster") {
  Interpretation meaning = Interpret(Call("TodoWrite", R"({"todos":[]})"));
  CHECK(meaning.known_tool);
  CHECK(Only(meaning).verb == Verb::kLocal);
  CHECK_FALSE(Only(meaning).mutating());
}

}  // namespace
}  // namespace kreplay
