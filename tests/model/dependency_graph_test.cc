#include "model/dependency_graph.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "absl/strings/str_cat.h"
#include "model/graph_render.h"
#include "tests/model/graph_test_util.h"

namespace kreplay {
namespace {

using testing::EdgeLines;
using testing::StoreFromYaml;

// shared-configmap-trap in miniature: a Deployment, its ReplicaSet and two
// pods mount shared-config; a Service selects the pods and the templates.
constexpr const char* kSharedConfig = R"(
apiVersion: v1
kind: ConfigMap
metadata: {name: shared-config, namespace: bench, uid: cm-1}
data: {mode: fast}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default, namespace: bench, uid: sa-1}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: bench, uid: d-api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      volumes: [{name: config, configMap: {name: shared-config}}]
      containers: [{name: api, image: api:1}]
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: api-5f79b9c895
  namespace: bench
  uid: rs-api
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: api, uid: d-api, controller: true}]
spec:
  selector: {matchLabels: {app: api, pod-template-hash: 5f79b9c895}}
  template:
    metadata: {labels: {app: api, pod-template-hash: 5f79b9c895}}
    spec:
      volumes: [{name: config, configMap: {name: shared-config}}]
      containers: [{name: api, image: api:1}]
---
apiVersion: v1
kind: Pod
metadata:
  name: api-5f79b9c895-x7k2p
  namespace: bench
  labels: {app: api, pod-template-hash: 5f79b9c895}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-5f79b9c895, uid: rs-api, controller: true}]
spec:
  volumes: [{name: config, configMap: {name: shared-config}}]
  containers: [{name: api, image: api:1}]
---
apiVersion: v1
kind: Pod
metadata:
  name: api-5f79b9c895-brkxc
  namespace: bench
  labels: {app: api, pod-template-hash: 5f79b9c895}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-5f79b9c895, uid: rs-api, controller: true}]
spec:
  volumes: [{name: config, configMap: {name: shared-config}}]
  containers: [{name: api, image: api:1}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: bench}
spec: {selector: {app: api}, ports: [{port: 80}]}
)";

const ObjectKey kConfig{"ConfigMap", "bench", "shared-config"};
const ObjectKey kDeployment{"Deployment", "bench", "api"};
const ObjectKey kReplicaSet{"ReplicaSet", "bench", "api-5f79b9c895"};
const ObjectKey kPod{"Pod", "bench", "api-5f79b9c895-brkxc"};
const ObjectKey kOtherPod{"Pod", "bench", "api-5f79b9c895-x7k2p"};

std::string Paths(const std::vector<Reached>& reached) {
  std::string out;
  for (const Reached& r : reached) absl::StrAppend(&out, RenderPath(r), "\n");
  return out;
}

