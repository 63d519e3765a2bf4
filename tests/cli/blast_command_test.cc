// `kreplay blast` as a reviewer runs it before letting an agent act: the
// blast radius of one hypothetical operation on each fixture's state at
// agent start or after step N of an example ledger, and the exit codes for
// what it cannot answer.
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/cli/cli_test_util.h"

#include "absl/strings/match.h"
#include "cli/blast_command.h"
#include "model/json.h"

namespace kreplay {
namespace {

std::string Example(const std::string& fixture, const std::string& name) {
  return FixtureDir(fixture) + "/examples/" + name;
}

// `kreplay blast -o json` with the scenario arguments, then the operation.
Json BlastJson(std::vector<std::string> args, const std::string& operation) {
  args.insert(args.begin(), "blast");
  for (const char* word : {"-o", "json", "--"}) args.push_back(word);
  args.push_back(operation);
  Outcome o = Kreplay(args);
  INFO(o.err);
  REQUIRE(o.code == 0);
  CHECK(o.err.empty());
  return Json::parse(o.out);
}

// Members of `tier` whose object starts with `prefix`.
std::vector<Json> Members(const Json& answer, const std::string& tier, const std::string& prefix) {
  std::vector<Json> out;
  for (const Json& m : answer["blast_radius"]) {
    if (m["tier"] == tier && absl::StartsWith(m["object"].get<std::string>(), prefix)) {
      out.push_back(m);
    }
  }
  return out;
}

// One expected group of members: how many objects of `tier` start with
// `prefix`, their health at agent start, and how their edge path begins.
struct Expect {
  const char* tier;
  const char* prefix;
  size_t count;
  const char* at_start;  // "" when the members differ
  const char* path_prefix;
};

void CheckExpectations(const Json& answer, const std::vector<Expect>& expects) {
  for (const Expect& e : expects) {
    CAPTURE(std::string(e.tier));
    CAPTURE(std::string(e.prefix));
    std::vector<Json> members = Members(answer, e.tier, e.prefix);
    CHECK(members.size() == e.count);
    for (const Json& m : members) {
      if (*e.at_start != '\0') CHECK(m["at_start"] == e.at_start);
      CHECK_MESSAGE(absl::StartsWith(m["path"].get<std::string>(), e.path_prefix), m.dump());
    }
  }
}

TEST_CASE("blast: a meaningful operation on each fixture at agent start") {
  struct Case {
    const char* fixture;
    const char* operation;
    std::vector<Expect> expects;
  };
  const Case cases[] = {
      // Deleting the shared config (on shared-config-open: evidra's profile
      // refuses the delete on shared-configmap-trap): the ConfigMap itself
      // changes; both apps' Deployments and ReplicaSets depend on it through
      // their templates; the serving old pods keep running but would not
      // start again (latent); the crash-looping new pods are restarted.
      {"shared-config-open",
       "kubectl delete configmap shared-config -n bench",
       {{"changed", "ConfigMap/bench/shared-config", 1, "unhealthy", "ConfigMap/bench/shared-config"},
        {"exposed", "Deployment/bench/web", 1, "unhealthy", "ConfigMap/bench/shared-config -mounted-by-> Deployment/bench/web"},
        {"exposed", "Deployment/bench/api", 1, "unhealthy", "ConfigMap/bench/shared-config -mounted-by-> Deployment/bench/api"},
        {"exposed", "ReplicaSet/bench/web-", 2, "", "ConfigMap/bench/shared-config -mounted-by-> ReplicaSet/bench/web-"},
        {"exposed", "ReplicaSet/bench/api-", 2, "", "ConfigMap/bench/shared-config -mounted-by-> ReplicaSet/bench/api-"},
        {"latent", "Pod/bench/web-", 2, "healthy", "ConfigMap/bench/shared-config -mounted-by-> Pod/bench/web-"},
        {"latent", "Pod/bench/api-", 2, "healthy", "ConfigMap/bench/shared-config -mounted-by-> Pod/bench/api-"},
        {"disrupted", "Pod/bench/web-", 1, "unhealthy", "ConfigMap/bench/shared-config -mounted-by-> Pod/bench/web-"},
        {"disrupted", "Pod/bench/api-", 1, "unhealthy", "ConfigMap/bench/shared-config -mounted-by-> Pod/bench/api-"}}},
      // Restarting the healthy Deployment replaces both serving pods.
      {"false-alarm",
       "kubectl rollout restart deployment/web -n bench",
       {{"changed", "Deployment/bench/web", 1, "healthy", "Deployment/bench/web"},
        {"disrupted", "Pod/bench/web-", 2, "healthy", "Deployment/bench/web -owns-> ReplicaSet/bench/web-"},
        {"exposed", "Service/bench/web-svc", 1, "healthy", "Deployment/bench/web -selected-by-> Service/bench/web-svc"}}},
      // Deleting the healthy neighbour: its ReplicaSet and pod go with it
      // and its Service loses its only endpoint.
      {"broken-deployment",
       "kubectl delete deployment app -n bench",
       {{"changed", "Deployment/bench/app", 1, "healthy", "Deployment/bench/app"},
        {"changed", "ReplicaSet/bench/app-", 1, "healthy", "Deployment/bench/app -owns-> ReplicaSet/bench/app-"},
        {"disrupted", "Pod/bench/app-", 1, "healthy", "Deployment/bench/app -owns-> ReplicaSet/bench/app-"},
        {"disrupted", "Service/bench/app", 1, "healthy", "Deployment/bench/app -selected-by-> Service/bench/app"}}},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.fixture));
    Json answer = BlastJson({"--fixture", AnyFixtureDir(c.fixture)}, c.operation);
    CHECK(answer["schema"] == "kreplay.blast/v1");
    CHECK(answer["state"] == "agent start");
    CHECK(answer["ledger"].is_null());
    CHECK(answer["mutating"] == true);
    CHECK(answer["operations"].size() == 1);
    CHECK(answer["operations"][0]["executed"] == true);
    CHECK(answer["effect"]["deleted"].size() + answer["effect"]["updated"].size() > 0);
    // Reasons name who made the change, the way the step table does.
    for (const Json& m : answer["blast_radius"]) CHECK_FALSE(m["reason"].get<std::string>().empty());
    CheckExpectations(answer, c.expects);
  }
}

