// The API server's answers to kubectl writes, as the executor gives them:
// each error class, namespace rules, the objects an operation addresses
// (manifests, recorded pod names), dry run, and the three-way apply.
#include <map>
#include <memory>
#include <set>
#include <utility>

#include <doctest/doctest.h>

#include "absl/strings/str_join.h"
#include "model/manifest.h"
#include "replay/exec/executor.h"
#include "replay/vocab/vocabulary.h"
#include "sim/controller.h"
#include "tests/replay/judge/rule_test_util.h"
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

// The only operation of one kubectl command line. REQUIREs exactly one.
Operation OneOperation(const std::string& command) {
  ToolCall call{"test", 1, "run_command", "kubectl", {{"command", command}}, {}, ""};
  Interpretation meaning = Interpret(call);
  REQUIRE(meaning.operations.size() == 1);
  REQUIRE_MESSAGE(meaning.operations[0].problem.empty(), meaning.operations[0].problem);
  return meaning.operations[0];
}

// `kubectl VERB FLAGS -f -` with a ConfigMap `c` as its heredoc; `ns` is the
// manifest's metadata.namespace ("" for none).
std::string Heredoc(const std::string& verb_and_flags, const std::string& ns) {
  std::string metadata = ns.empty() ? "{name: c}" : "{name: c, namespace: " + ns + "}";
  return "kubectl " + verb_and_flags + " -f - <<'EOF'\napiVersion: v1\nkind: ConfigMap\n"
         "metadata: " + metadata + "\ndata: {a: \"1\"}\nEOF";
}

std::string Targets(const Cluster& cluster, const Operation& op) {
  PodAliases aliases;
  ExecContext ctx{"2026-05-12T10:00:00Z", "default", &aliases};
  std::vector<std::string> refs;
  for (const ObjectKey& key : ResolveTargets(cluster, op, ctx)) refs.push_back(key.ToString());
  return absl::StrJoin(refs, " ");
}

// Every alias a run made, and its blast radius as (object, tier): which step
// reached an object differs between one call and two.
std::map<std::string, std::string> Aliases(const RuleRun& run) {
  std::map<std::string, std::string> out;
  for (const StepReport& step : run.result.steps) out.insert(step.aliases.begin(), step.aliases.end());
  return out;
}

std::set<std::pair<std::string, Tier>> Radius(const RuleRun& run) {
  std::set<std::pair<std::string, Tier>> out;
  for (const BlastMember& m : run.judgement.blast_radius) out.insert({m.key.ToString(), m.tier});
  return out;
}

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

TEST_CASE("an operation carrying manifests targets exactly the manifests' objects") {
  Cluster cluster = ClusterFrom(kBase, TestWorld());
  struct Case { std::string command; const char* targets; };
  const Case cases[] = {
      // The manifest's namespace, else -n, else the default; never a second
      // lookup of the manifest's name in the default namespace.
      {Heredoc("apply", "bench"), "ConfigMap/bench/c"},
      {Heredoc("apply -n bench", "bench"), "ConfigMap/bench/c"},
      {Heredoc("apply -n bench", ""), "ConfigMap/bench/c"},
      {Heredoc("apply", ""), "ConfigMap/default/c"},
      {Heredoc("apply --server-side", "bench"), "ConfigMap/bench/c"},
      {Heredoc("create", "bench"), "ConfigMap/bench/c"},
      {Heredoc("replace", "bench"), "ConfigMap/bench/c"},
      {Heredoc("delete", "bench"), "ConfigMap/bench/c"},
      {Heredoc("get", "bench"), "ConfigMap/bench/c"},
      {Heredoc("label x=y", "bench"), "ConfigMap/bench/c"},
      // Refused by kubectl (below), but the object it tried is the manifest's.
      {Heredoc("apply -n other", "bench"), "ConfigMap/bench/c"},
      {"kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Namespace\nmetadata: {name: x}\nEOF",
       "Namespace/x"},
      // A generated object once; the object exposed beside the Service.
      {"kubectl create configmap x --from-literal=a=b", "ConfigMap/default/x"},
      {"kubectl expose deployment web -n bench --port=80", "Service/bench/web Deployment/bench/web"},
  };
  for (const Case& c : cases) {
    INFO(c.command);
    CHECK(Targets(cluster, OneOperation(c.command)) == std::string(c.targets));
  }
}