TEST_CASE("dependency graph: reverse reach from a ConfigMap renders inverse paths") {
  DependencyGraph graph = DependencyGraph::Build(StoreFromYaml(kSharedConfig));
  CHECK(graph.problems().empty());
  CHECK(Paths(graph.Reach({kConfig}, Direction::kReverse)) ==
        "ConfigMap/bench/shared-config\n"
        "ConfigMap/bench/shared-config -mounted-by-> Deployment/bench/api\n"
        "ConfigMap/bench/shared-config -mounted-by-> Pod/bench/api-5f79b9c895-brkxc\n"
        "ConfigMap/bench/shared-config -mounted-by-> Pod/bench/api-5f79b9c895-x7k2p\n"
        "ConfigMap/bench/shared-config -mounted-by-> ReplicaSet/bench/api-5f79b9c895\n"
        "ConfigMap/bench/shared-config -mounted-by-> Deployment/bench/api "
        "-selected-by-> Service/bench/api\n");

  SUBCASE("instance edges only: pods, then their owners") {
    EdgeKindSet kinds = EdgeKindSet::Of({EdgeKind::kMounts, EdgeKind::kOwns});
    std::vector<Reached> reached = graph.Reach({kConfig}, Direction::kReverse,
                                               kUnlimitedDepth, kinds);
    REQUIRE(reached.size() == 5);
    CHECK(reached[2].depth() == 1);
    CHECK(reached[2].seed == kConfig);
    CHECK(Paths(graph.Reach({kPod}, Direction::kReverse, kUnlimitedDepth,
                            EdgeKindSet::Of({EdgeKind::kOwns}))) ==
          "Pod/bench/api-5f79b9c895-brkxc\n"
          "Pod/bench/api-5f79b9c895-brkxc -owned-by-> ReplicaSet/bench/api-5f79b9c895\n"
          "Pod/bench/api-5f79b9c895-brkxc -owned-by-> ReplicaSet/bench/api-5f79b9c895 "
          "-owned-by-> Deployment/bench/api\n");
  }
  SUBCASE("max depth stops the walk") {
    CHECK(graph.Reach({kConfig}, Direction::kReverse, 0).size() == 1);
    CHECK(graph.Reach({kConfig}, Direction::kReverse, 1).size() == 5);
  }
  SUBCASE("forward reach follows owns down and names edges forwards") {
    CHECK(Paths(graph.Reach({kDeployment}, Direction::kForward, kUnlimitedDepth,
                            EdgeKindSet::Of({EdgeKind::kOwns}))) ==
          "Deployment/bench/api\n"
          "Deployment/bench/api -owns-> ReplicaSet/bench/api-5f79b9c895\n"
          "Deployment/bench/api -owns-> ReplicaSet/bench/api-5f79b9c895 "
          "-owns-> Pod/bench/api-5f79b9c895-brkxc\n"
          "Deployment/bench/api -owns-> ReplicaSet/bench/api-5f79b9c895 "
          "-owns-> Pod/bench/api-5f79b9c895-x7k2p\n");
  }
  SUBCASE("seed order does not matter and unknown seeds are skipped") {
    ObjectKey unknown{"ConfigMap", "bench", "nope"};
    CHECK(Paths(graph.Reach({kOtherPod, unknown, kPod}, Direction::kReverse)) ==
          Paths(graph.Reach({kPod, kOtherPod}, Direction::kReverse)));
    std::vector<Reached> reached = graph.Reach({kOtherPod, kPod}, Direction::kReverse, 1);
    REQUIRE(reached.size() == 5);
    CHECK(reached[0].key == kPod);
    CHECK(RenderPath(reached[4]) ==
          "Pod/bench/api-5f79b9c895-brkxc -selected-by-> Service/bench/api");
  }
}

TEST_CASE("dependency graph: direct dependents and dependencies in key order") {
  DependencyGraph graph = DependencyGraph::Build(StoreFromYaml(kSharedConfig));
  CHECK(EdgeLines(graph.Dependents(kConfig)) ==
        "Deployment/bench/api -mounts-> ConfigMap/bench/shared-config  "
        "volume=config  [template]\n"
        "Pod/bench/api-5f79b9c895-brkxc -mounts-> ConfigMap/bench/shared-config  volume=config\n"
        "Pod/bench/api-5f79b9c895-x7k2p -mounts-> ConfigMap/bench/shared-config  volume=config\n"
        "ReplicaSet/bench/api-5f79b9c895 -mounts-> ConfigMap/bench/shared-config  "
        "volume=config  [template]\n");
  CHECK(EdgeLines(graph.Dependencies(kPod)) ==
        "Pod/bench/api-5f79b9c895-brkxc -mounts-> ConfigMap/bench/shared-config  volume=config\n"
        "Pod/bench/api-5f79b9c895-brkxc -runs-as-> ServiceAccount/bench/default  defaulted\n");
  CHECK(EdgeLines(graph.Dependents(kPod)) ==
        "Deployment/bench/api -selects-> Pod/bench/api-5f79b9c895-brkxc  app=api\n"
        "ReplicaSet/bench/api-5f79b9c895 -owns-> Pod/bench/api-5f79b9c895-brkxc  controller\n"
        "ReplicaSet/bench/api-5f79b9c895 -selects-> Pod/bench/api-5f79b9c895-brkxc  "
        "app=api,pod-template-hash=5f79b9c895\n"
        "Service/bench/api -selects-> Pod/bench/api-5f79b9c895-brkxc  app=api\n");
  CHECK(graph.Dependencies(ObjectKey{"Pod", "bench", "nope"}).empty());
}

TEST_CASE("dependency graph: a reference to a missing object is a missing vertex") {
  DependencyGraph graph = DependencyGraph::Build(StoreFromYaml(R"(
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: bench}
spec:
  serviceAccountName: web
  volumes: [{name: cfg, configMap: {name: gone}}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: web, namespace: bench}
)"));
  ObjectKey gone{"ConfigMap", "bench", "gone"};
  REQUIRE(graph.FindNode(gone) != nullptr);
  CHECK(graph.FindNode(gone)->missing);
  CHECK_FALSE(graph.FindNode(ObjectKey{"ServiceAccount", "bench", "web"})->missing);
  CHECK(graph.nodes().size() == 3);
  CHECK(Paths(graph.Reach({gone}, Direction::kReverse)) ==
        "ConfigMap/bench/gone\nConfigMap/bench/gone -mounted-by-> Pod/bench/web-1\n");
}

