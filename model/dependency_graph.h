// The typed dependency graph of a cluster state: one vertex per object of an
// ObjectStore (plus one per referenced object that does not exist, flagged
// missing) and one edge per reference between them (graph_edges.h).
//
// An edge A -kind-> B means A refers to, owns, selects or routes to B, so a
// change of B can reach A: walking edges backwards from a changed object
// (Direction::kReverse) finds what is exposed to the change, and each
// reached object carries the path of edges that reached it first, e.g.
//   ConfigMap/bench/shared-config -mounted-by-> Pod/bench/api-5f79b9c895-brkxc
//     -owned-by-> ReplicaSet/bench/api-5f79b9c895
// The graph is immutable once built and cheap to copy (shared). Everything
// it returns is ordered by ObjectKey, so output is deterministic.
// docs/graph.md describes the edge kinds and what is not modelled.
#ifndef KREPLAY_MODEL_DEPENDENCY_GRAPH_H_
#define KREPLAY_MODEL_DEPENDENCY_GRAPH_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/edge_kind.h"
#include "model/graph_edges.h"
#include "model/json.h"
#include "model/object_key.h"
#include "model/object_store.h"

namespace kreplay {

// kForward follows edges from -> to (what an object uses: its
// dependencies); kReverse walks them to -> from (who uses it: its
// dependents) and renders inverse names (`mounted-by`, `owned-by`).
enum class Direction { kForward, kReverse };

inline constexpr int kUnlimitedDepth = -1;

// One object reached by DependencyGraph::Reach.
struct Reached {
  ObjectKey key;
  ObjectKey seed;           // where the path starts (key itself for a seed)
  Direction direction = Direction::kReverse;
  std::vector<Edge> path;   // edges from seed to key, in walking order

  size_t depth() const { return path.size(); }
};

// `Kind/ns/a -mounted-by-> Kind/ns/b -owned-by-> ...`: the seed, then for each
// edge its name (kForward) or inverse name (kReverse) and the next object.
std::string RenderPath(const Reached& reached);

class DependencyGraph {
 public:
  // Builds the graph of every object in `store`. Never fails; references it
  // had to ignore are listed in problems().
  static DependencyGraph Build(const ObjectStore& store);
  // The graph of the objects of `store` that `keep` accepts; references to
  // the others are missing vertices (graph_edges.h).
  static DependencyGraph Build(const ObjectStore& store, const ObjectFilter& keep);

  // Vertices in key order, including missing ones.
  const std::vector<GraphNode>& nodes() const;
  // Edges ordered by (from, to, kind, detail, template); edge(i) is the
  // i-th. edges() spells all of them out (a copy: for whole-graph output).
  size_t edge_count() const;
  Edge edge(size_t i) const;
  std::vector<Edge> edges() const;
  // `Kind/ns/name: field: why` for each reference that produced no edge.
  const std::vector<std::string>& problems() const;

  // The vertex of `key`, or nullptr when the graph has none.
  const GraphNode* FindNode(const ObjectKey& key) const;

  // Direct edges out of `key` (what it uses), ordered by target key; empty
  // when `key` is not in the graph.
  std::vector<Edge> Dependencies(const ObjectKey& key) const;
  // Direct edges into `key` (who uses it), ordered by source key.
  std::vector<Edge> Dependents(const ObjectKey& key) const;

  // Breadth-first walk from `seeds` in `direction`, at most `max_depth`
  // edges deep (kUnlimitedDepth: no limit), following only edges whose kind
  // is in `kinds`. Returns every reached object once, seeds first (depth 0,
  // empty path), in discovery order; seeds are taken in key order and each
  // object's neighbours are visited in key order, so the path recorded for
  // an object (the one that reached it first) is deterministic. Seeds that
  // are not in the graph are skipped.
  std::vector<Reached> Reach(const std::vector<ObjectKey>& seeds,
                             Direction direction,
                             int max_depth = kUnlimitedDepth,
                             EdgeKindSet kinds = EdgeKindSet::All()) const;

 private:
  struct Impl;
  explicit DependencyGraph(std::shared_ptr<const Impl> impl);

  std::shared_ptr<const Impl> impl_;
};

}  // namespace kreplay

#endif  // KREPLAY_MODEL_DEPENDENCY_GRAPH_H_