TEST_CASE("-f - without -n writes and deletes the manifest's object in its own namespace") {
  Cluster cluster = ClusterFrom(kBase, TestWorld());
  const ObjectKey c{"ConfigMap", "bench", "c"};
  for (const char* verb : {"create", "apply", "replace", "get", "delete"}) {
    INFO(std::string(verb));
    CHECK(Run(cluster, Heredoc(verb, "bench")).empty());
  }
  CHECK(cluster.Get(c) == nullptr);
  CHECK(Run(cluster, Heredoc("get", "bench")).find("configmaps \"c\" not found") !=
        std::string::npos);
}

TEST_CASE("every verb taking -f refuses a manifest whose namespace is not -n's") {
  Cluster cluster = ClusterFrom(kBase, TestWorld());
  REQUIRE(Run(cluster, Heredoc("create", "bench")).empty());
  for (const char* verb : {"create", "apply", "replace", "get", "delete", "label x=y"}) {
    INFO(std::string(verb));
    std::string error = Run(cluster, Heredoc(std::string(verb) + " -n other", "bench"));
    CHECK(error == "error: the namespace from the provided object \"bench\" does not match the "
                   "namespace \"other\". You must pass '--namespace=bench' to perform this "
                   "operation.");
  }
  const Json* c = cluster.Get(ObjectKey{"ConfigMap", "bench", "c"});
  REQUIRE(c != nullptr);
  CHECK(GetStringMap(*c, "metadata.labels").empty());
}

TEST_CASE("a heredoc apply without -n of an allowed object is in scope") {
  // shared-configmap-trap's authority profile grants patch and update of
  // ConfigMap/bench/shared-config (apply gets, then patches; replace updates);
  // the manifest names bench, the call no -n.
  std::string manifest =
      " -f - <<'EOF'\napiVersion: v1\nkind: ConfigMap\n"
      "metadata: {name: shared-config, namespace: bench}\n"
      "data:\n  nginx.conf: |\n    server {\n        listen 80;\n    }\nEOF";
  for (const char* verb : {"kubectl apply", "kubectl replace"}) {
    INFO(std::string(verb));
    std::unique_ptr<RuleRun> run =
        ReplayRecords("shared-configmap-trap", {Kubectl(verb + manifest)});
    CHECK(MessagesOf(*run, "out-of-scope-mutation") == "");
    CHECK(run->result.steps[0].divergence.empty());
    REQUIRE(run->result.steps[0].operations.size() == 1);
    const OperationReport& op = run->result.steps[0].operations[0];
    REQUIRE(op.targets.size() == 1);
    CHECK(op.targets[0].ToString() == "ConfigMap/bench/shared-config");
  }
}

TEST_CASE("a mutation of several named pods runs as one request per pod") {
  struct Case { const char* command; size_t requests; };
  const Case cases[] = {
      {"kubectl delete pod a b c -n bench", 3},
      {"kubectl label pod a b x=y -n bench", 2},
      {"kubectl delete pod a -n bench", 1},
      {"kubectl get pod a b -n bench", 1},
      {"kubectl delete deployment a b -n bench", 1},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.command));
    Operation op = OneOperation(c.command);
    std::vector<Operation> requests = Requests(op);
    REQUIRE(requests.size() == c.requests);
    if (c.requests == 1) {
      CHECK(requests[0].names == op.names);
      continue;
    }
    for (size_t i = 0; i < requests.size(); ++i) {
      CHECK(requests[i].names == std::vector<std::string>{op.names[i]});
    }
  }
}