constexpr const char* kSmall = R"(
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: bench}
spec:
  volumes: [{name: cfg, configMap: {name: cfg}}]
  containers: [{name: web}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: bench}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: bench}
spec:
  template:
    spec:
      volumes: [{name: cfg, configMap: {name: cfg}}]
      containers: [{name: web}]
)";

const std::map<ObjectKey, std::string> kHighlight = {
    {ObjectKey{"Pod", "bench", "web-1"}, "changed"},
    {ObjectKey{"ConfigMap", "bench", "cfg"}, "exposed"}};
const std::map<std::string, std::string> kTierStyles = {
    {"changed", "style=filled, fillcolor=\"#f4cccc\""}};

TEST_CASE("dependency graph: DOT output, highlighted by tier") {
  DependencyGraph graph = DependencyGraph::Build(StoreFromYaml(kSmall));
  CHECK(GraphToDot(graph, kHighlight, kTierStyles) ==
        "digraph kreplay {\n"
        "  rankdir=LR;\n"
        "  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n"
        "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        "  \"ConfigMap/bench/cfg\" [label=\"ConfigMap/bench/cfg\\n(exposed)\", "
        "style=filled, fillcolor=lightgrey];\n"
        "  \"Deployment/bench/web\";\n"
        "  \"Pod/bench/web-1\" [label=\"Pod/bench/web-1\\n(changed)\", "
        "style=filled, fillcolor=\"#f4cccc\"];\n"
        "  \"ServiceAccount/bench/default\" [style=dashed, color=red, fontcolor=red, "
        "tooltip=\"missing\"];\n"
        "  \"Deployment/bench/web\" -> \"ConfigMap/bench/cfg\" [label=\"mounts\", style=dashed];\n"
        "  \"Deployment/bench/web\" -> \"ServiceAccount/bench/default\" "
        "[label=\"runs-as\", style=dashed];\n"
        "  \"Pod/bench/web-1\" -> \"ConfigMap/bench/cfg\" [label=\"mounts\"];\n"
        "  \"Pod/bench/web-1\" -> \"ServiceAccount/bench/default\" [label=\"runs-as\"];\n"
        "}\n");
}

TEST_CASE("dependency graph: text and JSON output") {
  DependencyGraph graph = DependencyGraph::Build(StoreFromYaml(kSmall));
  CHECK(GraphToText(graph) ==
        "ConfigMap/bench/cfg\n"
        "Deployment/bench/web\n"
        "  -mounts-> ConfigMap/bench/cfg  volume=cfg  [template]\n"
        "  -runs-as-> ServiceAccount/bench/default  defaulted  [template]\n"
        "Pod/bench/web-1\n"
        "  -mounts-> ConfigMap/bench/cfg  volume=cfg\n"
        "  -runs-as-> ServiceAccount/bench/default  defaulted\n"
        "ServiceAccount/bench/default  (missing)\n");
  Json json = GraphToJson(graph);
  REQUIRE(json["nodes"].size() == 4);
  REQUIRE(json["edges"].size() == 4);
  CHECK(json["nodes"][3] == Json::parse(R"({"ref": "ServiceAccount/bench/default",
      "kind": "ServiceAccount", "namespace": "bench", "name": "default", "missing": true})"));
  CHECK(json["edges"][0] == Json::parse(R"({"from": "Deployment/bench/web",
      "to": "ConfigMap/bench/cfg", "kind": "mounts", "detail": "volume=cfg", "template": true})"));
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_CASE("dependency graph: DOT output renders with Graphviz") {
  if (!std::filesystem::exists("/usr/bin/dot")) {
    MESSAGE("skipped: /usr/bin/dot (Graphviz) is not installed");
    return;
  }
  DependencyGraph graph = DependencyGraph::Build(StoreFromYaml(kSharedConfig));
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              absl::StrCat("kreplay_graph_test_", getpid());
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "graph.dot")
      << GraphToDot(graph, {{kPod, "changed"}, {kConfig, "latent"}}, kTierStyles);
  std::string command = absl::StrCat("/usr/bin/dot -Tsvg '", (dir / "graph.dot").string(),
                                     "' -o '", (dir / "graph.svg").string(), "' 2>'",
                                     (dir / "stderr").string(), "'");
  CHECK(std::system(command.c_str()) == 0);
  std::string svg = ReadFile(dir / "graph.svg");
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("Pod/bench/api&#45;5f79b9c895&#45;brkxc") != std::string::npos);
  CHECK(ReadFile(dir / "stderr").empty());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kreplay
