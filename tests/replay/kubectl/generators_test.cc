// The objects of `kubectl create <generator>`, `run`, `expose` and
// `autoscale`. Expected manifests are kubectl v1.32's own output
// (`kubectl create ... --dry-run=client -o json`); the last test re-runs that
// oracle when kubectl is installed.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "replay/kubectl/parser.h"
#include "tests/replay/kubectl/test_words.h"

namespace kreplay {
namespace {

Operation ParseOne(absl::string_view line) {
  absl::StatusOr<std::vector<Operation>> ops = ParseKubectl(TestWords(line), "");
  REQUIRE_MESSAGE(ops.ok(), ops.status().ToString());
  REQUIRE(ops->size() == 1);
  return (*ops)[0];
}

struct GeneratorCase {
  const char* line;
  const char* manifest;
};

// Each manifest was printed by kubectl v1.32 for the same command line.
const GeneratorCase kCases[] = {
    {"kubectl create deployment web --image=nginx:1.27 --replicas=2 --port=80 -n bench",
     R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"creationTimestamp":null,
         "labels":{"app":"web"},"name":"web","namespace":"bench"},"spec":{"replicas":2,
         "selector":{"matchLabels":{"app":"web"}},"strategy":{},"template":{"metadata":{
         "creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{
         "image":"nginx:1.27","name":"nginx","ports":[{"containerPort":80}],
         "resources":{}}]}}},"status":{}})"},
    {"kubectl create deployment d --image=busybox -- sleep 3600",
     R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"creationTimestamp":null,
         "labels":{"app":"d"},"name":"d"},"spec":{"replicas":1,"selector":{"matchLabels":
         {"app":"d"}},"strategy":{},"template":{"metadata":{"creationTimestamp":null,
         "labels":{"app":"d"}},"spec":{"containers":[{"command":["sleep","3600"],
         "image":"busybox","name":"busybox","resources":{}}]}}},"status":{}})"},
    {"kubectl create configmap cfg --from-literal=a=1 --from-literal=b=x=y -n bench",
     R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"creationTimestamp":null,
         "name":"cfg","namespace":"bench"},"data":{"a":"1","b":"x=y"}})"},
    {"kubectl create configmap e",
     R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"creationTimestamp":null,
         "name":"e"}})"},
    {"kubectl create secret generic s --from-literal=password=hunter2 --type=Opaque",
     R"({"apiVersion":"v1","kind":"Secret","metadata":{"creationTimestamp":null,"name":"s"},
         "data":{"password":"aHVudGVyMg=="},"type":"Opaque"})"},
    {"kubectl create secret docker-registry reg --docker-server=ghcr.io --docker-username=bob "
     "--docker-password=pw --docker-email=b@x.io -n bench",
     R"({"apiVersion":"v1","kind":"Secret","metadata":{"creationTimestamp":null,"name":"reg",
         "namespace":"bench"},"data":{".dockerconfigjson":"eyJhdXRocyI6eyJnaGNyLmlvIjp7InVzZXJuYW1lIjoiYm9iIiwicGFzc3dvcmQiOiJwdyIsImVtYWlsIjoiYkB4LmlvIiwiYXV0aCI6IlltOWlPbkIzIn19fQ=="},
         "type":"kubernetes.io/dockerconfigjson"})"},
    {"kubectl create secret docker-registry reg2 --docker-username=bob --docker-password=pw",
     R"({"apiVersion":"v1","kind":"Secret","metadata":{"creationTimestamp":null,"name":"reg2"},
         "data":{".dockerconfigjson":"eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJib2IiLCJwYXNzd29yZCI6InB3IiwiYXV0aCI6IlltOWlPbkIzIn19fQ=="},
         "type":"kubernetes.io/dockerconfigjson"})"},
    {"kubectl create service clusterip web --tcp=80:8080 --tcp=443 -n bench",
     R"({"apiVersion":"v1","kind":"Service","metadata":{"creationTimestamp":null,
         "labels":{"app":"web"},"name":"web","namespace":"bench"},"spec":{"ports":[
         {"name":"80-8080","port":80,"protocol":"TCP","targetPort":8080},
         {"name":"443","port":443,"protocol":"TCP","targetPort":443}],
         "selector":{"app":"web"},"type":"ClusterIP"},"status":{"loadBalancer":{}}})"},
    {"kubectl create service clusterip web --tcp=80:80 -n bench",
     R"({"apiVersion":"v1","kind":"Service","metadata":{"creationTimestamp":null,
         "labels":{"app":"web"},"name":"web","namespace":"bench"},"spec":{"ports":[
         {"name":"80-80","port":80,"protocol":"TCP","targetPort":80}],
         "selector":{"app":"web"},"type":"ClusterIP"},"status":{"loadBalancer":{}}})"},
    {"kubectl create service nodeport web --tcp=80:8080 --node-port=30080",
     R"({"apiVersion":"v1","kind":"Service","metadata":{"creationTimestamp":null,
         "labels":{"app":"web"},"name":"web"},"spec":{"ports":[{"name":"80-8080",
         "nodePort":30080,"port":80,"protocol":"TCP","targetPort":8080}],
         "selector":{"app":"web"},"type":"NodePort"},"status":{"loadBalancer":{}}})"},
    {"kubectl create service loadbalancer lb --tcp=80:http",
     R"({"apiVersion":"v1","kind":"Service","metadata":{"creationTimestamp":null,
         "labels":{"app":"lb"},"name":"lb"},"spec":{"ports":[{"name":"80-http","port":80,
         "protocol":"TCP","targetPort":"http"}],"selector":{"app":"lb"},
         "type":"LoadBalancer"},"status":{"loadBalancer":{}}})"},
    {"kubectl create service externalname ext --external-name=db.example.com",
     R"({"apiVersion":"v1","kind":"Service","metadata":{"creationTimestamp":null,
         "labels":{"app":"ext"},"name":"ext"},"spec":{"externalName":"db.example.com",
         "selector":{"app":"ext"},"type":"ExternalName"},"status":{"loadBalancer":{}}})"},
    {"kubectl create service clusterip hl --clusterip=None",
     R"({"apiVersion":"v1","kind":"Service","metadata":{"creationTimestamp":null,
         "labels":{"app":"hl"},"name":"hl"},"spec":{"clusterIP":"None",
         "selector":{"app":"hl"},"type":"ClusterIP"},"status":{"loadBalancer":{}}})"},
    {"kubectl create namespace foo",
     R"({"apiVersion":"v1","kind":"Namespace","metadata":{"creationTimestamp":null,
         "name":"foo"},"spec":{},"status":{}})"},
    {"kubectl create serviceaccount sa1 -n bench",
     R"({"apiVersion":"v1","kind":"ServiceAccount","metadata":{"creationTimestamp":null,
         "name":"sa1","namespace":"bench"}})"},
    {"kubectl create job j --image=busybox:1.36 -- echo hi",
     R"({"apiVersion":"batch/v1","kind":"Job","metadata":{"creationTimestamp":null,"name":"j"},
         "spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{
         "command":["echo","hi"],"image":"busybox:1.36","name":"j","resources":{}}],
         "restartPolicy":"Never"}}},"status":{}})"},
    {"kubectl create cronjob cj --image=busybox --schedule='*/5 * * * *' -- date",
     R"({"apiVersion":"batch/v1","kind":"CronJob","metadata":{"creationTimestamp":null,
         "name":"cj"},"spec":{"jobTemplate":{"metadata":{"creationTimestamp":null,"name":"cj"},
         "spec":{"template":{"metadata":{"creationTimestamp":null},"spec":{"containers":[{
         "command":["date"],"image":"busybox","name":"cj","resources":{}}],
         "restartPolicy":"OnFailure"}}}},"schedule":"*/5 * * * *"},"status":{}})"},
    {"kubectl create clusterrolebinding crb --clusterrole=view --user=alice --group=devs "
     "--serviceaccount=bench:sa1",
     R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{
         "creationTimestamp":null,"name":"crb"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io",
         "kind":"ClusterRole","name":"view"},"subjects":[{"apiGroup":"rbac.authorization.k8s.io",
         "kind":"User","name":"alice"},{"apiGroup":"rbac.authorization.k8s.io","kind":"Group",
         "name":"devs"},{"kind":"ServiceAccount","name":"sa1","namespace":"bench"}]})"},
    {"kubectl create rolebinding rb --role=pod-reader --serviceaccount=bench:sa1 -n bench",
     R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{
         "creationTimestamp":null,"name":"rb","namespace":"bench"},"roleRef":{
         "apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"pod-reader"},
         "subjects":[{"kind":"ServiceAccount","name":"sa1","namespace":"bench"}]})"},
    {"kubectl create rolebinding rb --clusterrole=view --user=bob",
     R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{
         "creationTimestamp":null,"name":"rb"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io",
         "kind":"ClusterRole","name":"view"},"subjects":[{"apiGroup":"rbac.authorization.k8s.io",
         "kind":"User","name":"bob"}]})"},
};