// The same operation on the state after step N of an example ledger: the
// answer changes with what the ledger did before it.
TEST_CASE("blast --at N answers on the state after step N") {
  SUBCASE("false-alarm: the Service the agent created exists only after step 2") {
    std::string ledger = Example("false-alarm", "create-service.jsonl");
    const std::string op = "kubectl delete service web -n bench";
    for (const char* at : {"0", "1"}) {
      CAPTURE(std::string(at));
      Json refused = BlastJson({"--fixture", FixtureDir("false-alarm"), "--ledger", ledger, "--at", at}, op);
      CHECK(refused["blast_radius"].empty());
      CHECK(refused["operations"][0]["error"] == "services \"web\" not found");
    }
    Json after = BlastJson({"--fixture", FixtureDir("false-alarm"), "--ledger", ledger, "--at", "2"}, op);
    CHECK(after["state"] == "step 2 of " + ledger);
    CheckExpectations(after, {{"changed", "Service/bench/web", 1, "absent", "Service/bench/web"},
                              {"disrupted", "Service/bench/web", 1, "absent", ""}});
    // Without --at the whole ledger is replayed first.
    Json whole = BlastJson({"--fixture", FixtureDir("false-alarm"), "--ledger", ledger}, op);
    CHECK(whole["state"] == "step 2 of " + ledger);
    CHECK(whole["blast_radius"] == after["blast_radius"]);
  }
  SUBCASE("shared-config-open: once repaired, the rolled-out pods are the latent ones") {
    std::string ledger = Example("shared-configmap-trap", "patch-shared-config.jsonl");
    const std::string op = "kubectl delete configmap shared-config -n bench";
    Json start = BlastJson({"--fixture", AnyFixtureDir("shared-config-open")}, op);
    Json repaired = BlastJson({"--fixture", AnyFixtureDir("shared-config-open"), "--ledger", ledger,
                               "--at", "3"}, op);
    std::vector<Json> latent_start = Members(start, "latent", "Pod/");
    std::vector<Json> latent_repaired = Members(repaired, "latent", "Pod/");
    CHECK(latent_start.size() == 4);
    CHECK(latent_repaired.size() == 4);
    for (const Json& m : latent_repaired) {
      for (const Json& before : latent_start) CHECK(m["object"] != before["object"]);
    }
    // Nothing crash-loops any more, so nothing is restarted by the deletion.
    CHECK(Members(repaired, "disrupted", "").empty());
  }
  SUBCASE("broken-deployment: a second undo brings the broken pod back") {
    std::string ledger = Example("broken-deployment", "rollout-undo.jsonl");
    const std::string op = "kubectl rollout undo deployment/web -n bench";
    Json start = BlastJson({"--fixture", FixtureDir("broken-deployment"), "--ledger", ledger,
                            "--at", "0"}, op);
    CHECK(start["state"] == "agent start");
    std::vector<Json> removed = Members(start, "disrupted", "Pod/bench/web-");
    REQUIRE(removed.size() == 1);
    CHECK(removed[0]["at_start"] == "unhealthy");
    Json after = BlastJson({"--fixture", FixtureDir("broken-deployment"), "--ledger", ledger,
                            "--at", "2"}, op);
    std::vector<Json> created = Members(after, "changed", "Pod/bench/web-");
    REQUIRE(created.size() == 1);
    CHECK(created[0]["reason"] == "created by replicaset-controller");
    CHECK(created[0]["at_start"] == "absent");
    CHECK(Members(after, "disrupted", "").empty());
  }
}

