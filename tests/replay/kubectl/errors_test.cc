// kubectl command lines that cannot be interpreted fully (kept, with a
// problem) and those kubectl refuses as usage errors (a Status).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "replay/kubectl/grammar.h"
#include "replay/kubectl/parser.h"
#include "tests/replay/kubectl/test_words.h"

namespace kreplay {
namespace {

Operation ParseOne(absl::string_view line, const std::string& stdin_text = "") {
  absl::StatusOr<std::vector<Operation>> ops = ParseKubectl(TestWords(line), stdin_text);
  REQUIRE_MESSAGE(ops.ok(), ops.status().ToString());
  REQUIRE(ops->size() == 1);
  return (*ops)[0];
}

std::string VerbName(Verb verb) { return InfoOf(verb).name; }

constexpr char kDeployment[] = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
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

TEST_CASE("kubectl: what cannot be interpreted is kept with a problem") {
  struct Case {
    const char* line;
    const char* stdin_text;
    Verb verb;
    const char* problem_part;
  };
  const Case cases[] = {
      {"kubectl apply -f deploy.yaml -n bench", "", Verb::kApply, "deploy.yaml: content of a "
                                                                  "local file is not recorded"},
      {"kubectl apply -f https://example.com/x.yaml", "", Verb::kApply, "content of a URL"},
      {"kubectl apply -k ./overlays/prod", "", Verb::kApply, "kustomization is not rendered"},
      {"kubectl create -f -", "", Verb::kCreate, "stdin is empty"},
      {"kubectl apply -f -", "kind: [", Verb::kApply, "-f -: stdin"},
      {"kubectl apply --prune -l app=web -f -", kDeployment, Verb::kApply, "--prune"},
      {"kubectl patch deploy web --patch-file p.json", "", Verb::kPatch, "p.json"},
      {"kubectl patch deploy web -p '{bad'", "", Verb::kPatch, "--patch"},
      {"kubectl delete pod x --frobnicate", "", Verb::kDelete, "unknown flag --frobnicate"},
      {"kubectl delete widgets foo", "", Verb::kDelete, "unknown resource type \"widgets\""},
      {"kubectl delete all --all -n bench", "", Verb::kDelete, "category \"all\""},
      {"kubectl edit deploy web", "", Verb::kUnknown, "interactive edit"},
      {"kubectl config set-context --current --namespace=bench", "", Verb::kUnknown,
       "kubeconfig"},
      {"kubectl set env deploy/web --from=configmap/cfg", "", Verb::kSetEnv, "--from"},
      {"kubectl debug web-1 -it --image=busybox", "", Verb::kUnknown, "debug"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    Operation op = ParseOne(c.line, c.stdin_text);
    CHECK(VerbName(op.verb) == VerbName(c.verb));
    CHECK_MESSAGE(op.problem.find(c.problem_part) != std::string::npos, op.problem);
  }
  // Reads ignore what they do not know.
  CHECK(ParseOne("kubectl get pods --frobnicate").problem == "");
  Operation widgets = ParseOne("kubectl get widgets");
  CHECK(widgets.kind == "");
  CHECK(widgets.problem == "");
  // Unrecorded stdin names where it came from.
  absl::StatusOr<std::vector<Operation>> piped =
      ParseKubectl(TestWords("kubectl apply -f -"), StdinSource{std::nullopt, "a pipe from sed"});
  REQUIRE(piped.ok());
  CHECK((*piped)[0].problem == "-f -: content of a pipe from sed is not recorded");
}

TEST_CASE("kubectl: usage errors name the word and what was expected") {
  struct Case {
    const char* line;
    const char* message_part;
  };
  const Case cases[] = {
      {"kubectl", "expected a command"},
      {"kubectl -n bench", "expected a command"},
      {"kubectl frobnicate pods", "unknown command \"frobnicate\""},
      {"kubectl rollout", "expected a subcommand (history, pause, restart, resume, status, undo)"},
      {"kubectl rollout frob deploy/web", "unknown command \"frob\" for \"kubectl rollout\""},
      {"kubectl scale deploy/api -n bench", "--replicas=COUNT flag is required"},
      {"kubectl scale deploy/api --replicas=-1", "--replicas=COUNT flag is required"},
      {"kubectl get pods -n", "flag needs an argument: 'n' in -n"},
      {"kubectl get pods --namespace", "flag needs an argument: --namespace"},
      {"kubectl get", "expected a resource"},
      {"kubectl delete pods", "no name was specified"},
      {"kubectl delete pods web -l app=web", "name cannot be provided when a selector"},
      {"kubectl get pods pod/x", "no need to specify a resource type"},
      {"kubectl delete pod x --dry-run=maybe", "--dry-run value \"maybe\""},
      {"kubectl delete pod x --cascade=sideways", "--cascade value \"sideways\""},
      {"kubectl delete pod x --grace-period=soon", "\"--grace-period\": expected an integer"},
      {"kubectl delete pod x --now --grace-period=5", "--now and --grace-period"},
      {"kubectl delete pod x --force=maybe", "\"--force\" flag: expected true or false"},
      {"kubectl patch deploy web", "must specify --patch or --patch-file"},
      {"kubectl patch deploy web --type=xml -p '{}'", "--type must be one of"},
      {"kubectl replace --grace-period=5 -f -", "--grace-period must have --force"},
      {"kubectl apply", "must specify one of -f and -k"},
      {"kubectl apply deploy web", "unexpected argument \"deploy\""},
      {"kubectl exec web-1", "at least one command"},
      {"kubectl port-forward svc/web", "at least 1 PORT"},
      {"kubectl logs", "expected POD"},
      {"kubectl label pod web", "at least one update is required"},
      {"kubectl set image deploy/web", "at least one image update"},
      {"kubectl set resources deploy/web", "requests or limits"},
      {"kubectl taint nodes node-1 dedicated=gpu:Sometimes", "invalid taint effect"},
      {"kubectl cordon", "no name was specified"},
      {"kubectl auth can-i", "expected VERB"},
      {"kubectl explain", "expected a resource type"},
      {"helm list", "not a kubectl command"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    absl::StatusOr<std::vector<Operation>> ops = ParseKubectl(TestWords(c.line), "");
    REQUIRE_FALSE(ops.ok());
    CHECK(ops.status().code() == absl::StatusCode::kInvalidArgument);
    CHECK_MESSAGE(ops.status().message().find(c.message_part) != absl::string_view::npos,
                  ops.status().message());
  }
}

TEST_CASE("kubectl: --help prints help and touches nothing") {
  for (const char* line : {"kubectl delete pods --all --help", "kubectl rollout --help",
                           "kubectl -h", "kubectl create secret -h"}) {
    CAPTURE(line);
    CHECK(ParseOne(line).verb == Verb::kLocal);
  }
}

TEST_CASE("kubectl: every command of the grammar has a table row") {
  for (const CommandSpec& spec : KubectlGrammar().commands) {
    if (spec.needs_subcommand) continue;
    CAPTURE(spec.path);
    std::vector<std::string> argv = {"kubectl"};
    for (absl::string_view word : absl::StrSplit(spec.path, ' ')) argv.emplace_back(word);
    absl::StatusOr<std::vector<Operation>> ops = ParseKubectl(argv, "");
    // Usage errors are fine here (most commands need arguments); a missing
    // table row or generator would be Internal.
    CHECK(ops.status().code() != absl::StatusCode::kInternal);
  }
}

}  // namespace
}  // namespace kreplay