TEST_CASE("kubectl create <generator>: the object kubectl builds") {
  for (const GeneratorCase& c : kCases) {
    CAPTURE(c.line);
    Operation op = ParseOne(c.line);
    CHECK(op.verb == Verb::kCreate);
    CHECK(op.problem == "");
    REQUIRE(op.manifests.size() == 1);
    Json expected = Json::parse(c.manifest);
    CHECK_MESSAGE(op.manifests[0] == expected, op.manifests[0].dump());
    CHECK(op.kind == expected["kind"].get<std::string>());
    CHECK(op.names == std::vector<std::string>{expected["metadata"]["name"].get<std::string>()});
  }
}

TEST_CASE("kubectl create role: one rule per API group, resources resolved") {
  Operation op = ParseOne("kubectl create role pod-reader --verb=get,list --verb=watch "
                          "--resource=pods,deploy,pods/log --resource-name=a -n bench");
  Json expected = Json::parse(R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role",
      "metadata":{"creationTimestamp":null,"name":"pod-reader","namespace":"bench"},
      "rules":[{"apiGroups":[""],"resources":["pods","pods/log"],"resourceNames":["a"],
                "verbs":["get","list","watch"]},
               {"apiGroups":["apps"],"resources":["deployments"],"resourceNames":["a"],
                "verbs":["get","list","watch"]}]})");
  REQUIRE(op.manifests.size() == 1);
  CHECK_MESSAGE(op.manifests[0] == expected, op.manifests[0].dump());
  Operation all = ParseOne("kubectl create clusterrole admin2 --verb=* --verb=get --resource=* "
                           "--non-resource-url=/healthz");
  CHECK(all.manifests[0]["rules"] == Json::parse(R"([{"apiGroups":[""],"resources":["*"],
      "verbs":["*"]},{"nonResourceURLs":["/healthz"],"verbs":["*"]}])"));
}

