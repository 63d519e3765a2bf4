#include "replay/shell/parser.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kreplay {
namespace {

// `a b | c && d`, a word with blanks or empty shown as «word».
std::string Render(const CommandList& list) {
  std::string out;
  for (size_t i = 0; i < list.pipelines.size(); ++i) {
    if (i > 0) absl::StrAppend(&out, " ", list.connectors[i - 1], " ");
    std::vector<std::string> commands;
    for (const ShellCommand& command : list.pipelines[i].commands) {
      std::vector<std::string> words;
      for (const std::string& word : command.argv) {
        const bool wrap = word.empty() || word.find_first_of(" \t\n") != std::string::npos;
        words.push_back(wrap ? absl::StrCat("«", word, "»") : word);
      }
      commands.push_back(absl::StrJoin(words, " "));
    }
    absl::StrAppend(&out, absl::StrJoin(commands, " | "));
  }
  return out;
}

std::string RenderOrError(const std::string& text) {
  absl::StatusOr<CommandList> list = ParseShell(text);
  return list.ok() ? Render(*list) : absl::StrCat("ERROR ", list.status().message());
}

// Every problem of every command, in order.
std::vector<std::string> Problems(const std::string& text) {
  absl::StatusOr<CommandList> list = ParseShell(text);
  REQUIRE(list.ok());
  std::vector<std::string> problems;
  for (const Pipeline& pipeline : list->pipelines) {
    for (const ShellCommand& command : pipeline.commands) {
      problems.insert(problems.end(), command.problems.begin(), command.problems.end());
    }
  }
  return problems;
}

const ShellCommand& Last(const CommandList& list) { return list.pipelines.back().commands.back(); }

TEST_CASE("shell: quote removal, escapes, comments and continuations") {
  struct Case { std::string text, expected; };
  const Case cases[] = {
      {"kubectl get pods", "kubectl get pods"},
      {"  kubectl   get\tpods  ", "kubectl get pods"},
      {"echo 'a b' \"c d\" e\\ f", "echo «a b» «c d» «e f»"},
      {"echo 'it'\\''s'", "echo it's"},
      {"echo \"a'b\" 'a\"b'", "echo a'b a\"b"},
      {"echo \"q\\\"q\" \"\\$x\" \"\\\\\" \"\\a\"", "echo q\"q $x \\ \\a"},
      {"echo 'no $expansion \\here'", "echo «no $expansion \\here»"},
      {"echo \"line\\\ncont\"", "echo linecont"},
      {"kubectl get \\\n  pods -n bench", "kubectl get pods -n bench"},
      {"echo $'a\\tb\\n' $'it\\'s'", "echo «a\tb\n» it's"},
      {"echo a#b # a comment", "echo a#b"},
      {"# only a comment", ""},
      {"", ""},
      {"echo \"\" ''", "echo «» «»"},
      {"echo x\\$y \\'z", "echo x$y 'z"},
      {"echo $ \"$\" a$", "echo $ $ a$"},
      {"kubectl get pods -o jsonpath='{.items[*].metadata.name}'",
       "kubectl get pods -o jsonpath={.items[*].metadata.name}"},
      {"kubectl get pods -l 'app in (web,api)'", "kubectl get pods -l «app in (web,api)»"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(RenderOrError(c.text) == c.expected);
    if (RenderOrError(c.text).rfind("ERROR", 0) != 0) CHECK(Problems(c.text).empty());
  }
}

TEST_CASE("shell: connectors, pipelines and background jobs") {
  struct Case { std::string text, expected; };
  const Case cases[] = {
      {"a && b || c ; d", "a && b || c ; d"},
      {"a\nb\n\n c\n", "a ; b ; c"},
      {"a;\n\nb;", "a ; b"},
      {"a | b | c", "a | b | c"},
      {"a |\n  b", "a | b"},
      {"a &&\n b", "a && b"},
      {"a |& b", "a | b"},
      {"a & b", "a ; b"},
      {"! kubectl get pod web", "kubectl get pod web"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(RenderOrError(c.text) == c.expected);
  }
  absl::StatusOr<CommandList> list = ParseShell("a | b | c");
  REQUIRE(list.ok());
  const std::vector<ShellCommand>& commands = list->pipelines[0].commands;
  CHECK_FALSE(commands[0].stdin_from_pipe);
  CHECK(commands[1].stdin_from_pipe);
  CHECK(commands[2].stdin_from_pipe);
  CHECK(commands[2].stdin_text.empty());
  CHECK(Problems("kubectl port-forward svc/web 8080:80 & sleep 2") ==
        std::vector<std::string>{"runs in the background (`&`)"});
}

TEST_CASE("shell: redirections leave argv, reading a file is a problem") {
  struct Case { std::string text, expected; };
  const Case cases[] = {
      {"kubectl get pods > out.txt 2>&1", "kubectl get pods"},
      {"kubectl get pods 2>/dev/null", "kubectl get pods"},
      {"kubectl get pods &> log.txt", "kubectl get pods"},
      {"kubectl logs web >> all.log", "kubectl logs web"},
      {"kubectl get pods 2> err.txt -n bench", "kubectl get pods -n bench"},
      {"kubectl get pods >| out 1>&2", "kubectl get pods"},
      {"echo 2>x", "echo"},
      {"echo a2 >x", "echo a2"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(RenderOrError(c.text) == c.expected);
    CHECK(Problems(c.text).empty());
  }
  CHECK(RenderOrError("kubectl apply -f - < pods.yaml") == "kubectl apply -f -");
  CHECK(Problems("kubectl apply -f - < pods.yaml") ==
        std::vector<std::string>{"stdin from `< pods.yaml` is not known"});
  absl::StatusOr<CommandList> list = ParseShell("kubectl get pods > out.txt 2>&1 && kubectl get svc");
  REQUIRE(list.ok());
  CHECK(list->pipelines[0].commands[0].text == "kubectl get pods > out.txt 2>&1");
  CHECK(list->pipelines[1].commands[0].text == "kubectl get svc");
}

TEST_CASE("shell: environment assignments before a command are dropped") {
  CHECK(RenderOrError("KUBECONFIG=/tmp/kc kubectl get pods") == "kubectl get pods");
  CHECK(Problems("KUBECONFIG=/tmp/kc A_1='x y' kubectl get pods").empty());
  CHECK(RenderOrError("kubectl set env deploy/web A=b") == "kubectl set env deploy/web A=b");
  CHECK(RenderOrError("'A=b' kubectl get pods") == "A=b kubectl get pods");
  CHECK(Problems("NS=$TARGET kubectl get pods") ==
        std::vector<std::string>{"variable `$TARGET` is not expanded"});
}

TEST_CASE("shell: expansions, globs and keywords are named as problems") {
  struct Case { std::string text, argv, problem; };
  const Case cases[] = {
      {"kubectl delete pod $(kubectl get pods -l app=web -o name)",
       "kubectl delete pod «$(kubectl get pods -l app=web -o name)»",
       "command substitution `$(kubectl get pods -l app=web -o name)` is not expanded"},
      {"kubectl delete pod `kubectl get pods -o name`", "kubectl delete pod «`kubectl get pods -o name`»",
       "command substitution ``kubectl get pods -o name`` is not expanded"},
      {"kubectl get pods -n $NS", "kubectl get pods -n $NS", "variable `$NS` is not expanded"},
      {"kubectl get pods -n \"${NS:-bench}\"", "kubectl get pods -n ${NS:-bench}",
       "parameter expansion `${NS:-bench}` is not expanded"},
      {"echo \"$(echo \"a)\")\"", "echo «$(echo \"a)\")»",
       "command substitution `$(echo \"a)\")` is not expanded"},
      {"echo $((1 + 2))", "echo «$((1 + 2))»", "arithmetic expansion `$((1 + 2))` is not expanded"},
      {"echo $?", "echo $?", "special parameter `$?` is not expanded"},
      {"kubectl apply -f *.yaml", "kubectl apply -f *.yaml", "glob `*.yaml` is not expanded"},
      {"kubectl get pod/web-? ", "kubectl get pod/web-?", "glob `pod/web-?` is not expanded"},
      {"kubectl get pod/{a,b}", "kubectl get pod/{a,b}", "brace expansion `pod/{a,b}` is not expanded"},
      {"diff <(kubectl get deploy web -o yaml) saved.yaml",
       "diff «<(kubectl get deploy web -o yaml)» saved.yaml",
       "process substitution `<(kubectl get deploy web -o yaml)` is not expanded"},
      {"for p in a b; do kubectl delete pod x; done", "for p in a b ; do kubectl delete pod x ; done",
       "shell keyword `for` is not interpreted"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(RenderOrError(c.text) == c.argv);
    const std::vector<std::string> problems = Problems(c.text);
    REQUIRE_FALSE(problems.empty());
    CHECK(problems.front() == c.problem);
  }
  CHECK(Problems("kubectl get pods -o jsonpath={.items[*].metadata.name}").empty());
  CHECK(Problems("kubectl get pods -o 'jsonpath={.items[*]}' '*.yaml' \\*").empty());
}

constexpr char kDeploymentYaml[] = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: bench
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.25 # $not-expanded in a quoted heredoc
)";

TEST_CASE("shell: heredocs feed stdin") {
  const std::string text = absl::StrCat("kubectl apply -f - <<'EOF'\n", kDeploymentYaml, "EOF\n");
  absl::StatusOr<CommandList> list = ParseShell(text);
  REQUIRE(list.ok());
  CHECK(Render(*list) == "kubectl apply -f -");
  const ShellCommand& apply = Last(*list);
  CHECK(apply.stdin_text == kDeploymentYaml);
  CHECK_FALSE(apply.stdin_from_pipe);
  CHECK(apply.problems.empty());
  CHECK(apply.text == "kubectl apply -f - <<'EOF'");

  struct Case { std::string text, stdin_text; std::vector<std::string> problems; };
  const Case cases[] = {
      {"cat <<EOF\nimage: $IMAGE\ncost: \\$5 \\\\ \\n\nEOF", "image: $IMAGE\ncost: $5 \\ \\n\n",
       {"heredoc body: variable `$IMAGE` is not expanded"}},
      {"cat << \"END\"\na $b\nEND", "a $b\n", {}},
      {"cat <<\\EOF\n$x\nEOF", "$x\n", {}},
      {"cat <<-EOF\n\t\tindented\n\tEOF\n", "indented\n", {}},
      {"cat <<EOF\nno newline at the end\nEOF", "no newline at the end\n", {}},
      {"cat <<EOF\r\nwindows\r\nEOF\r\n", "windows\r\n", {}},
      {"cat <<EOF\nEOF", "", {}},
      {"kubectl apply -f - <<< 'kind: Namespace'", "kind: Namespace\n", {}},
      {"kubectl apply -f - <<< \"$MANIFEST\"", "$MANIFEST\n", {"variable `$MANIFEST` is not expanded"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    absl::StatusOr<CommandList> parsed = ParseShell(c.text);
    REQUIRE(parsed.ok());
    CHECK(Last(*parsed).stdin_text == c.stdin_text);
    CHECK(Last(*parsed).problems == c.problems);
  }

  absl::StatusOr<CommandList> two = ParseShell("cat <<A; cat <<B && kubectl get pods\na\nA\nb\nB\n");
  REQUIRE(two.ok());
  CHECK(Render(*two) == "cat ; cat && kubectl get pods");
  CHECK(two->pipelines[0].commands[0].stdin_text == "a\n");
  CHECK(two->pipelines[1].commands[0].stdin_text == "b\n");
  CHECK(two->pipelines[2].commands[0].stdin_text.empty());
}

TEST_CASE("shell: cat, tee, echo and printf pass known text down a pipeline") {
  struct Case { std::string text, stdin_text; };
  const Case cases[] = {
      {"cat <<EOF | kubectl apply -f -\nkind: Namespace\nEOF\n", "kind: Namespace\n"},
      {"cat <<'EOF' | tee /tmp/ns.yaml | kubectl apply -f -\nkind: Namespace\nEOF", "kind: Namespace\n"},
      {"echo 'apiVersion: v1' | kubectl apply -f -", "apiVersion: v1\n"},
      {"echo -n abc | kubectl apply -f -", "abc"},
      {"echo -e 'a\\nb' | kubectl apply -f -", "a\nb\n"},
      {"printf 'a: 1\\nb: 2\\n' | kubectl apply -f -", "a: 1\nb: 2\n"},
      {"printf '%s\\n' x y | cat | kubectl apply -f -", "x\ny\n"},
      {"printf '100%%\\n' | kubectl apply -f -", "100%\n"},
      {"printf '%d\\n' 3 | kubectl apply -f -", ""},
      {"cat ns.yaml | kubectl apply -f -", ""},
      {"kubectl get deploy web -o yaml | kubectl apply -f -", ""},
      {"echo \"$YAML\" | kubectl apply -f -", ""},
      {"echo a > f | kubectl apply -f -", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    absl::StatusOr<CommandList> parsed = ParseShell(c.text);
    REQUIRE(parsed.ok());
    CHECK(Last(*parsed).stdin_text == c.stdin_text);
    CHECK(Last(*parsed).stdin_from_pipe);
  }
  // A command's own redirection wins over the pipe.
  absl::StatusOr<CommandList> own = ParseShell("echo a | kubectl apply -f - <<EOF\nb\nEOF");
  REQUIRE(own.ok());
  CHECK(Last(*own).stdin_text == "b\n");
  CHECK_FALSE(Last(*own).stdin_from_pipe);
}

TEST_CASE("shell: sh -c, bash scripts, eval and subshells are parsed in place") {
  struct Case { std::string text, expected; };
  const Case cases[] = {
      {"sh -c 'kubectl get pods && kubectl delete pod x'", "kubectl get pods && kubectl delete pod x"},
      {"bash -c \"kubectl scale deploy/web --replicas=0 -n bench\"",
       "kubectl scale deploy/web --replicas=0 -n bench"},
      {"kubectl get ns && /bin/bash -lc 'kubectl get pods | grep web' ; echo done",
       "kubectl get ns && kubectl get pods | grep web ; echo done"},
      {"bash -o pipefail -ec 'a | b'", "a | b"},
      {"echo hi | bash -c 'cat | kubectl apply -f -'", "echo hi | cat | kubectl apply -f -"},
      {"bash <<'EOF'\nkubectl delete pod x\nkubectl get pods\nEOF", "kubectl delete pod x ; kubectl get pods"},
      {"(cd /tmp && kubectl apply -f x.yaml) > log", "cd /tmp && kubectl apply -f x.yaml"},
      {"eval \"kubectl get pods -n bench\"", "kubectl get pods -n bench"},
      {"sh -c \"sh -c 'kubectl get pods'\"", "kubectl get pods"},
      {"kubectl exec web -- sh -c 'rm -rf /data'", "kubectl exec web -- sh -c «rm -rf /data»"},
      {"bash deploy.sh", "bash deploy.sh"},
      {"echo x | sh -c 'a; b'", "echo x | sh -c «a; b»"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(RenderOrError(c.text) == c.expected);
  }
  absl::StatusOr<CommandList> piped = ParseShell("echo hi | bash -c 'cat | kubectl apply -f -'");
  REQUIRE(piped.ok());
  CHECK(Last(*piped).stdin_text == "hi\n");
  absl::StatusOr<CommandList> fed = ParseShell("sh -c 'kubectl apply -f -' <<EOF\nkind: x\nEOF");
  REQUIRE(fed.ok());
  CHECK(Last(*fed).stdin_text == "kind: x\n");
  CHECK(Problems("bash deploy.sh") ==
        std::vector<std::string>{"runs the local script `deploy.sh`, which is not known"});
  CHECK(Problems("echo x | sh -c 'a; b'") ==
        std::vector<std::string>{"a script of several pipelines inside a pipeline is not interpreted"});
  CHECK(Problems("sh -c 'echo \"open'") ==
        std::vector<std::string>{
            "shell script `echo \"open` is not parsed: unterminated double quote at column 6"});
  CHECK(Problems("bash -c \"kubectl delete pod $(kubectl get pods -o name)\"") ==
        std::vector<std::string>{
            "command substitution `$(kubectl get pods -o name)` is not expanded"});
}

TEST_CASE("shell: malformed command lines are errors naming the column") {
  struct Case { std::string text, error; };
  const Case cases[] = {
      {"echo 'abc", "unterminated single quote at column 6"},
      {"echo \"abc", "unterminated double quote at column 6"},
      {"echo $(kubectl get", "unterminated `$(` at column 6"},
      {"echo ${x", "unterminated `${` at column 6"},
      {"echo `date", "unterminated backtick command substitution at column 6"},
      {"| kubectl get pods", "unexpected `|` at column 1"},
      {"kubectl get pods |", "missing command after `|` at column 18"},
      {"a && && b", "unexpected `&&` at column 6"},
      {"a &&", "missing command after `&&` at column 3"},
      {"a ; ; b", "unexpected `;` at column 5"},
      {"cat >", "missing target after `>` at column 5"},
      {"(kubectl get pods", "unmatched `(` at column 1"},
      {"kubectl get pods )", "unexpected `)` at column 18"},
      {"kubectl apply -f - <<EOF", "heredoc has no terminating `EOF` line at column 22"},
      {"kubectl apply -f - <<EOF\nkind: x\n", "heredoc has no terminating `EOF` line at line 1, column 22"},
      {"echo ok\necho 'bad", "unterminated single quote at line 2, column 6"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    absl::StatusOr<CommandList> list = ParseShell(c.text);
    REQUIRE_FALSE(list.ok());
    CHECK(absl::IsInvalidArgument(list.status()));
    CHECK(list.status().message() == c.error);
  }
}

TEST_CASE("shell: realistic agent command lines") {
  absl::StatusOr<CommandList> jq =
      ParseShell("kubectl get pods -n bench -o json | jq '.items[].metadata.name'");
  REQUIRE(jq.ok());
  REQUIRE(jq->pipelines.size() == 1);
  REQUIRE(jq->pipelines[0].commands.size() == 2);
  CHECK(jq->pipelines[0].commands[0].argv ==
        std::vector<std::string>{"kubectl", "get", "pods", "-n", "bench", "-o", "json"});
  CHECK(jq->pipelines[0].commands[1].argv == std::vector<std::string>{"jq", ".items[].metadata.name"});
  CHECK(jq->pipelines[0].commands[1].stdin_from_pipe);
  CHECK(jq->pipelines[0].commands[1].problems.empty());

  absl::StatusOr<CommandList> rollout = ParseShell(
      "kubectl rollout restart deployment/web -n bench && kubectl rollout status deployment/web "
      "-n bench --timeout=60s");
  REQUIRE(rollout.ok());
  CHECK(rollout->connectors == std::vector<std::string>{"&&"});
  CHECK(rollout->pipelines[1].commands[0].argv ==
        std::vector<std::string>{"kubectl", "rollout", "status", "deployment/web", "-n", "bench",
                                 "--timeout=60s"});
  CHECK(rollout->pipelines[0].commands[0].text == "kubectl rollout restart deployment/web -n bench");

  absl::StatusOr<CommandList> patch = ParseShell(
      R"(kubectl patch deployment web -n bench --type=json -p='[{"op":"replace","path":"/spec/replicas","value":3}]')");
  REQUIRE(patch.ok());
  CHECK(Last(*patch).argv.back() == R"(-p=[{"op":"replace","path":"/spec/replicas","value":3}])");
  CHECK(Last(*patch).problems.empty());
}

}  // namespace
}  // namespace kreplay