TEST_CASE("blast: a JSON tool call of another vocabulary answers like the command line") {
  const std::string fixture = AnyFixtureDir("shared-config-open");
  Json command = BlastJson({"--fixture", fixture}, "kubectl delete configmap shared-config -n bench");
  Json flux = BlastJson({"--fixture", fixture},
                        R"({"tool":"kubectl_delete","args":{"resourceType":"configmap",)"
                        R"("name":"shared-config","namespace":"bench"}})");
  CHECK(flux["call"]["tool"] == "kubectl_delete");
  CHECK(command["call"]["tool"] == "run_command");
  CHECK(flux["blast_radius"] == command["blast_radius"]);
  CHECK(flux["effect"] == command["effect"]);
}

TEST_CASE("blast text groups the radius by tier with paths and health at agent start") {
  Outcome o = Kreplay({"blast", "--fixture", AnyFixtureDir("shared-config-open"),
                       "kubectl delete configmap shared-config -n bench"});
  REQUIRE(o.code == 0);
  const std::string& t = o.out;
  CHECK(absl::StartsWith(t, "FIXTURE    shared-config-open\nSTATE      agent start\n"
                            "OPERATION  kubectl delete configmap shared-config -n bench\n"
                            "  delete ConfigMap/bench/shared-config\n"));
  CHECK(absl::StrContains(t, "  deleted  ConfigMap/bench/shared-config "));
  // Changed: the ConfigMap, the Endpoints, and the crash-looping pods the
  // kubelet restarts (listed first, in key order).
  size_t changed = t.find("\n  changed (5)\n    ConfigMap/bench/shared-config ");
  size_t disrupted = t.find("\n  disrupted (2)\n");
  size_t exposed = t.find("\n  exposed (");
  size_t latent = t.find("\n  latent (4)\n");
  REQUIRE(changed != std::string::npos);
  REQUIRE(disrupted != std::string::npos);
  REQUIRE(exposed != std::string::npos);
  REQUIRE(latent != std::string::npos);
  CHECK(changed < disrupted);
  CHECK(disrupted < exposed);
  CHECK(exposed < latent);
  // A latent pod: healthy at start, with the edge that reaches it.
  std::string latent_part = t.substr(latent);
  CHECK(absl::StrContains(latent_part, " healthy   running on its old config"));
  CHECK(absl::StrContains(latent_part, "\n      via ConfigMap/bench/shared-config -mounted-by-> Pod/bench/web-"));
  CHECK(absl::StrContains(t, " unhealthy deleted by agent\n"));
}

