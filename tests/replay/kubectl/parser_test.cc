#include "replay/kubectl/parser.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/replay/kubectl/test_words.h"

namespace kreplay {
namespace {

std::vector<Operation> Parse(absl::string_view line, const std::string& stdin_text = "") {
  absl::StatusOr<std::vector<Operation>> ops = ParseKubectl(TestWords(line), stdin_text);
  REQUIRE_MESSAGE(ops.ok(), ops.status().ToString());
  return *ops;
}

Operation ParseOne(absl::string_view line, const std::string& stdin_text = "") {
  std::vector<Operation> ops = Parse(line, stdin_text);
  REQUIRE(ops.size() == 1);
  return ops[0];
}

std::string VerbName(Verb verb) { return InfoOf(verb).name; }

constexpr char kDeployment[] = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
)";

TEST_CASE("kubectl: each verb's target (verb, kind, namespace, names, selector)") {
  struct Case {
    const char* line;
    Verb verb;
    const char* kind;
    const char* ns;
    std::vector<std::string> names;
    const char* selector;
  };
  const Case cases[] = {
      {"kubectl get pods -n bench", Verb::kGet, "Pod", "bench", {}, ""},
      {"kubectl get deploy web -o yaml -n bench", Verb::kGet, "Deployment", "bench", {"web"}, ""},
      {"kubectl get deployments.apps/web --namespace=bench", Verb::kGet, "Deployment", "bench",
       {"web"}, ""},
      {"kubectl -nbench get pod/a", Verb::kGet, "Pod", "bench", {"a"}, ""},
      {"kubectl -n=bench get svc", Verb::kGet, "Service", "bench", {}, ""},
      {"kubectl --namespace bench get cm shared-config", Verb::kGet, "ConfigMap", "bench",
       {"shared-config"}, ""},
      {"kubectl get events -n bench --sort-by=.lastTimestamp", Verb::kEvents, "Event", "bench",
       {}, ""},
      {"kubectl events -n bench --for deployment/web", Verb::kEvents, "Event", "bench", {}, ""},
      {"kubectl describe deployment web -n bench", Verb::kDescribe, "Deployment", "bench",
       {"web"}, ""},
      {"kubectl describe pods -l app=web", Verb::kDescribe, "Pod", "", {}, "app=web"},
      {"kubectl logs web-649bf8d897-2265d -n bench --tail=50", Verb::kLogs, "Pod", "bench",
       {"web-649bf8d897-2265d"}, ""},
      {"kubectl logs deploy/web --previous -n bench", Verb::kLogs, "Deployment", "bench",
       {"web"}, ""},
      {"kubectl logs -l app=web -n bench --all-containers", Verb::kLogs, "Pod", "bench", {},
       "app=web"},
      {"kubectl logs -f web-1", Verb::kLogs, "Pod", "", {"web-1"}, ""},
      {"kubectl wait --for=condition=Available deployment/web -n bench --timeout=60s",
       Verb::kWait, "Deployment", "bench", {"web"}, ""},
      {"kubectl top pods -n bench", Verb::kTop, "Pod", "bench", {}, ""},
      {"kubectl top node node-1", Verb::kTop, "Node", "", {"node-1"}, ""},
      {"kubectl explain deployment.spec.strategy", Verb::kExplain, "Deployment", "", {}, ""},
      {"kubectl version --client -o json", Verb::kVersion, "", "", {}, ""},
      {"kubectl api-resources --namespaced=true", Verb::kApiResources, "", "", {}, ""},
      {"kubectl cluster-info", Verb::kClusterInfo, "", "", {}, ""},
      {"kubectl config view --minify", Verb::kConfigView, "", "", {}, ""},
      {"kubectl auth can-i delete pods -n bench", Verb::kAuthCanI, "Pod", "bench", {}, ""},
      {"kubectl rollout status deployment/web -n bench", Verb::kRolloutStatus, "Deployment",
       "bench", {"web"}, ""},
      {"kubectl rollout history deploy web", Verb::kRolloutHistory, "Deployment", "", {"web"},
       ""},
      {"kubectl rollout restart deployment/web -n bench", Verb::kRolloutRestart, "Deployment",
       "bench", {"web"}, ""},
      {"kubectl rollout pause deployment/web", Verb::kRolloutPause, "Deployment", "", {"web"},
       ""},
      {"kubectl rollout resume deployment/web", Verb::kRolloutResume, "Deployment", "", {"web"},
       ""},
      {"kubectl delete pod web-649bf8d897-2265d web-649bf8d897-k2flt -n bench", Verb::kDelete,
       "Pod", "bench", {"web-649bf8d897-2265d", "web-649bf8d897-k2flt"}, ""},
      {"kubectl delete pods -l app=web -n bench --grace-period=0 --force", Verb::kDelete, "Pod",
       "bench", {}, "app=web"},
      {"kubectl scale deploy/api --replicas=0 -n bench", Verb::kScale, "Deployment", "bench",
       {"api"}, ""},
      {"kubectl set image deployment/web nginx=nginx:1.27-alpine -n bench", Verb::kSetImage,
       "Deployment", "bench", {"web"}, ""},
      {"kubectl cordon node-1", Verb::kCordon, "Node", "", {"node-1"}, ""},
      {"kubectl uncordon node/node-1", Verb::kUncordon, "Node", "", {"node-1"}, ""},
      {"kubectl drain node-1 --ignore-daemonsets --delete-emptydir-data", Verb::kDrain, "Node",
       "", {"node-1"}, ""},
      {"kubectl exec -it web-1 -c nginx -n bench -- sh -c 'echo hi'", Verb::kExec, "Pod",
       "bench", {"web-1"}, ""},
      {"kubectl port-forward svc/web 8080:80 -n bench", Verb::kPortForward, "Service", "bench",
       {"web"}, ""},
      {"kubectl attach web-1 -c nginx -n bench", Verb::kExec, "Pod", "bench", {"web-1"}, ""},
      {"kubectl proxy -p 8001 --address=0.0.0.0 --accept-hosts='.*' --disable-filter -n bench",
       Verb::kPortForward, "", "bench", {}, ""},
      {"k get po -n bench", Verb::kGet, "Pod", "bench", {}, ""},
      {"oc get deploy -n bench", Verb::kGet, "Deployment", "bench", {}, ""},
      {"/usr/local/bin/kubectl get ns", Verb::kGet, "Namespace", "", {}, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    Operation op = ParseOne(c.line);
    CHECK(VerbName(op.verb) == VerbName(c.verb));
    CHECK(op.kind == c.kind);
    CHECK(op.ns == c.ns);
    CHECK(op.ns_explicit == (std::string(c.ns) != ""));
    CHECK(op.names == c.names);
    CHECK(op.selector == c.selector);
    CHECK(op.problem == "");
    CHECK(op.source == JoinArgv(TestWords(c.line)));
  }
}

TEST_CASE("kubectl: resource forms give one Operation per kind") {
  struct Case {
    const char* line;
    std::vector<std::string> kinds;
    std::vector<std::vector<std::string>> names;
  };
  const Case cases[] = {
      {"kubectl get deploy,svc -n bench", {"Deployment", "Service"}, {{}, {}}},
      {"kubectl get deploy,svc web", {"Deployment", "Service"}, {{"web"}, {"web"}}},
      {"kubectl delete pod/a pod/b svc/c", {"Pod", "Service"}, {{"a", "b"}, {"c"}}},
      {"kubectl delete deploy web api -n bench", {"Deployment"}, {{"web", "api"}}},
      {"kubectl get deployments.v1.apps web", {"Deployment"}, {{"web"}}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    std::vector<Operation> ops = Parse(c.line);
    REQUIRE(ops.size() == c.kinds.size());
    for (size_t i = 0; i < ops.size(); ++i) {
      CHECK(ops[i].kind == c.kinds[i]);
      CHECK(ops[i].names == c.names[i]);
    }
  }
}

TEST_CASE("kubectl: flags, in any position and in every spelling") {
  Operation op = ParseOne("kubectl --context prod get pods --kubeconfig /tmp/k -v=6 -A "
                          "--request-timeout=5s -o wide");
  CHECK(op.all_namespaces);
  CHECK(op.flags.at("context") == "prod");
  CHECK(op.flags.at("kubeconfig") == "/tmp/k");
  CHECK(op.flags.at("v") == "6");
  CHECK(op.flags.at("request-timeout") == "5s");
  CHECK(op.flags.at("output") == "wide");

  op = ParseOne("kubectl exec web-1 -n bench -- ls -n /tmp");
  CHECK(op.ns == "bench");
  CHECK(op.command == std::vector<std::string>{"ls", "-n", "/tmp"});

  struct DryRunCase {
    const char* line;
    DryRun dry_run;
  };
  const DryRunCase dry_runs[] = {
      {"kubectl delete pod x --dry-run", DryRun::kClient},
      {"kubectl delete pod x --dry-run=client", DryRun::kClient},
      {"kubectl delete pod x --dry-run=server", DryRun::kServer},
      {"kubectl delete pod x --dry-run=none", DryRun::kNone},
      {"kubectl delete pod x", DryRun::kNone},
  };
  for (const DryRunCase& c : dry_runs) {
    CAPTURE(c.line);
    CHECK(ParseOne(c.line).dry_run == c.dry_run);
  }
}

TEST_CASE("kubectl delete: cascade, grace period, force, ignore-not-found") {
  struct Case {
    const char* line;
    Cascade cascade;
    std::optional<int64_t> grace;
    bool force;
    bool ignore_not_found;
  };
  const Case cases[] = {
      {"kubectl delete deploy web", Cascade::kBackground, std::nullopt, false, false},
      {"kubectl delete deploy web --cascade=orphan", Cascade::kOrphan, std::nullopt, false,
       false},
      {"kubectl delete deploy web --cascade=false", Cascade::kOrphan, std::nullopt, false, false},
      {"kubectl delete deploy web --cascade=true", Cascade::kBackground, std::nullopt, false,
       false},
      {"kubectl delete deploy web --cascade", Cascade::kBackground, std::nullopt, false, false},
      {"kubectl delete deploy web --cascade=foreground", Cascade::kForeground, std::nullopt,
       false, false},
      {"kubectl delete pod x --grace-period=0", Cascade::kBackground, 1, false, false},
      {"kubectl delete pod x --grace-period=0 --force", Cascade::kBackground, 0, true, false},
      {"kubectl delete pod x --force", Cascade::kBackground, 0, true, false},
      {"kubectl delete pod x --grace-period=30", Cascade::kBackground, 30, false, false},
      {"kubectl delete pod x --now", Cascade::kBackground, 1, false, false},
      {"kubectl delete pod x --ignore-not-found", Cascade::kBackground, std::nullopt, false,
       true},
      {"kubectl delete pods -l app=web", Cascade::kBackground, std::nullopt, false, true},
      {"kubectl delete pods --all -n bench --wait=false", Cascade::kBackground, std::nullopt,
       false, true},
      {"kubectl delete pods --field-selector=status.phase=Failed -A", Cascade::kBackground,
       std::nullopt, false, true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    Operation op = ParseOne(c.line);
    CHECK(op.verb == Verb::kDelete);
    CHECK(op.cascade == c.cascade);
    CHECK(op.grace_period == c.grace);
    CHECK(op.force == c.force);
    CHECK(op.ignore_not_found == c.ignore_not_found);
    CHECK(op.problem == "");
  }
  Operation all = ParseOne("kubectl delete pods --all -n bench --wait=false");
  CHECK(all.all);
  CHECK(all.flags.at("wait") == "false");
  CHECK(ParseOne("kubectl delete pods --field-selector=status.phase=Failed -A").field_selector ==
        "status.phase=Failed");
}

TEST_CASE("kubectl: manifests from stdin become one Operation each") {
  Operation apply = ParseOne("kubectl apply -f -", kDeployment);
  CHECK(apply.verb == Verb::kApply);
  CHECK(apply.kind == "Deployment");
  CHECK(apply.names == std::vector<std::string>{"web"});
  REQUIRE(apply.manifests.size() == 1);
  CHECK(GetInt(apply.manifests[0], "spec.replicas") == 2);
  CHECK(apply.problem == "");

  std::string two = std::string(kDeployment) +
                    "---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: "
                    "prod}\nspec: {selector: {app: web}}\n";
  std::vector<Operation> ops = Parse("kubectl delete -f -", two);
  REQUIRE(ops.size() == 2);
  CHECK(ops[0].verb == Verb::kDelete);
  CHECK(ops[1].kind == "Service");
  CHECK(ops[1].ns == "prod");
  CHECK_FALSE(ops[1].ns_explicit);

  Operation with_ns = ParseOne("kubectl apply -n bench -f -", kDeployment);
  CHECK(with_ns.ns == "bench");
  CHECK(with_ns.ns_explicit);

  Operation ssa = ParseOne("kubectl apply --server-side --force-conflicts "
                           "--field-manager=agent --dry-run=server -f -", kDeployment);
  CHECK(ssa.server_side);
  CHECK(ssa.force_conflicts);
  CHECK(ssa.field_manager == "agent");
  CHECK(ssa.dry_run == DryRun::kServer);

  Operation replace = ParseOne("kubectl replace --force -f -", kDeployment);
  CHECK(replace.verb == Verb::kReplace);
  CHECK(replace.force);
  CHECK(ParseOne("kubectl create -f -", kDeployment).verb == Verb::kCreate);
  CHECK(ParseOne("kubectl diff -f -", kDeployment).verb == Verb::kDiff);
}

TEST_CASE("kubectl patch: body, type, subresource") {
  Operation op = ParseOne(R"(kubectl patch configmap shared-config -n bench --type merge -p '{"data":{"nginx.conf":"..."}}')");
  CHECK(op.verb == Verb::kPatch);
  CHECK(op.kind == "ConfigMap");
  CHECK(op.names == std::vector<std::string>{"shared-config"});
  CHECK(op.patch_type == PatchType::kMerge);
  CHECK(op.patch == Json::parse(R"({"data":{"nginx.conf":"..."}})"));

  op = ParseOne(R"(kubectl patch deploy/web -p '{"spec":{"replicas":3}}')");
  CHECK(op.patch_type == PatchType::kStrategic);
  op = ParseOne(R"(kubectl patch deploy web --type=json -p '[{"op":"remove","path":"/spec/x"}]')");
  CHECK(op.patch_type == PatchType::kJson);
  CHECK(op.patch.is_array());
  op = ParseOne("kubectl patch deploy web --patch 'spec:\n  replicas: 3'");
  CHECK(op.patch == Json::parse(R"({"spec":{"replicas":3}})"));
  op = ParseOne(R"(kubectl patch deploy web --subresource=scale -p '{"spec":{"replicas":1}}')");
  CHECK(op.subresource == "scale");
}

TEST_CASE("kubectl: payloads of scale, rollout undo, set, label, taint, exec, port-forward") {
  Operation scale = ParseOne("kubectl scale --replicas=3 --current-replicas=2 deployment web");
  CHECK(scale.replicas == 3);
  CHECK(scale.current_replicas == 2);
  CHECK(ParseOne("kubectl rollout undo deployment/web -n bench --to-revision=2").to_revision == 2);
  CHECK_FALSE(ParseOne("kubectl rollout undo deployment/web").to_revision.has_value());

  using Pairs = std::map<std::string, std::optional<std::string>>;
  struct Case {
    const char* line;
    Verb verb;
    Pairs pairs;
    const char* container;
  };
  const Case cases[] = {
      {"kubectl set image deployment/web nginx=nginx:1.27-alpine -n bench", Verb::kSetImage,
       {{"nginx", "nginx:1.27-alpine"}}, ""},
      {"kubectl set image deploy/web *=nginx:1.27", Verb::kSetImage, {{"*", "nginx:1.27"}}, ""},
      {"kubectl set env deploy/web LOG_LEVEL=debug OLD-", Verb::kSetEnv,
       {{"LOG_LEVEL", "debug"}, {"OLD", std::nullopt}}, ""},
      {"kubectl set env deploy web -e A=1 -c app", Verb::kSetEnv, {{"A", "1"}}, "app"},
      {"kubectl set resources deploy web -c=nginx --limits=cpu=200m,memory=512Mi "
       "--requests=cpu=100m",
       Verb::kSetResources,
       {{"limits.cpu", "200m"}, {"limits.memory", "512Mi"}, {"requests.cpu", "100m"}}, "nginx"},
      {"kubectl label pod web env=prod tier- --overwrite", Verb::kLabel,
       {{"env", "prod"}, {"tier", std::nullopt}}, ""},
      {"kubectl annotate deploy web note='hi there'", Verb::kAnnotate, {{"note", "hi there"}},
       ""},
      {"kubectl label pods --all -n bench env=x", Verb::kLabel, {{"env", "x"}}, ""},
      {"kubectl taint nodes node-1 dedicated=gpu:NoSchedule", Verb::kTaint,
       {{"dedicated:NoSchedule", "gpu"}}, ""},
      {"kubectl taint node node-1 dedicated:NoSchedule- other-", Verb::kTaint,
       {{"dedicated:NoSchedule", std::nullopt}, {"other", std::nullopt}}, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    Operation op = ParseOne(c.line);
    CHECK(VerbName(op.verb) == VerbName(c.verb));
    CHECK(op.pairs == c.pairs);
    CHECK(op.container == c.container);
    CHECK(op.problem == "");
  }
  CHECK(ParseOne("kubectl label pod web env=prod --overwrite").overwrite);
  CHECK(ParseOne("kubectl label pod web --list").verb == Verb::kGet);

  Operation exec = ParseOne("kubectl exec -it web-1 -c nginx -- sh -c 'echo hi'");
  CHECK(exec.container == "nginx");
  CHECK(exec.command == std::vector<std::string>{"sh", "-c", "echo hi"});
  CHECK(ParseOne("kubectl exec deploy/web -- env").kind == "Deployment");
  Operation forward = ParseOne("kubectl port-forward svc/web 8080:80 9090 -n bench");
  CHECK(forward.args == std::vector<std::string>{"8080:80", "9090"});
  Operation can_i = ParseOne("kubectl auth can-i get secrets --as=system:serviceaccount:b:sa");
  CHECK(can_i.args == std::vector<std::string>{"get"});
  CHECK(can_i.kind == "Secret");
  Operation drain = ParseOne("kubectl drain node-1 --ignore-daemonsets --force "
                             "--grace-period=30 --dry-run=client");
  CHECK(drain.force);
  CHECK(drain.grace_period == 30);
  CHECK(drain.dry_run == DryRun::kClient);
  CHECK(drain.flags.at("ignore-daemonsets") == "true");
}

}  // namespace
}  // namespace kreplay
