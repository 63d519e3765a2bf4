// Edge extraction: reads every object of a store and lists the typed
// references between objects that make up the dependency graph.
//
// Each relationship has one extractor in a table (graph_edges.cc for
// object-level relationships, pod_spec_edges.cc for what a pod spec uses).
// Pod-spec edges are read from Pods (instance level) and from the pod
// templates of Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs and
// CronJobs (template level), so the graph holds before any Pod exists.
// References to objects that are not in the store are kept: they become
// missing vertices. docs/graph.md lists what is modelled.
//
// Extraction works on vertex numbers (an object's rank in key order) so
// that sorting 300,000 edges compares integers, not names; Edge, with the
// keys spelled out, is what queries hand back.
#ifndef KREPLAY_MODEL_GRAPH_EDGES_H_
#define KREPLAY_MODEL_GRAPH_EDGES_H_

#include <compare>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "model/edge_kind.h"
#include "model/object_key.h"
#include "model/object_store.h"

namespace kreplay {

struct Edge {
  ObjectKey from;
  ObjectKey to;
  EdgeKind kind = EdgeKind::kOwns;
  std::string detail;           // `volume=config`, `container=app env=X key=y`
  bool template_level = false;  // read from a pod template, not a live object

  friend auto operator<=>(const Edge&, const Edge&) = default;
};

struct GraphNode {
  ObjectKey key;
  bool missing = false;  // referenced by an edge but not in the store

  friend bool operator==(const GraphNode&, const GraphNode&) = default;
};

// An edge between vertex numbers (indices into ExtractedGraph::nodes).
// Ordered as Edge is, because vertex numbers follow key order.
struct EdgeRecord {
  uint32_t from = 0;
  uint32_t to = 0;
  EdgeKind kind = EdgeKind::kOwns;
  std::string detail;
  bool template_level = false;

  friend auto operator<=>(const EdgeRecord&, const EdgeRecord&) = default;
};

struct ExtractedGraph {
  std::vector<GraphNode> nodes;               // key order, missing included
  std::vector<EdgeRecord> edges;              // sorted, without duplicates
  absl::flat_hash_map<ObjectKey, uint32_t> vertex_of;  // key -> index in nodes
  std::vector<std::string> problems;          // references ignored, and why

  Edge EdgeAt(size_t i) const;
};

// Which objects of a store a graph is built over (all, when empty).
using ObjectFilter = std::function<bool(const ObjectKey&)>;

// The vertices and edges of the objects of `store` that `keep` accepts
// (every object when `keep` is empty); a reference to an object left out
// becomes a missing vertex. Never fails: a malformed reference (a selector
// with an unknown operator, a cross-namespace owner) produces no edge and
// one line in `problems`: `Kind/ns/name: field: why`.
ExtractedGraph ExtractGraph(const ObjectStore& store, const ObjectFilter& keep = {});

}  // namespace kreplay

#endif  // KREPLAY_MODEL_GRAPH_EDGES_H_
