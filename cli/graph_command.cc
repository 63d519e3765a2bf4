#include "cli/graph_command.h"

#include <map>
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "cli/exit_status.h"
#include "cli/scenario_input.h"
#include "model/dependency_graph.h"
#include "model/graph_render.h"
#include "model/status_macros.h"
#include "replay/judge/blast_radius.h"
#include "replay/run/replayer.h"
#include "replay/run/scene.h"

namespace kreplay {
namespace {

struct GraphOptions {
  ScenarioOptions scenario;
  std::string output = "text";
};

// The state to draw and the blast radius to mark on it (none at agent start).
struct GraphState {
  Cluster cluster;
  std::vector<BlastMember> radius;
};

// Fill colours by tier, strongest (changed) warmest.
const std::map<std::string, std::string>& TierStyles() {
  static const auto* styles = new std::map<std::string, std::string>{
      {"changed", "style=filled, fillcolor=\"#f4cccc\""},
      {"disrupted", "style=filled, fillcolor=\"#fce5cd\""},
      {"exposed", "style=filled, fillcolor=\"#fff2cc\""},
      {"latent", "style=filled, fillcolor=\"#d9d2e9\""},
  };
  return *styles;
}

absl::StatusOr<GraphState> StateOf(const Scenario& scenario) {
  if (scenario.at == 0) {
    KREPLAY_ASSIGN_OR_RETURN(Cluster start, BuildScene(scenario.fixture));
    return GraphState{std::move(start), {}};
  }
  KREPLAY_ASSIGN_OR_RETURN(
      ReplayResult result,
      Replay(scenario.fixture, scenario.ledger, ChaosAfterLastCall::kSkip));
  return GraphState{std::move(result.end), StepBlastRadius(result.steps.back())};
}

// Each object's strongest tier: the radius lists tiers strongest first.
std::map<ObjectKey, std::string> Highlight(const std::vector<BlastMember>& radius) {
  std::map<ObjectKey, std::string> out;
  for (const BlastMember& m : radius) out.try_emplace(m.key, TierName(m.tier));
  return out;
}

// The member giving each object its strongest tier, by `Kind/ns/name` (how
// the renderings name nodes).
std::map<std::string, const BlastMember*> MarksByRef(const std::vector<BlastMember>& radius) {
  std::map<std::string, const BlastMember*> out;
  for (const BlastMember& m : radius) out.try_emplace(m.key.ToString(), &m);
  return out;
}

Json GraphJson(const DependencyGraph& graph, const GraphState& state, const Scenario& scenario) {
  Json out = GraphToJson(graph);
  std::map<std::string, const BlastMember*> marks = MarksByRef(state.radius);
  for (Json& node : out["nodes"]) {
    auto mark = marks.find(node["ref"].get<std::string>());
    if (mark == marks.end()) continue;
    node["tier"] = TierName(mark->second->tier);
    node["reason"] = mark->second->reason;
    node["path"] = mark->second->path;
  }
  Json radius = Json::array();
  for (const BlastMember& m : state.radius) {
    radius.push_back({{"object", m.key.ToString()}, {"tier", TierName(m.tier)},
                      {"reason", m.reason}, {"path", m.path},
                      {"in_graph", graph.FindNode(m.key) != nullptr}});
  }
  out["schema"] = "kreplay.graph/v1";
  out["fixture"] = scenario.fixture.name;
  out["state"] = scenario.StateName();
  out["blast_radius"] = radius;
  out["problems"] = graph.problems();
  return out;
}

// The object a ToText line opens, or "" for an edge line (indented).
std::string NodeRef(absl::string_view line) {
  if (line.empty() || line.front() == ' ') return "";
  return std::string(line.substr(0, line.find("  ")));
}

// The marked objects the graph no longer holds (deleted by the step).
std::string Gone(const DependencyGraph& graph, const GraphState& state) {
  std::string out;
  for (const BlastMember& m : state.radius) {
    if (graph.FindNode(m.key) != nullptr) continue;
    absl::StrAppend(&out, absl::StrFormat("  %-52s %-10s%s\n", m.key.ToString(),
                                          TierName(m.tier), m.reason));
  }
  return out;
}

// ToText with `  [blast radius: tier]` after each marked node's line.
std::string GraphText(const DependencyGraph& graph, const GraphState& state,
                      const Scenario& scenario) {
  std::map<std::string, const BlastMember*> marks = MarksByRef(state.radius);
  std::string text = GraphToText(graph);
  std::string out;
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
    absl::StrAppend(&out, line);
    auto mark = marks.find(NodeRef(line));
    if (mark != marks.end()) {
      absl::StrAppend(&out, "  [blast radius: ", TierName(mark->second->tier), "]");
    }
    absl::StrAppend(&out, "\n");
  }
  if (std::string gone = Gone(graph, state); !gone.empty()) {
    absl::StrAppend(&out, "\nNOT IN THE GRAPH (gone at ", scenario.StateName(), ")\n", gone);
  }
  for (const std::string& problem : graph.problems()) {
    absl::StrAppend(&out, "problem: ", problem, "\n");
  }
  return out;
}

int Run(const GraphOptions& o, std::ostream& out, std::ostream& err) {
  absl::StatusOr<Scenario> scenario = LoadScenario(o.scenario);
  if (!scenario.ok()) return ReportError(scenario.status(), err);
  absl::StatusOr<GraphState> state = StateOf(*scenario);
  if (!state.ok()) return ReportError(state.status(), err);
  DependencyGraph graph = DependencyGraph::Build(state->cluster.store());
  if (o.output == "dot") {
    out << GraphToDot(graph, Highlight(state->radius), TierStyles());
  } else if (o.output == "json") {
    out << GraphJson(graph, *state, *scenario).dump(2, ' ', /*ensure_ascii=*/false,
               Json::error_handler_t::replace) << "\n";
  } else {
    out << GraphText(graph, *state, *scenario);
  }
  return 0;
}

}  // namespace

CommandRun SetupGraphCommand(CLI::App& sub) {
  auto o = std::make_shared<GraphOptions>();
  AddScenarioOptions(sub, o->scenario);
  sub.add_option("-o,--output", o->output, "Output format")
      ->check(CLI::IsMember({"text", "dot", "json"}));
  return [o](std::ostream& out, std::ostream& err) { return Run(*o, out, err); };
}

}  // namespace kreplay
