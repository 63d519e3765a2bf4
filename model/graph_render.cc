// The three renderings of a DependencyGraph: Graphviz DOT, JSON and text.
// DOT is written by hand rather than with boost::write_graphviz so that
// every id is quoted and escaped the same way and the layout is stable
// (Boost leaves ids bare when they look like identifiers and does not
// escape backslashes).
#include "model/graph_render.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"

namespace kreplay {
namespace {

std::string DotEscape(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"\\", "\\\\"}, {"\"", "\\\""}});
}

std::string DotId(const ObjectKey& key) {
  return absl::StrCat("\"", DotEscape(key.ToString()), "\"");
}

constexpr absl::string_view kMissingStyle =
    "style=dashed, color=red, fontcolor=red, tooltip=\"missing\"";
constexpr absl::string_view kDefaultTierStyle = "style=filled, fillcolor=lightgrey";

std::string NodeAttributes(const GraphNode& node,
                           const std::map<ObjectKey, std::string>& highlight,
                           const std::map<std::string, std::string>& tier_styles) {
  std::vector<std::string> attributes;
  if (node.missing) attributes.emplace_back(kMissingStyle);
  if (auto tier = highlight.find(node.key); tier != highlight.end()) {
    attributes.push_back(absl::StrCat("label=\"", DotEscape(node.key.ToString()),
                                      "\\n(", DotEscape(tier->second), ")\""));
    auto style = tier_styles.find(tier->second);
    attributes.push_back(style == tier_styles.end() ? std::string(kDefaultTierStyle)
                                                    : style->second);
  }
  if (attributes.empty()) return "";
  return absl::StrCat(" [", absl::StrJoin(attributes, ", "), "]");
}

std::string EdgeText(const Edge& edge) {
  std::string out = absl::StrCat("  -", EdgeKindName(edge.kind), "-> ",
                                 edge.to.ToString());
  if (!edge.detail.empty()) absl::StrAppend(&out, "  ", edge.detail);
  if (edge.template_level) absl::StrAppend(&out, "  [template]");
  return absl::StrCat(out, "\n");
}

}  // namespace

std::string GraphToDot(const DependencyGraph& graph,
                       const std::map<ObjectKey, std::string>& highlight,
                       const std::map<std::string, std::string>& tier_styles) {
  std::string out =
      "digraph kreplay {\n"
      "  rankdir=LR;\n"
      "  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  for (const GraphNode& node : graph.nodes()) {
    absl::StrAppend(&out, "  ", DotId(node.key),
                    NodeAttributes(node, highlight, tier_styles), ";\n");
  }
  for (size_t i = 0; i < graph.edge_count(); ++i) {
    Edge edge = graph.edge(i);
    absl::StrAppend(&out, "  ", DotId(edge.from), " -> ", DotId(edge.to),
                    " [label=\"", EdgeKindName(edge.kind), "\"",
                    edge.template_level ? ", style=dashed" : "", "];\n");
  }
  return absl::StrCat(out, "}\n");
}

Json GraphToJson(const DependencyGraph& graph) {
  Json out = {{"nodes", Json::array()}, {"edges", Json::array()}};
  for (const GraphNode& node : graph.nodes()) {
    out["nodes"].push_back({{"ref", node.key.ToString()},
                            {"kind", node.key.kind},
                            {"namespace", node.key.ns},
                            {"name", node.key.name},
                            {"missing", node.missing}});
  }
  for (size_t i = 0; i < graph.edge_count(); ++i) {
    Edge edge = graph.edge(i);
    out["edges"].push_back({{"from", edge.from.ToString()},
                            {"to", edge.to.ToString()},
                            {"kind", std::string(EdgeKindName(edge.kind))},
                            {"detail", edge.detail},
                            {"template", edge.template_level}});
  }
  return out;
}

std::string GraphToText(const DependencyGraph& graph) {
  std::string out;
  for (const GraphNode& node : graph.nodes()) {
    absl::StrAppend(&out, node.key.ToString(), node.missing ? "  (missing)" : "", "\n");
    for (const Edge& edge : graph.Dependencies(node.key)) absl::StrAppend(&out, EdgeText(edge));
  }
  return out;
}

}  // namespace kreplay
