// The API server's answers to kubectl writes, as the executor gives them:
// each error class, namespace rules, dry run, and the three-way apply.
#include <doctest/doctest.h>

#include "model/manifest.h"
#include "replay/executor.h"
#include "replay/vocabulary.h"
#include "sim/controller.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

constexpr char kBase[] = R"(
apiVersion: v1
kind: Namespace
metadata: {name: bench}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: bench, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{containerPort: 80}]
        readinessProbe: {httpGet: {path: /, port: 80}}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: bench}
spec:
  selector: {app: web}
  ports: [{port: 80}]
)";

// Runs one kubectl command line; returns the first error ("" when none).
std::string Run(Cluster& cluster, const std::string& command) {
  static PodAliases aliases;
  ToolCall call{"test", 1, "run_command", "kubectl", {{"command", command}}, {}, ""};
  Interpretation meaning = Interpret(call);
  ExecContext ctx{"2026-05-12T10:00:00Z", "default", &aliases};
  for (const Operation& op : meaning.operations) {
    REQUIRE_MESSAGE(op.problem.empty(), op.problem);
    absl::StatusOr<ExecResult> r = Execute(cluster, op, ctx);
    if (!r.ok()) return std::string(r.status().message());
    REQUIRE(Reconcile(cluster, TestWorld()).ok());
  }
  return "";
}

const Json& Web(const Cluster& c) { return *c.Get(ObjectKey{"Deployment", "bench", "web"}); }

TEST_CASE("write errors carry the API server's class and wording") {
  Cluster cluster = ClusterFrom(kBase, TestWorld());
  struct Case { const char* command; const char* error; };
  const Case cases[] = {
      {"kubectl create namespace bench", "namespaces \"bench\" already exists"},
      {"kubectl patch deployment nope -n bench --type merge -p '{\"spec\":{}}'",
       "deployments.apps \"nope\" not found"},
      {"kubectl delete configmap nope -n bench", "configmaps \"nope\" not found"},
      {"kubectl delete configmap nope -n bench --ignore-not-found", ""},
      {"kubectl patch deployment web -n bench --type merge -p '{\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"x\"}}}}'",
       "field is immutable"},
      {"kubectl patch service web -n bench --type merge -p '{\"spec\":{\"clusterIP\":\"10.96.9.9\"}}'",
       "spec.clusterIP: Invalid value"},
      {"kubectl get deployment nope -n bench", "deployments.apps \"nope\" not found"},
      {"kubectl create configmap x -n nowhere --from-literal=a=b", "namespaces \"nowhere\" not found"},
      {"kubectl label deployment web -n bench app=other", "--overwrite is false"},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.command));
    std::string error = Run(cluster, c.command);
    if (std::string(c.error).empty()) {
      CHECK(error.empty());
    } else {
      CHECK_MESSAGE(error.find(c.error) != std::string::npos, error);
    }
  }
}

TEST_CASE("a manifest's namespace must match -n") {
  Cluster cluster = ClusterFrom(kBase, TestWorld());
  std::string error = Run(cluster, "kubectl apply -n other -f - <<EOF\n"
                                   "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: bench}\n"
                                   "EOF");
  CHECK(error.find("does not match the namespace \"other\"") != std::string::npos);
  CHECK(cluster.Get(ObjectKey{"ConfigMap", "bench", "c"}) == nullptr);
}

TEST_CASE("dry run changes nothing, client or server") {
  Cluster cluster = ClusterFrom(kBase, TestWorld());
  for (const char* flag : {"--dry-run=client", "--dry-run=server"}) {
    INFO(std::string(flag));
    CHECK(Run(cluster, std::string("kubectl scale deployment web -n bench --replicas=5 ") + flag).empty());
    CHECK(GetInt(Web(cluster), "spec.replicas") == 2);
    CHECK(Run(cluster, std::string("kubectl delete service web -n bench ") + flag).empty());
    CHECK(cluster.Get(ObjectKey{"Service", "bench", "web"}) != nullptr);
  }
}

TEST_CASE("a full-manifest apply that omits ports and probes removes them") {
  Cluster cluster = ClusterFrom(kBase, TestWorld());
  // The first apply records last-applied; the second drops ports and the probe.
  std::string full = "kubectl apply -f - <<'EOF'\n" + std::string(kBase).substr(std::string(kBase).find("apiVersion: apps/v1")) ;
  full = full.substr(0, full.find("---")) + "EOF";
  REQUIRE(Run(cluster, full).empty());
  std::string partial = "kubectl apply -f - <<'EOF'\n"
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: bench}\n"
      "spec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n"
      "    metadata: {labels: {app: web}}\n    spec:\n      containers:\n"
      "      - name: nginx\n        image: nginx:1.27\nEOF";
  REQUIRE(Run(cluster, partial).empty());
  const Json& c = Web(cluster)["spec"]["template"]["spec"]["containers"][0];
  CHECK_FALSE(c.contains("ports"));
  CHECK_FALSE(c.contains("readinessProbe"));
  CHECK(GetInt(Web(cluster), "spec.replicas") == 1);
}

TEST_CASE("client-side apply keeps fields another writer set") {
  Cluster cluster = ClusterFrom(kBase, TestWorld());
  std::string cm = "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: ConfigMap\n"
                   "metadata: {name: c, namespace: bench}\ndata: {a: \"1\", b: \"2\"}\nEOF";
  REQUIRE(Run(cluster, cm).empty());
  REQUIRE(Run(cluster, "kubectl patch configmap c -n bench --type merge -p '{\"data\":{\"z\":\"9\"}}'").empty());
  std::string dropped = "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: ConfigMap\n"
                        "metadata: {name: c, namespace: bench}\ndata: {a: \"1\"}\nEOF";
  REQUIRE(Run(cluster, dropped).empty());
  const Json& data = (*cluster.Get(ObjectKey{"ConfigMap", "bench", "c"}))["data"];
  CHECK(data == Json({{"a", "1"}, {"z", "9"}}));  // b removed, z kept
}

TEST_CASE("rollout undo goes back one revision, and says so when already there") {
  Cluster cluster = ClusterFrom(kBase, TestWorld());
  REQUIRE(Run(cluster, "kubectl set image deployment/web nginx=nginx:99.99-nonexistent -n bench").empty());
  REQUIRE(Run(cluster, "kubectl rollout undo deployment/web -n bench").empty());
  CHECK(GetString(Web(cluster)["spec"]["template"]["spec"]["containers"][0], "image") == "nginx:1.27");
  CHECK(Run(cluster, "kubectl rollout undo deployment/web -n bench --to-revision=9")
            .find("unable to find specified revision 9") != std::string::npos);
}

}  // namespace
}  // namespace kreplay