TEST_CASE("kubectl create deployment: sanitized container names are deterministic") {
  Operation a = ParseOne("kubectl create deployment d2 --image=a.b/c_d.e:1 --image=nginx");
  Operation b = ParseOne("kubectl create deployment d2 --image=a.b/c_d.e:1 --image=nginx");
  const Json& containers = a.manifests[0]["spec"]["template"]["spec"]["containers"];
  std::string name = containers[0]["name"].get<std::string>();
  CHECK(name.rfind("c-d-e-", 0) == 0);
  CHECK(name.size() == 11);
  CHECK(containers[1]["name"] == "nginx");
  CHECK(a.manifests == b.manifests);
}

TEST_CASE("kubectl run, expose, autoscale: the objects they create") {
  Operation run = ParseOne("kubectl run tmp --image=busybox:1.36 --restart=Never --rm -it "
                           "--env=A=1 --port=8080 --labels=x=y,z=w -n bench -- sh -c 'echo hi'");
  CHECK(run.verb == Verb::kRun);
  CHECK(run.kind == "Pod");
  CHECK(run.ns == "bench");
  CHECK_MESSAGE(run.manifests[0] == Json::parse(R"({"apiVersion":"v1","kind":"Pod",
      "metadata":{"creationTimestamp":null,"labels":{"x":"y","z":"w"},"name":"tmp"},
      "spec":{"containers":[{"args":["sh","-c","echo hi"],"env":[{"name":"A","value":"1"}],
        "image":"busybox:1.36","name":"tmp","ports":[{"containerPort":8080}],"resources":{},
        "stdin":true,"stdinOnce":true,"tty":true}],"dnsPolicy":"ClusterFirst",
        "restartPolicy":"Never"},"status":{}})"), run.manifests[0].dump());
  Operation command = ParseOne("kubectl run sleeper --image=busybox --command -- sleep 10");
  CHECK(command.manifests[0]["spec"]["containers"][0]["command"] ==
        Json::parse(R"(["sleep","10"])"));
  CHECK(command.manifests[0]["metadata"]["labels"] == Json::parse(R"({"run":"sleeper"})"));

  Operation expose = ParseOne("kubectl expose deployment web --port=80 --target-port=8080 "
                              "--name=web-svc --type=NodePort -n bench");
  CHECK(expose.verb == Verb::kExpose);
  CHECK(expose.kind == "Deployment");
  CHECK(expose.selector == "");
  CHECK_MESSAGE(expose.manifests[0] == Json::parse(R"({"apiVersion":"v1","kind":"Service",
      "metadata":{"creationTimestamp":null,"name":"web-svc","namespace":"bench"},
      "spec":{"ports":[{"port":80,"targetPort":8080}],"type":"NodePort"},
      "status":{"loadBalancer":{}}})"), expose.manifests[0].dump());

  Operation hpa = ParseOne("kubectl autoscale deployment web --min=2 --max=5 --cpu-percent=80 "
                           "-n bench");
  CHECK(hpa.verb == Verb::kAutoscale);
  CHECK_MESSAGE(hpa.manifests[0] == Json::parse(R"({"apiVersion":"autoscaling/v2",
      "kind":"HorizontalPodAutoscaler","metadata":{"creationTimestamp":null,"name":"web",
      "namespace":"bench"},"spec":{"maxReplicas":5,"minReplicas":2,"metrics":[{"resource":{
      "name":"cpu","target":{"averageUtilization":80,"type":"Utilization"}},"type":"Resource"}],
      "scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"}}})"),
                hpa.manifests[0].dump());
}

