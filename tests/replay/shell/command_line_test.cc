#include "replay/shell/command_line.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace kreplay {
namespace {

std::string VerbName(Verb verb) { return InfoOf(verb).name; }

constexpr char kDeploymentYaml[] = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
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

std::string Heredoc(const std::string& head) {
  return head + "\n" + kDeploymentYaml + "EOF";
}

// One expected Operation: verb, kind, names, and a piece of its problem
// ("" = no problem).
struct Op {
  Verb verb;
  const char* kind;
  std::vector<std::string> names;
  const char* problem_part;
};

void CheckOps(const std::string& line, const std::vector<Op>& expected) {
  CAPTURE(line);
  CommandLineOps result = InterpretCommandLine(line);
  REQUIRE(result.operations.size() == expected.size());
  CHECK(result.problems.empty());
  for (size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    const Operation& op = result.operations[i];
    CHECK(VerbName(op.verb) == VerbName(expected[i].verb));
    CHECK(op.kind == expected[i].kind);
    CHECK(op.names == expected[i].names);
    CHECK(!op.source.empty());
    if (std::string(expected[i].problem_part).empty()) {
      CHECK_MESSAGE(op.problem.empty(), op.problem);
    } else {
      CHECK_MESSAGE(op.problem.find(expected[i].problem_part) != std::string::npos, op.problem);
    }
  }
}

TEST_CASE("command line: agents' kubectl commands, one Operation per command") {
  struct Case {
    std::string line;
    std::vector<Op> ops;
  };
  const Case cases[] = {
      {"kubectl rollout restart deployment/web -n bench",
       {{Verb::kRolloutRestart, "Deployment", {"web"}, ""}}},
      {"kubectl get pods -n bench -o json | jq '.items[].metadata.name'",
       {{Verb::kGet, "Pod", {}, ""}, {Verb::kLocal, "", {}, ""}}},
      {"kubectl rollout restart deploy/web -n bench && kubectl rollout status deploy/web -n bench",
       {{Verb::kRolloutRestart, "Deployment", {"web"}, ""},
        {Verb::kRolloutStatus, "Deployment", {"web"}, ""}}},
      {"kubectl get ns bench || kubectl create namespace bench",
       {{Verb::kGet, "Namespace", {"bench"}, ""},
        {Verb::kCreate, "Namespace", {"bench"}, "runs only if the command before `||` failed"}}},
      // A no-op tail after `||` changes nothing, whether or not cmd failed.
      {"kubectl delete pod web-1 -n bench || true",
       {{Verb::kDelete, "Pod", {"web-1"}, ""}, {Verb::kLocal, "", {}, ""}}},
      {"kubectl get ns bench 2>&1 || echo \"no namespace\"",
       {{Verb::kGet, "Namespace", {"bench"}, ""}, {Verb::kLocal, "", {}, ""}}},
      {"kubectl rollout restart deploy/web -n bench || :",
       {{Verb::kRolloutRestart, "Deployment", {"web"}, ""}, {Verb::kLocal, "", {}, ""}}},
      {"kubectl get pods; kubectl get svc",
       {{Verb::kGet, "Pod", {}, ""}, {Verb::kGet, "Service", {}, ""}}},
      {"kubectl delete pod $(kubectl get pod -o name)",
       {{Verb::kGet, "Pod", {}, ""},
        {Verb::kDelete, "Pod", {"$(kubectl get pod -o name)"}, "$(kubectl get pod -o name)"}}},
      {"kubectl get pods -n $NS", {{Verb::kGet, "Pod", {}, "$NS"}}},
      {"timeout 60 kubectl rollout status deploy/web -n bench",
       {{Verb::kRolloutStatus, "Deployment", {"web"}, ""}}},
      {"watch -n 5 kubectl get pods -n bench", {{Verb::kGet, "Pod", {}, ""}}},
      {"sh -c 'kubectl delete pod web-1 -n bench'", {{Verb::kDelete, "Pod", {"web-1"}, ""}}},
      {"kubectl get pods -o name | xargs -n1 kubectl delete -n bench",
       {{Verb::kGet, "Pod", {}, ""}, {Verb::kDelete, "", {}, "xargs"}}},
      {"kubectl get pods -o name | xargs -I{} kubectl delete pod {} -n bench",
       {{Verb::kGet, "Pod", {}, ""}, {Verb::kDelete, "Pod", {"<xargs input>"}, "xargs"}}},
      // An option missing its value as the last word reads no further.
      {"kubectl get pods -o name | xargs -n", {{Verb::kGet, "Pod", {}, ""}, {Verb::kLocal, "", {}, ""}}},
      {"kubectl get pods | grep web | wc -l",
       {{Verb::kGet, "Pod", {}, ""}, {Verb::kLocal, "", {}, ""}, {Verb::kLocal, "", {}, ""}}},
      {"kubectl delete pods", {{Verb::kDelete, "", {}, "usage error"}}},
      {"kubectl frobnicate", {{Verb::kUnknown, "", {}, "unknown command \"frobnicate\""}}},
  };
  for (const Case& c : cases) CheckOps(c.line, c.ops);
}

TEST_CASE("command line: heredocs and pipes feed kubectl's -f -") {
  CommandLineOps direct = InterpretCommandLine(Heredoc("kubectl apply -f - <<EOF"));
  REQUIRE(direct.operations.size() == 1);
  const Operation& apply = direct.operations[0];
  CHECK(apply.verb == Verb::kApply);
  CHECK(apply.kind == "Deployment");
  CHECK(apply.problem == "");
  REQUIRE(apply.manifests.size() == 1);
  CHECK(GetInt(apply.manifests[0], "spec.replicas") == 3);
  CHECK(apply.source == "kubectl apply -f - <<EOF");

  CommandLineOps piped = InterpretCommandLine(Heredoc("cat <<EOF | kubectl apply -n bench -f -"));
  REQUIRE(piped.operations.size() == 2);
  CHECK(piped.operations[0].verb == Verb::kLocal);
  const Operation& applied = piped.operations[1];
  CHECK(applied.verb == Verb::kApply);
  CHECK(applied.ns == "bench");
  CHECK(applied.names == std::vector<std::string>{"web"});
  REQUIRE(applied.manifests.size() == 1);
  CHECK(applied.problem == "");

  CheckOps(R"(echo '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg"}}' | kubectl apply -f -)",
           {{Verb::kLocal, "", {}, ""}, {Verb::kApply, "ConfigMap", {"cfg"}, ""}});
  CheckOps("kubectl get deploy web -o yaml | sed 's/replicas: 1/replicas: 3/' | kubectl apply -f -",
           {{Verb::kGet, "Deployment", {"web"}, ""},
            {Verb::kLocal, "", {}, ""},
            {Verb::kApply, "", {}, "output of `sed 's/replicas: 1/replicas: 3/'` is not recorded"}});
  CheckOps("cat deploy.yaml | kubectl apply -f -",
           {{Verb::kLocal, "", {}, ""}, {Verb::kApply, "", {}, "is not recorded"}});
}

