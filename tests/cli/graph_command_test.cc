// `kreplay graph`: the dependency graph of each fixture's state in its three
// forms (text, JSON, DOT rendered by Graphviz when it is installed), and a
// step's blast radius marked on the state after it.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/cli/cli_test_util.h"

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "model/json.h"

extern char** environ;

namespace kreplay {
namespace {

namespace fs = std::filesystem;

std::string Example(const std::string& fixture, const std::string& name) {
  return FixtureDir(fixture) + "/examples/" + name;
}

std::string Graph(std::vector<std::string> args) {
  args.insert(args.begin(), "graph");
  Outcome o = Kreplay(args);
  INFO(o.err);
  REQUIRE(o.code == 0);
  CHECK(o.err.empty());
  return o.out;
}

// The `dot` executable on PATH, or "" when Graphviz is not installed.
std::string FindDot() {
  const char* path = std::getenv("PATH");
  for (absl::string_view dir : absl::StrSplit(path ? path : "", ':', absl::SkipEmpty())) {
    fs::path candidate = fs::path(std::string(dir)) / "dot";
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return "";
}

// Runs `dot -Tsvg -o SVG DOT_FILE` without a shell; returns its exit status
// and the SVG it wrote.
std::pair<int, std::string> RenderSvg(const std::string& dot, const std::string& source,
                                      const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("kreplay-graph-test-" + name);
  fs::create_directories(dir);
  std::string in = (dir / "graph.dot").string();
  std::string svg = (dir / "graph.svg").string();
  std::ofstream(in) << source;
  std::vector<std::string> words = {dot, "-Tsvg", "-o", svg, in};
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int status = -1;
  if (posix_spawn(&pid, dot.c_str(), nullptr, nullptr, argv.data(), environ) == 0) {
    waitpid(pid, &status, 0);
  }
  std::stringstream text;
  text << std::ifstream(svg).rdbuf();
  fs::remove_all(dir);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

constexpr const char* kFixtures[] = {"false-alarm", "broken-deployment", "shared-configmap-trap"};

TEST_CASE("graph -o text lists each object with its outgoing edges") {
  for (const char* fixture : kFixtures) {
    CAPTURE(std::string(fixture));
    // A leading newline, so that every node line reads "\nKind/ns/name\n".
    std::string text = "\n" + Graph({"--fixture", FixtureDir(fixture)});
    CHECK(absl::StrContains(text, "\nNamespace/bench\n"));
    // Every fixture has a Deployment web owning its ReplicaSet.
    CHECK(absl::StrContains(text, "\nDeployment/bench/web\n"));
    CHECK(absl::StrContains(text, "  -owns-> ReplicaSet/bench/web-"));
    CHECK_FALSE(absl::StrContains(text, "[blast radius"));
  }
  // Both Deployments of the trap mount the shared ConfigMap from their template.
  std::string trap = Graph({"--fixture", FixtureDir("shared-configmap-trap")});
  for (const char* app : {"web", "api"}) {
    CAPTURE(std::string(app));
    std::string head = std::string("Deployment/bench/") + app + "\n";
    size_t at = trap.find(head);
    REQUIRE(at != std::string::npos);
    std::string block = trap.substr(at, trap.find("\n", trap.find("\n", at) + 1) - at);
    CHECK(block == head + "  -mounts-> ConfigMap/bench/shared-config  volume=config  [template]");
  }
}

TEST_CASE("graph -o json has nodes and edges between them") {
  for (const char* fixture : kFixtures) {
    CAPTURE(std::string(fixture));
    Json graph = Json::parse(Graph({"--fixture", FixtureDir(fixture), "-o", "json"}));
    CHECK(graph["schema"] == "kreplay.graph/v1");
    CHECK(graph["state"] == "agent start");
    CHECK(graph["blast_radius"].empty());
    REQUIRE(graph["nodes"].size() > 5);
    REQUIRE(graph["edges"].size() > 5);
    std::set<std::string> refs;
    for (const Json& node : graph["nodes"]) {
      refs.insert(node["ref"].get<std::string>());
      CHECK_FALSE(node.contains("tier"));
    }
    CHECK(refs.contains("Deployment/bench/web"));
    for (const Json& edge : graph["edges"]) {
      CHECK(refs.contains(edge["from"].get<std::string>()));
      CHECK(refs.contains(edge["to"].get<std::string>()));
    }
  }
}

TEST_CASE("graph -o dot renders with Graphviz") {
  std::string dot = FindDot();
  for (const char* fixture : kFixtures) {
    CAPTURE(std::string(fixture));
    std::string source = Graph({"--fixture", FixtureDir(fixture), "-o", "dot"});
    CHECK(absl::StartsWith(source, "digraph kreplay {\n"));
    CHECK(absl::StrContains(source, "\"Deployment/bench/web\" -> \"ReplicaSet/bench/web-"));
    if (dot.empty()) {
      MESSAGE("dot not on PATH: rendering skipped");
      continue;
    }
    auto [status, svg] = RenderSvg(dot, source, fixture);
    CHECK(status == 0);
    CHECK(absl::StrContains(svg, "<svg"));
  }
}

// After step 3 of patch-shared-config the ConfigMap is repaired: the step's
// radius is marked in all three forms.
TEST_CASE("graph --at N marks the blast radius of step N") {
  std::vector<std::string> args = {"--fixture", FixtureDir("shared-configmap-trap"), "--ledger",
                                   Example("shared-configmap-trap", "patch-shared-config.jsonl"),
                                   "--at", "3"};
  auto with = [&](std::vector<std::string> more) {
    std::vector<std::string> all = args;
    all.insert(all.end(), more.begin(), more.end());
    return Graph(all);
  };
  std::string text = "\n" + with({});
  CHECK(absl::StrContains(text, "\nConfigMap/bench/shared-config  [blast radius: changed]\n"));
  Json graph = Json::parse(with({"-o", "json"}));
  CHECK(absl::StartsWith(graph["state"].get<std::string>(), "step 3 of "));
  bool marked = false;
  for (const Json& node : graph["nodes"]) {
    if (node["ref"] != "ConfigMap/bench/shared-config") continue;
    marked = node["tier"] == "changed" && node["reason"] == "updated by agent";
  }
  CHECK(marked);
  CHECK_FALSE(graph["blast_radius"].empty());
  std::string source = with({"-o", "dot"});
  CHECK(absl::StrContains(source, "\"ConfigMap/bench/shared-config\" [label=\"ConfigMap/bench/"
                                  "shared-config\\n(changed)\", style=filled, fillcolor=\"#f4cccc\"]"));
  if (std::string dot = FindDot(); !dot.empty()) {
    auto [status, svg] = RenderSvg(dot, source, "marked");
    CHECK(status == 0);
    CHECK(absl::StrContains(svg, "<svg"));
  }
  // --at 0 is agent start: nothing marked.
  args.back() = "0";
  CHECK_FALSE(absl::StrContains(with({}), "[blast radius"));
}

TEST_CASE("graph lists the objects a step removed apart since the graph no longer has them") {
  // On shared-config-open: evidra's profile refuses the deletes on shared-configmap-trap.
  std::string text = Graph({"--fixture", AnyFixtureDir("shared-config-open"), "--ledger",
                            AnyFixtureDir("shared-config-open") + "/delete-pods.jsonl",
                            "--at", "2"});
  size_t gone = text.find("\nNOT IN THE GRAPH (gone at step 2 of ");
  REQUIRE(gone != std::string::npos);
  std::string tail = text.substr(gone);
  CHECK(absl::StrContains(tail, "\n  Pod/bench/web-"));
  CHECK(absl::StrContains(tail, "deleted by agent\n"));
  CHECK(absl::StrContains(tail, "pod removed by agent\n"));
}

TEST_CASE("graph errors: usage 64 or missing input 66") {
  std::string ledger = Example("broken-deployment", "rollout-undo.jsonl");
  struct Case {
    const char* name;
    std::vector<std::string> args;
    int code;
    std::string mention;
  };
  const Case cases[] = {
      {"unknown fixture", {"graph", "--fixture", "no-such-scenario"}, 66, "no-such-scenario"},
      {"--at past the ledger",
       {"graph", "--fixture", FixtureDir("broken-deployment"), "--ledger", ledger, "--at", "4"},
       64, "has only 3 calls"},
      {"--at without --ledger", {"graph", "--fixture", FixtureDir("broken-deployment"), "--at", "0"},
       64, "--at needs --ledger"},
      {"bad output", {"graph", "--fixture", FixtureDir("broken-deployment"), "-o", "png"}, 64, "png"},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.name));
    Outcome o = Kreplay(c.args);
    CHECK(o.code == c.code);
    CHECK(o.out.empty());
    CHECK_MESSAGE(absl::StrContains(o.err, c.mention), o.err);
  }
}

}  // namespace
}  // namespace kreplay