TEST_CASE("kubectl create: problems and usage errors of generators") {
  struct ProblemCase {
    const char* line;
    const char* problem_part;
  };
  const ProblemCase problems[] = {
      {"kubectl create configmap nginx --from-file=nginx.conf", "nginx.conf: content of a local"},
      {"kubectl create secret generic s --from-env-file=.env", ".env: content of a local"},
      {"kubectl create secret tls t --cert=t.crt --key=t.key", "t.crt"},
      {"kubectl create job once --from=cronjob/nightly", "read from the cluster"},
      {"kubectl create ingress web --rule=x/=web:80", "generator not modelled"},
      {"kubectl run web --image=nginx --expose --port=80", "run --expose"},
  };
  for (const ProblemCase& c : problems) {
    CAPTURE(c.line);
    Operation op = ParseOne(c.line);
    CHECK_MESSAGE(op.problem.find(c.problem_part) != std::string::npos, op.problem);
  }
  const char* errors[] = {
      "kubectl create deployment web",
      "kubectl create deployment web api --image=nginx",
      "kubectl create deployment web --image=a --image=b -- sleep 1",
      "kubectl create configmap c --from-literal=novalue",
      "kubectl create secret generic s --from-literal=a=1 --from-literal=a=2",
      "kubectl create service clusterip web",
      "kubectl create service clusterip web --tcp=http",
      "kubectl create role r --resource=pods",
      "kubectl create rolebinding rb --user=bob",
      "kubectl create clusterrolebinding crb --role=x",
      "kubectl create rolebinding rb --clusterrole=view --serviceaccount=sa1",
      "kubectl create cronjob cj --image=busybox",
      "kubectl create job j",
      "kubectl run web",
      "kubectl autoscale deployment web --min=2",
      "kubectl create secret",
  };
  for (const char* line : errors) {
    CAPTURE(line);
    absl::StatusOr<std::vector<Operation>> ops = ParseKubectl(TestWords(line), "");
    CHECK_FALSE(ops.ok());
  }
}

// Re-runs kubectl itself (offline: --dry-run=client prints the object it
// would send) and compares. Skipped when kubectl is not installed.
TEST_CASE("kubectl create <generator>: agrees with kubectl --dry-run=client") {
  if (std::system("kubectl version --client >/dev/null 2>&1") != 0) {
    MESSAGE("kubectl not installed: oracle comparison skipped");
    return;
  }
  for (const GeneratorCase& c : kCases) {
    CAPTURE(c.line);
    std::string line = c.line;
    size_t dash = line.find(" -- ");
    std::string flags = " --dry-run=client -o json";
    line.insert(dash == std::string::npos ? line.size() : dash, flags);
    FILE* pipe = popen(absl::StrCat("KUBECONFIG=/dev/null ", line, " 2>/dev/null").c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    char buffer[4096];
    while (size_t n = fread(buffer, 1, sizeof(buffer), pipe)) out.append(buffer, n);
    pclose(pipe);
    Json oracle = Json::parse(out, nullptr, false);
    REQUIRE_MESSAGE(!oracle.is_discarded(), out);
    CHECK_MESSAGE(ParseOne(c.line).manifests[0] == oracle, oracle.dump());
  }
}

}  // namespace
}  // namespace kreplay