TEST_CASE("command line: helm") {
  CheckOps("helm upgrade --install web bitnami/nginx -n bench --set image.tag=1.27,replicaCount=2",
           {{Verb::kHelmUpgrade, "", {"web"}, ""}});
  CommandLineOps upgrade = InterpretCommandLine(
      "helm upgrade --install web bitnami/nginx -n bench --version 15.1.0 "
      "--set image.tag=1.27,replicaCount=2 -f values.yaml");
  REQUIRE(upgrade.operations.size() == 1);
  const Operation& op = upgrade.operations[0];
  CHECK(op.ns == "bench");
  CHECK(op.resource == "release");
  CHECK(op.flags.at("install") == "true");
  REQUIRE(op.manifests.size() == 1);
  CHECK(op.manifests[0] == Json::parse(R"({"release":"web","chart":"bitnami/nginx",
      "version":"15.1.0","set":{"image.tag":"1.27","replicaCount":"2"}})"));
  CHECK(op.problem.find("values file values.yaml") != std::string::npos);

  CheckOps("helm install web ./chart -n bench --create-namespace --wait",
           {{Verb::kHelmInstall, "", {"web"}, ""}});
  CheckOps("helm install bitnami/nginx --generate-name",
           {{Verb::kHelmInstall, "", {}, "--generate-name"}});
  CheckOps("helm uninstall web api -n bench", {{Verb::kHelmUninstall, "", {"web", "api"}, ""}});
  CheckOps("helm list -n bench", {{Verb::kGet, "", {}, ""}});
  CheckOps("helm status web -n bench", {{Verb::kGet, "", {"web"}, ""}});
  CheckOps("helm get values web -n bench -o yaml", {{Verb::kGet, "", {"web"}, ""}});
  CheckOps("helm repo add bitnami https://charts.bitnami.com/bitnami && helm repo update",
           {{Verb::kLocal, "", {}, ""}, {Verb::kLocal, "", {}, ""}});
  CheckOps("helm template web ./chart | kubectl apply -f -",
           {{Verb::kLocal, "", {}, ""}, {Verb::kApply, "", {}, "output of `helm template"}});
  CheckOps("helm test web", {{Verb::kUnknown, "", {"web"}, "helm test"}});
  CheckOps("helm install web", {{Verb::kUnknown, "", {}, "expected RELEASE and CHART"}});

  CommandLineOps rollback = InterpretCommandLine("helm rollback web 2 -n bench --dry-run");
  REQUIRE(rollback.operations.size() == 1);
  CHECK(rollback.operations[0].verb == Verb::kHelmRollback);
  CHECK(rollback.operations[0].to_revision == 2);
  CHECK(rollback.operations[0].dry_run == DryRun::kClient);

  CommandLineOps values = InterpretCommandLine(
      "helm install web ./chart -f - <<EOF\nreplicaCount: 3\nEOF");
  REQUIRE(values.operations.size() == 1);
  CHECK(values.operations[0].problem == "");
  CHECK(values.operations[0].manifests[0]["values"] == Json::parse(R"([{"replicaCount":3}])"));
}