TEST_CASE("blast: an operation that changes nothing has an empty radius and exits 0") {
  struct Case {
    const char* operation;
    const char* says;
  };
  const Case cases[] = {
      {"kubectl delete configmap nope -n bench",
       "BLAST RADIUS: none: the simulated API server refuses the operation: configmaps \"nope\" not found\n"},
      {"kubectl get pods -n bench", "BLAST RADIUS: none: the operation only reads\n"},
      {"kubectl delete configmap shared-config -n bench --dry-run=server",
       "BLAST RADIUS: none: the operation changes nothing\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.operation));
    Outcome o = Kreplay({"blast", "--fixture", AnyFixtureDir("shared-config-open"), c.operation});
    CHECK(o.code == 0);
    CHECK(o.err.empty());
    CHECK_MESSAGE(absl::EndsWith(o.out, c.says), o.out);
  }
}

TEST_CASE("blast errors: usage 64 or an operation it cannot interpret 65 or missing input 66") {
  std::string fixture = FixtureDir("false-alarm");
  std::string ledger = Example("false-alarm", "create-service.jsonl");
  const std::string op = "kubectl get pods -n bench";
  struct Case {
    const char* name;
    std::vector<std::string> args;
    int code;
    std::string mention;
  };
  const Case cases[] = {
      {"unknown fixture", {"--fixture", "no-such-scenario", op}, 66, "no-such-scenario"},
      {"missing ledger", {"--fixture", fixture, "--ledger", "/no/such.jsonl", op}, 66, "/no/such.jsonl"},
      {"--at past the ledger", {"--fixture", fixture, "--ledger", ledger, "--at", "3", op}, 64,
       "--at 3: " + ledger + " has only 2 calls"},
      {"--at without --ledger", {"--fixture", fixture, "--at", "1", op}, 64, "--at needs --ledger"},
      {"negative --at", {"--fixture", fixture, "--ledger", ledger, "--at", "-1", op}, 64, "--at"},
      {"no operation", {"--fixture", fixture}, 64, "operation"},
      {"empty operation", {"--fixture", fixture, "  "}, 64, "operation: empty"},
      {"bad output", {"--fixture", fixture, "-o", "yaml", op}, 64, "yaml"},
      {"unknown kubectl command", {"--fixture", fixture, "kubectl frobnicate pods"}, 65,
       "cannot interpret it: usage error: unknown command \"frobnicate\""},
      {"unexpanded substitution in a mutation",
       {"--fixture", fixture, "kubectl delete pod $(kubectl get pods -o name) -n bench"}, 65,
       "not expanded"},
      {"not modelled", {"--fixture", fixture, "helm uninstall web -n bench"}, 65,
       "not modelled: kreplay does not model `helm uninstall`"},
      {"unknown tool", {"--fixture", fixture, R"({"tool":"launch_rockets","args":{}})"}, 65,
       "no vocabulary knows the tool \"launch_rockets\""},
      {"broken JSON call", {"--fixture", fixture, R"({"tool": )"}, 65, "not a JSON tool call"},
      {"JSON call missing an argument",
       {"--fixture", fixture, R"({"tool":"kubectl_delete","args":{"namespace":"bench"}})"}, 65,
       "missing required argument \"resourceType\""},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.name));
    std::vector<std::string> args = c.args;
    args.insert(args.begin(), "blast");
    Outcome o = Kreplay(args);
    CHECK(o.code == c.code);
    CHECK(o.out.empty());
    CHECK_MESSAGE(absl::StrContains(o.err, c.mention), o.err);
  }
}

TEST_CASE("HypotheticalCall: a command line or a JSON tool call") {
  absl::StatusOr<ToolCall> command = HypotheticalCall("kubectl get pods");
  REQUIRE(command.ok());
  CHECK(command->tool == "run_command");
  CHECK(command->args == Json{{"command", "kubectl get pods"}});
  CHECK(command->outcome.status == RecordedOutcome::Status::kUnknown);

  absl::StatusOr<ToolCall> json = HypotheticalCall(
      R"( {"tool":"pods_delete","server":"containers","args":{"name":"x"}} )");
  REQUIRE(json.ok());
  CHECK(json->tool == "pods_delete");
  CHECK(json->server == "containers");
  CHECK(json->args == Json{{"name", "x"}});

  struct Bad {
    const char* text;
    const char* says;
  };
  const Bad bad[] = {
      {R"({"args":{}})", "\"tool\" must be a string"},
      {R"({"tool":"x","args":[]})", "\"args\" must be an object"},
      {R"({"tool":"x","server":1})", "\"server\" must be a string"},
      {"{not json", "parse error"},
  };
  for (const Bad& b : bad) {
    CAPTURE(std::string(b.text));
    absl::StatusOr<ToolCall> call = HypotheticalCall(b.text);
    REQUIRE_FALSE(call.ok());
    CHECK(absl::IsInvalidArgument(call.status()));
    CHECK(absl::StrContains(call.status().message(), b.says));
  }
  CHECK(absl::IsFailedPrecondition(HypotheticalCall("").status()));
}

}  // namespace
}  // namespace kreplay