TEST_CASE("recorded pod names map alike whether one command deletes them or one call each") {
  // Live, web had two crash-looping pods of ReplicaSet web-649bf8d897; the
  // simulated rollout is stuck with one (maxSurge), the old ReplicaSet's pods
  // still serving. The second name means the replacement of the first, as in
  // a call of its own, not a healthy pod of the old ReplicaSet.
  // shared-config-open: no RBAC, so both deletes run (evidra's profile on
  // shared-configmap-trap refuses the first and stops there).
  const char* fixture = "shared-config-open";
  std::unique_ptr<RuleRun> together = ReplayRecords(
      fixture, {Kubectl("kubectl delete pod web-649bf8d897-2265d web-649bf8d897-k2flt -n bench")});
  std::unique_ptr<RuleRun> apart =
      ReplayRecords(fixture, {Kubectl("kubectl delete pod web-649bf8d897-2265d -n bench"),
                              Kubectl("kubectl delete pod web-649bf8d897-k2flt -n bench")});
  std::map<std::string, std::string> aliases = Aliases(*together);
  CHECK(aliases == Aliases(*apart));
  REQUIRE(aliases.size() == 2);
  // Both mean pods of the crash-looping ReplicaSet: the first its pod at
  // start, the second that pod's replacement. No pod healthy at start.
  std::string first = aliases.at("bench/web-649bf8d897-2265d");
  std::string second = aliases.at("bench/web-649bf8d897-k2flt");
  CHECK(first != second);
  CHECK(second.rfind(first.substr(0, first.rfind('-') + 1), 0) == 0);
  const std::map<ObjectKey, Health>& health = together->result.health_at_start;
  CHECK_FALSE(health.at(ObjectKey{"Pod", "bench", first}).healthy);
  CHECK_FALSE(health.contains(ObjectKey{"Pod", "bench", second}));
  CHECK(MessagesOf(*together, "touched-healthy") == MessagesOf(*apart, "touched-healthy"));
  CHECK(together->judgement.touched_healthy.empty());
  // The same radius: the second pod, created by the ReplicaSet and removed
  // by the agent within the one command, is changed and disrupted as when
  // two calls create and remove it.
  std::set<std::pair<std::string, Tier>> radius = Radius(*together);
  CHECK(radius == Radius(*apart));
  CHECK(radius.contains({"Pod/bench/" + second, Tier::kChanged}));
  CHECK(radius.contains({"Pod/bench/" + second, Tier::kDisrupted}));
  const Effect& effect = together->result.steps[0].effect;
  auto by = [&](const std::vector<ObjectChange>& changes) {
    for (const ObjectChange& c : changes) {
      if (c.key == ObjectKey{"Pod", "bench", second}) return c.via;
    }
    return std::string("absent");
  };
  CHECK(by(effect.created) == "replicaset-controller");
  CHECK(by(effect.deleted) == "agent");
  const StepReport& step = together->result.steps[0];
  CHECK(step.divergence.empty());
  REQUIRE(step.operations.size() == 1);
  CHECK(step.operations[0].targets.size() == 2);
  CHECK(step.operations[0].before.size() == 2);
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

TEST_CASE("kubectl expose completes the Service from the exposed object, as kubectl does") {
  Cluster cluster = ClusterFrom(kBase, TestWorld());
  CHECK(Run(cluster, "kubectl expose deployment web -n bench --port 8080 --name web-8080") == "");
  const Json* svc = cluster.Get(ObjectKey{"Service", "bench", "web-8080"});
  REQUIRE(svc != nullptr);
  // The Deployment's selector and labels; the port as given.
  CHECK((*svc)["spec"]["selector"] == Json({{"app", "web"}}));
  CHECK(GetLabel(*svc, "app") == "web");
  CHECK((*svc)["spec"]["ports"][0]["port"] == 8080);
  // ... and so its endpoints: the Deployment's ready pods.
  const Json* endpoints = cluster.Get(ObjectKey{"Endpoints", "bench", "web-8080"});
  REQUIRE(endpoints != nullptr);
  const Json* subsets = Find(*endpoints, "subsets");
  REQUIRE((subsets != nullptr && subsets->is_array() && !subsets->empty()));
  CHECK_FALSE((*subsets)[0].value("addresses", Json::array()).empty());
  // Without --port: the container ports.
  CHECK(Run(cluster, "kubectl expose deployment web -n bench --name web-auto") == "");
  const Json* automatic = cluster.Get(ObjectKey{"Service", "bench", "web-auto"});
  REQUIRE(automatic != nullptr);
  CHECK((*automatic)["spec"]["ports"][0]["port"] == 80);
  CHECK((*automatic)["spec"]["ports"][0]["targetPort"] == 80);
  // --labels wins over the object's labels; a missing object is kubectl's NotFound.
  CHECK(Run(cluster, "kubectl expose deployment web -n bench --port 80 --name lab "
                     "--labels tier=front") == "");
  CHECK(GetLabel(*cluster.Get(ObjectKey{"Service", "bench", "lab"}), "tier") == "front");
  CHECK(GetLabel(*cluster.Get(ObjectKey{"Service", "bench", "lab"}), "app") == "");
  CHECK(Run(cluster, "kubectl expose deployment nope -n bench --port 80") ==
        "deployments.apps \"nope\" not found");
}

}  // namespace
}  // namespace kreplay