TEST_CASE("command line: local programs and unknown commands") {
  struct Case {
    const char* line;
    Verb verb;
    const char* problem_part;
  };
  const Case cases[] = {
      {"jq '.items | length' pods.json", Verb::kLocal, ""},
      {"sleep 10", Verb::kLocal, ""},
      {"sed 's/a/b/' f.yaml", Verb::kLocal, ""},
      {"sed -i 's/a/b/' f.yaml", Verb::kUnknown, "sed -i edits files in place"},
      {"sed -i.bak -e 's/a/b/' f.yaml", Verb::kUnknown, "sed -i"},
      {"find . -name '*.yaml'", Verb::kLocal, ""},
      {"find . -name '*.log' -delete", Verb::kUnknown, "find -delete"},
      {"command -v kubectl", Verb::kLocal, ""},
      {"echo $NS", Verb::kLocal, "$NS"},
      {"NS=bench", Verb::kLocal, ""},
      {"curl -s http://web.bench.svc:80/healthz", Verb::kUnknown, "unknown command: curl"},
      {"rm -rf /tmp/x", Verb::kUnknown, "unknown command: rm"},
      {"python3 fix.py", Verb::kUnknown, "unknown command: python3"},
      {"docker ps", Verb::kUnknown, "unknown command: docker"},
      {"terraform apply -auto-approve", Verb::kUnknown, "unknown command: terraform"},
      {"/usr/bin/tee out.txt", Verb::kUnknown, "unknown command: tee"},
      {"kubectl get pods 'unterminated", Verb::kUnknown, "unterminated"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    CommandLineOps result = InterpretCommandLine(c.line);
    REQUIRE(result.operations.size() == 1);
    const Operation& op = result.operations[0];
    CHECK(VerbName(op.verb) == VerbName(c.verb));
    CHECK(op.source == c.line);
    if (std::string(c.problem_part).empty()) {
      CHECK_MESSAGE(op.problem.empty(), op.problem);
    } else {
      CHECK_MESSAGE(op.problem.find(c.problem_part) != std::string::npos, op.problem);
    }
  }
  CHECK(InterpretCommandLine("").operations.empty());
  CHECK(InterpretCommandLine("   # just a comment").operations.empty());
}

}  // namespace
}  // namespace kreplay
