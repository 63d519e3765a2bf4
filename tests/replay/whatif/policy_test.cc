// Guardrail policies of `kreplay whatif --policy` (replay/whatif/policy.h):
// each built-in mode hides exactly the tools its server's source hides,
// including the near misses (a destructive-looking tool a mode keeps), a
// kubectl string is judged as the server's tool for its verb, and policy
// files allow, deny, require a dry run or an approval rule by rule.
#include "replay/whatif/policy.h"

#include <string>

#include <doctest/doctest.h>

#include "replay/whatif/builtin_policies.h"
#include "replay/whatif/policy_file.h"

namespace kreplay {
namespace {

ToolCall Mcp(const std::string& server, const std::string& tool, Json args) {
  ToolCall call;
  call.server = server;
  call.tool = tool;
  call.args = std::move(args);
  return call;
}

ToolCall Shell(const std::string& command) {
  ToolCall call;
  call.tool = "run_command";
  call.args = {{"command", command}};
  return call;
}

GuardDecision Under(const std::string& policy, const ToolCall& call) {
  std::optional<Policy> p = BuiltinPolicy(policy);
  REQUIRE(p.has_value());
  return Decide(*p, call);
}

const Json kGetPods = {{"resourceType", "pods"}, {"namespace", "bench"}};
const Json kRestart = {{"subCommand", "restart"}, {"resourceType", "deployment"},
                       {"name", "web"}, {"namespace", "bench"}};
const Json kPatch = {{"resourceType", "configmap"}, {"name", "shared-config"},
                     {"namespace", "bench"}, {"patchData", {{"data", {{"a", "b"}}}}}};

TEST_CASE("policy flux159-readonly: only the eight read-only tools remain") {
  CHECK_FALSE(Under("flux159-readonly", Mcp("flux159", "kubectl_get", kGetPods)).prevented);
  GuardDecision d = Under("flux159-readonly", Mcp("flux159", "kubectl_rollout", kRestart));
  CHECK(d.prevented);
  CHECK(d.how == "hidden");
  CHECK(d.reason == "ALLOW_ONLY_READONLY_TOOLS=true hides kubectl_rollout");
  // kubectl_rollout is one tool: even its status read is hidden.
  Json status = kRestart;
  status["subCommand"] = "status";
  CHECK(Under("flux159-readonly", Mcp("flux159", "kubectl_rollout", status)).prevented);
  // A kubectl string is judged as the tool for its verb.
  CHECK_FALSE(Under("flux159-readonly", Shell("kubectl get pods -n bench")).prevented);
  GuardDecision s = Under("flux159-readonly", Shell("kubectl rollout restart deployment/web -n bench"));
  CHECK(s.prevented);
  CHECK(s.reason.find("hides kubectl_rollout, the flux159 tool for `rollout restart") !=
        std::string::npos);
  // A verb with no dedicated tool goes through kubectl_generic, hidden too.
  CHECK(Under("flux159-readonly", Shell("kubectl label pod web-1 a=b -n bench")).prevented);
  // Local text tools never reach the cluster.
  CHECK_FALSE(Under("flux159-readonly", Shell("echo done")).prevented);
}

TEST_CASE("policy flux159-non-destructive: patch, apply and rollout stay (near miss), delete goes") {
  CHECK_FALSE(Under("flux159-non-destructive", Mcp("flux159", "kubectl_patch", kPatch)).prevented);
  CHECK_FALSE(Under("flux159-non-destructive", Mcp("flux159", "kubectl_rollout", kRestart)).prevented);
  Json del = {{"resourceType", "pod"}, {"name", "web-1"}, {"namespace", "bench"}};
  CHECK(Under("flux159-non-destructive", Mcp("flux159", "kubectl_delete", del)).prevented);
  CHECK(Under("flux159-non-destructive", Shell("kubectl delete pod web-1 -n bench")).prevented);
  CHECK(Under("flux159-non-destructive", Shell("kubectl drain node-1")).prevented);
  CHECK_FALSE(Under("flux159-non-destructive", Shell("kubectl scale deploy/web --replicas=3 -n bench")).prevented);
}

TEST_CASE("policy containers: --disable-destructive hides pods_delete, keeps pods_run (near miss)") {
  Json pod = {{"name", "web-1"}, {"namespace", "bench"}};
  GuardDecision d = Under("containers-disable-destructive", Mcp("containers", "pods_delete", pod));
  CHECK(d.prevented);
  CHECK(d.reason == "--disable-destructive hides pods_delete");
  Json run = {{"image", "nginx"}, {"namespace", "bench"}};
  CHECK_FALSE(Under("containers-disable-destructive", Mcp("containers", "pods_run", run)).prevented);
  CHECK(Under("containers-read-only", Mcp("containers", "pods_run", run)).prevented);
  CHECK_FALSE(Under("containers-read-only", Mcp("containers", "pods_get", pod)).prevented);
  // A kubectl patch would go through resources_create_or_update (destructiveHint).
  GuardDecision p = Under("containers-disable-destructive",
                           Shell("kubectl patch configmap shared-config -n bench -p '{\"data\":{}}'"));
  CHECK(p.prevented);
  CHECK(p.reason.find("resources_create_or_update") != std::string::npos);
  // No containers tool drains a node.
  CHECK(Under("containers-read-only", Shell("kubectl drain node-1")).reason ==
        "no containers tool carries `drain Node node-1`");
}

TEST_CASE("policy aks: each access level adds kubectl commands") {
  CHECK_FALSE(Under("aks-readonly", Shell("kubectl get pods -n bench")).prevented);
  GuardDecision d = Under("aks-readonly", Shell("kubectl rollout status deployment/web -n bench"));
  CHECK(d.prevented);
  CHECK(d.how == "refused");
  CHECK(d.reason.find("does not allow `kubectl rollout`") != std::string::npos);
  CHECK_FALSE(Under("aks-readwrite", Shell("kubectl rollout restart deployment/web -n bench")).prevented);
  CHECK(Under("aks-readwrite", Shell("kubectl cordon node-1")).prevented);
  CHECK_FALSE(Under("aks-admin", Shell("kubectl cordon node-1")).prevented);
  // The verb table applies to other vocabularies' calls too.
  CHECK(Under("aks-readonly", Mcp("flux159", "kubectl_patch", kPatch)).prevented);
}

TEST_CASE("policy: an unknown built-in name is not found; the names are listed") {
  CHECK_FALSE(BuiltinPolicy("flux159-read-only").has_value());
  CHECK(BuiltinPolicyNames().size() == 7);
}

Policy File(const std::string& yaml) {
  absl::StatusOr<Policy> p = ParsePolicy(yaml, "p.yaml");
  REQUIRE_MESSAGE(p.ok(), p.status().ToString());
  return *p;
}

TEST_CASE("policy file: the first matching rule wins; globs on names and namespaces") {
  Policy p = File(R"(apiVersion: kreplay.dev/v1
kind: Policy
metadata: {name: cm}
spec:
  rules:
    - {action: allow, verbs: [patch], kinds: [configmap], names: [web-*]}
    - {action: deny, verbs: [patch, apply], kinds: [ConfigMap], namespaces: [bench]}
)");
  CHECK(p.name == "cm");
  GuardDecision d = Decide(p, Shell("kubectl patch configmap shared-config -n bench -p '{}'"));
  CHECK(d.prevented);
  CHECK(d.reason == "cm (p.yaml:7) denies `patch ConfigMap shared-config`");
  CHECK_FALSE(Decide(p, Shell("kubectl patch configmap web-config -n bench -p '{}'")).prevented);
  CHECK_FALSE(Decide(p, Shell("kubectl patch configmap shared-config -n other -p '{}'")).prevented);
  CHECK_FALSE(Decide(p, Shell("kubectl patch secret shared-config -n bench -p '{}'")).prevented);
  CHECK_FALSE(Decide(p, Shell("kubectl get configmap shared-config -n bench")).prevented);
}

TEST_CASE("policy file: require-dry-run passes a dry run, require-approval refuses unattended") {
  Policy p = File(R"(apiVersion: kreplay.dev/v1
kind: Policy
spec:
  default: allow
  rules:
    - {action: require-approval, verbs: [delete]}
    - {action: require-dry-run, verbs: ["*"]}
)");
  CHECK(p.name == "p");
  CHECK(Decide(p, Shell("kubectl scale deploy/web --replicas=2 -n bench")).prevented);
  CHECK_FALSE(Decide(p, Shell("kubectl scale deploy/web --replicas=2 -n bench --dry-run=server")).prevented);
  CHECK_FALSE(Decide(p, Shell("kubectl get pods -n bench")).prevented);  // reads need no dry run
  GuardDecision d = Decide(p, Shell("kubectl delete pod web-1 -n bench --dry-run=server"));
  CHECK(d.prevented);
  CHECK(d.reason.find("requires a human approval") != std::string::npos);
}

TEST_CASE("policy file: a default of deny refuses what no rule allows") {
  Policy p = File("apiVersion: kreplay.dev/v1\nkind: Policy\nspec:\n  default: deny\n  rules:\n"
                  "    - {action: allow, verbs: [get, describe, logs]}\n");
  CHECK_FALSE(Decide(p, Shell("kubectl logs web-1 -n bench")).prevented);
  CHECK(Decide(p, Shell("kubectl top pods -n bench")).prevented);
}

TEST_CASE("policy file: bad input names file, line and field") {
  struct Case { const char* yaml; const char* says; };
  const Case cases[] = {
      {"apiVersion: kreplay.dev/v1\nkind: Policy\nspec:\n  rules:\n    - action: deny\n      verb: [patch]\n",
       "p.yaml:6: spec.rules[0].verb: unknown field (known: action, kinds, names, namespaces, verbs)"},
      {"apiVersion: kreplay.dev/v1\nkind: Policy\nspec:\n  rules:\n    - action: block\n",
       "p.yaml:5: spec.rules[0].action: want allow, deny, require-dry-run or require-approval"},
      {"apiVersion: kreplay.dev/v1\nkind: Suite\n", "p.yaml:2: kind: want Policy"},
      {"apiVersion: kreplay.dev/v1\nkind: Policy\nspex: {}\n", "p.yaml:3: spex: unknown field"},
      {"apiVersion: kreplay.dev/v1\nkind: Policy\nspec:\n  default: maybe\n", "p.yaml:4: spec.default: want"},
      {"apiVersion: kreplay.dev/v1\nkind: Policy\nspec:\n  rules:\n    - {action: deny, kinds: 3}\n",
       "p.yaml:5: spec.rules[0].kinds: want a list of strings"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.says);
    absl::StatusOr<Policy> p = ParsePolicy(c.yaml, "p.yaml");
    REQUIRE_FALSE(p.ok());
    CHECK(std::string(p.status().message()).find(c.says) != std::string::npos);
  }
}

// The k8s-mcp-safety-config.yaml shape of a published MCP wrapper config,
// indented as YAML (the tutorial's copy lost its indentation).
constexpr const char* kSafetyConfig = R"(mcp_server:
  name: "production-ready-k8s-agent"
  version: "2.1.0"
  safety_gates:
    dry_run_default: true
    max_patch_keys: 3
    allow_direct_deletion: false
    require_grace_period: true
    force_full_replace_allowed: false
  audit_routing:
    retention_days: 90
)";

TEST_CASE("policy safety gates: deletes refused, wide patches refused, the rest sent as dry runs") {
  Policy p = File(kSafetyConfig);
  CHECK(p.name == "production-ready-k8s-agent");
  GuardDecision del = Decide(p, Shell("kubectl delete pod web-1 -n bench"));
  CHECK(del.how == "refused");
  CHECK(del.reason == "production-ready-k8s-agent: allow_direct_deletion: false refuses `delete Pod web-1`");
  // Three keys is the limit (near miss), four is one too many.
  GuardDecision three = Decide(p, Shell("kubectl patch cm c -n bench --type merge -p "
                                        "'{\"data\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}}'"));
  CHECK(three.how == "dry-run");
  GuardDecision four = Decide(p, Shell("kubectl patch cm c -n bench --type merge -p "
                                       "'{\"data\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\"}}'"));
  CHECK(four.how == "refused");
  CHECK(four.reason.find("max_patch_keys: 3 refuses `patch ConfigMap c`, which sets 4 keys") !=
        std::string::npos);
  // A mutation that asks for a dry run itself passes; reads always do.
  CHECK_FALSE(Decide(p, Shell("kubectl scale deploy/web --replicas=2 -n bench --dry-run=server")).prevented);
  CHECK_FALSE(Decide(p, Shell("kubectl get pods -n bench")).prevented);
  CHECK(Decide(p, Shell("kubectl replace --force -f web.yaml")).how == "refused");
}

TEST_CASE("policy safety gates: deletion allowed, a delete without grace period refused") {
  Policy p = File("mcp_server:\n  safety_gates:\n    allow_direct_deletion: true\n"
                  "    require_grace_period: true\n");
  CHECK_FALSE(Decide(p, Shell("kubectl delete pod web-1 -n bench")).prevented);
  CHECK(Decide(p, Shell("kubectl delete pod web-1 -n bench --grace-period=0 --force")).prevented);
  absl::StatusOr<Policy> bad = ParsePolicy("mcp_server:\n  safety_gates:\n    dry_run: true\n", "g.yaml");
  REQUIRE_FALSE(bad.ok());
  CHECK(std::string(bad.status().message()).find("g.yaml:3: mcp_server.safety_gates.dry_run: unknown gate") !=
        std::string::npos);
  absl::StatusOr<Policy> type = ParsePolicy("mcp_server:\n  safety_gates:\n    max_patch_keys: many\n", "g.yaml");
  REQUIRE_FALSE(type.ok());
  CHECK(std::string(type.status().message()).find("g.yaml:3: mcp_server.safety_gates.max_patch_keys: want an integer") !=
        std::string::npos);
}

}  // namespace
}  // namespace kreplay
