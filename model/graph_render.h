// The three renderings of a DependencyGraph: Graphviz DOT (for `dot -Tsvg`),
// JSON and indented text, each deterministic (nodes in key order, edges in
// insertion order).
#ifndef KREPLAY_MODEL_GRAPH_RENDER_H_
#define KREPLAY_MODEL_GRAPH_RENDER_H_

#include <map>
#include <string>

#include "model/dependency_graph.h"
#include "model/json.h"
#include "model/object_key.h"

namespace kreplay {

// Graphviz digraph: nodes (ids quoted `Kind/ns/name`) in key order, then
// edges labelled with their kind. Missing nodes are dashed red, template
// edges dashed. A node in `highlight` is labelled with its tier and drawn
// with `tier_styles[tier]` (DOT attributes such as
// `style=filled, fillcolor="#f4cccc"`), or filled grey when the tier has
// no style.
std::string GraphToDot(const DependencyGraph& graph,
                       const std::map<ObjectKey, std::string>& highlight = {},
                       const std::map<std::string, std::string>& tier_styles = {});

// {"nodes":[{ref, kind, namespace, name, missing}],
//  "edges":[{from, to, kind, detail, template}]}
Json GraphToJson(const DependencyGraph& graph);

// One line per object, followed by its outgoing edges indented:
//   Deployment/bench/web
//     -mounts-> ConfigMap/bench/shared-config  volume=config  [template]
std::string GraphToText(const DependencyGraph& graph);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_GRAPH_RENDER_H_
