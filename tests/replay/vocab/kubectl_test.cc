// The vocabularies of servers that run kubectl (Flux159, kagent) and of
// shell tools: each call becomes the kubectl command line the server would
// run, read by the kubectl parser, with the server's defaults.
#include <string>

#include <doctest/doctest.h>

#include "absl/strings/match.h"
#include "replay/vocab/vocabulary.h"

namespace kreplay {
namespace {

ToolCall Call(const std::string& tool, const std::string& args_json) {
  ToolCall call;
  call.source = "run.jsonl";
  call.line = 3;
  call.tool = tool;
  call.args = Json::parse(args_json);
  return call;
}

Operation Only(const Interpretation& meaning) {
  REQUIRE(meaning.operations.size() == 1);
  return meaning.operations[0];
}

TEST_CASE("flux159: kubectl_patch runs kubectl patch in namespace default") {
  Interpretation meaning = Interpret(Call(
      "kubectl_patch",
      R"({"resourceType":"deployment","name":"web","patchType":"merge","patchData":{"spec":{"replicas":2}}})"));
  const Operation& op = Only(meaning);
  CHECK(op.verb == Verb::kPatch);
  CHECK(op.kind == "Deployment");
  CHECK(op.ns == "default");
  CHECK(op.names == std::vector<std::string>{"web"});
  CHECK(op.patch_type == PatchType::kMerge);
  CHECK(op.patch["spec"]["replicas"].get<int>() == 2);
  CHECK(op.problem.empty());
  CHECK(absl::StartsWith(op.source, "kubectl_patch: kubectl patch deployment web -n default"));
}

TEST_CASE("flux159: kubectl_apply is client-side apply in the tool's namespace") {
  const Operation& op = Only(Interpret(Call("kubectl_apply", R"({"manifest":
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  mode: safe\n","namespace":"bench","dryRun":true})")));
  CHECK(op.verb == Verb::kApply);
  CHECK_FALSE(op.server_side);
  CHECK(op.ns == "bench");
  CHECK(op.ns_explicit);
  CHECK(op.dry_run == DryRun::kClient);
  REQUIRE(op.manifests.size() == 1);
  CHECK(op.manifests[0]["data"]["mode"].get<std::string>() == "safe");
}

TEST_CASE("flux159: kubectl_delete, kubectl_scale, kubectl_rollout, kubectl_get defaults") {
  const Operation& del = Only(Interpret(Call("kubectl_delete", R"({"resourceType":"pod","name":"web-1","gracePeriodSeconds":0,"force":true})")));
  CHECK(del.verb == Verb::kDelete);
  CHECK(del.kind == "Pod");
  CHECK(del.ns == "default");
  CHECK(del.force);
  CHECK(del.grace_period == 0);
  const Operation& scale = Only(Interpret(Call("kubectl_scale", R"({"name":"web","replicas":0,"namespace":"bench"})")));
  CHECK(scale.verb == Verb::kScale);
  CHECK(scale.kind == "Deployment");
  CHECK(scale.replicas == 0);
  const Operation& restart = Only(Interpret(Call("kubectl_rollout", R"({"subCommand":"restart","name":"web","namespace":"bench"})")));
  CHECK(restart.verb == Verb::kRolloutRestart);
  const Operation& status = Only(Interpret(Call("kubectl_rollout", R"({"name":"web","namespace":"bench"})")));
  CHECK(status.verb == Verb::kRolloutStatus);
  const Operation& nodes = Only(Interpret(Call("kubectl_get", R"({"resourceType":"nodes"})")));
  CHECK(nodes.verb == Verb::kGet);
  CHECK(nodes.ns.empty());
  const Operation& events = Only(Interpret(Call("kubectl_get", R"({"resourceType":"events"})")));
  CHECK(events.all_namespaces);
}

TEST_CASE("flux159: node_management drain without confirmDrain never reaches the cluster") {
  const Operation& refused = Only(Interpret(Call("node_management", R"({"operation":"drain","nodeName":"node-1"})")));
  CHECK(refused.verb == Verb::kDrain);
  CHECK(refused.local);
  CHECK(absl::StrContains(refused.source, "confirmDrain"));
  const Operation& confirmed = Only(Interpret(Call(
      "node_management", R"({"operation":"drain","nodeName":"node-1","confirmDrain":true})")));
  CHECK_FALSE(confirmed.local);
}

TEST_CASE("flux159: kubectl_generic builds kubectl's argv from its parts") {
  const Operation& op = Only(Interpret(Call("kubectl_generic", R"({"command":"label","resourceType":"deployment","name":"web","namespace":"bench","args":["tier=gold"],"flags":{"overwrite":true}})")));
  CHECK(op.verb == Verb::kLabel);
  CHECK(op.ns == "bench");
  CHECK(op.overwrite);
  CHECK(op.pairs.at("tier") == std::optional<std::string>("gold"));
}

TEST_CASE("flux159: v1 tools") {
  const Operation& list = Only(Interpret(Call("list_pods", R"({"namespace":"bench"})")));
  CHECK(list.verb == Verb::kGet);
  CHECK(list.ns == "bench");
  const Operation& update = Only(Interpret(Call("update_configmap", R"({"name":"cfg","data":{"a":"1"}})")));
  CHECK(update.verb == Verb::kPatch);
  CHECK(update.patch_type == PatchType::kJson);
  CHECK(update.ns == "default");
  const Operation& create = Only(Interpret(Call("create_pod", R"({"name":"p","namespace":"bench","template":"nginx"})")));
  CHECK(create.verb == Verb::kCreate);
  CHECK(absl::StrContains(create.problem, "container template \"nginx\""));
}

TEST_CASE("kagent: defaults and hidden effects") {
  const Operation& scale = Only(Interpret(Call("k8s_scale", R"({"name":"web","replicas":0})")));
  CHECK(scale.verb == Verb::kScale);
  CHECK(scale.replicas == 1);
  CHECK(scale.ns == "default");
  const Operation& patch = Only(Interpret(Call(
      "k8s_patch_resource",
      R"({"resource_type":"deployment","resource_name":"web","patch":"{\"spec\":{\"replicas\":3}}","namespace":"bench"})")));
  CHECK(patch.verb == Verb::kPatch);
  CHECK(patch.patch_type == PatchType::kStrategic);
  const Operation& label = Only(Interpret(Call(
      "k8s_label_resource", R"({"resource_type":"deployment","resource_name":"web","labels":"tier=gold team=a"})")));
  CHECK(label.verb == Verb::kLabel);
  CHECK_FALSE(label.overwrite);
  CHECK(label.pairs.size() == 2);
  Interpretation check = Interpret(Call("k8s_check_service_connectivity", R"({"service_name":"web.bench:80"})"));
  REQUIRE(check.operations.size() == 4);
  CHECK(check.operations[0].verb == Verb::kRun);
  CHECK(check.operations[2].verb == Verb::kExec);
  CHECK(check.operations[3].verb == Verb::kDelete);
  CHECK(check.operations[3].ignore_not_found);
}

TEST_CASE("kubectl strings: run_command, execute_kubectl without the program, Azure legacy") {
  const Operation& run = Only(Interpret(Call("run_command", R"({"command":"kubectl delete pod web-1 -n bench"})")));
  CHECK(run.verb == Verb::kDelete);
  CHECK(run.kind == "Pod");
  CHECK(run.ns == "bench");
  const Operation& exec = Only(Interpret(Call("execute_kubectl", R"({"command":"scale deploy/web --replicas=3 -n bench"})")));
  CHECK(exec.verb == Verb::kScale);
  CHECK(exec.replicas == 3);
  const Operation& azure = Only(Interpret(Call(
      "kubectl_resources", R"({"operation":"patch","resource":"deployment","args":"web -n bench --type=merge -p '{\"spec\":{\"replicas\":1}}'"})")));
  CHECK(azure.verb == Verb::kPatch);
  CHECK(azure.patch_type == PatchType::kMerge);
  Interpretation chain = Interpret(Call("Bash", R"({"command":"kubectl get pods -n bench && kubectl rollout restart deploy/web -n bench"})"));
  REQUIRE(chain.operations.size() == 2);
  CHECK(chain.operations[1].verb == Verb::kRolloutRestart);
}

}  // namespace
}  // namespace kreplay
