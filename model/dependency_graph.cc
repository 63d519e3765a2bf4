#include "model/dependency_graph.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include <boost/graph/adjacency_list.hpp>

#include "absl/strings/str_cat.h"

namespace kreplay {

// Vertices are indices into `extracted.nodes` (vecS, never removed); each
// Boost edge carries its index into `extracted.edges`. Edges are added in
// sorted order, so every vertex's out-edges are ordered by target key and
// its in-edges by source key: walking them in storage order visits
// neighbours in key order.
struct DependencyGraph::Impl {
  struct EdgeIndex {
    uint32_t index = 0;
  };
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS,
                                      boost::bidirectionalS, boost::no_property,
                                      EdgeIndex>;

  explicit Impl(ExtractedGraph from_store)
      : extracted(std::move(from_store)), graph(extracted.nodes.size()) {
    for (uint32_t e = 0; e < extracted.edges.size(); ++e) {
      const EdgeRecord& edge = extracted.edges[e];
      boost::add_edge(edge.from, edge.to, EdgeIndex{e}, graph);
    }
  }

  ExtractedGraph extracted;
  Graph graph;

  const uint32_t* VertexOf(const ObjectKey& key) const {
    auto it = extracted.vertex_of.find(key);
    return it == extracted.vertex_of.end() ? nullptr : &it->second;
  }

  // Calls fn(edge index, neighbour vertex) for each edge of `v` in
  // `direction`, in key order of the neighbour.
  template <typename Fn>
  void ForEachNeighbour(uint32_t v, Direction direction, Fn fn) const {
    if (direction == Direction::kForward) {
      for (auto [it, end] = boost::out_edges(v, graph); it != end; ++it) {
        fn(graph[*it].index, static_cast<uint32_t>(boost::target(*it, graph)));
      }
    } else {
      for (auto [it, end] = boost::in_edges(v, graph); it != end; ++it) {
        fn(graph[*it].index, static_cast<uint32_t>(boost::source(*it, graph)));
      }
    }
  }

  // How the walk first reached a vertex.
  struct Visit {
    static constexpr int64_t kUnseen = -2;
    static constexpr int64_t kSeed = -1;
    int64_t edge = kUnseen;  // index into `edges`, or kSeed
    uint32_t previous = 0;   // the vertex the edge was walked from
    int depth = 0;
  };

  std::vector<uint32_t> SeedVertices(std::vector<ObjectKey> seeds) const;
  std::vector<uint32_t> Walk(std::vector<ObjectKey> seeds, Direction direction,
                             int max_depth, EdgeKindSet kinds,
                             std::vector<Visit>* visits) const;
  Reached PathTo(uint32_t v, Direction direction,
                 const std::vector<Visit>& visits) const;
};

DependencyGraph::DependencyGraph(std::shared_ptr<const Impl> impl)
    : impl_(std::move(impl)) {}

DependencyGraph DependencyGraph::Build(const ObjectStore& store) { return Build(store, {}); }

DependencyGraph DependencyGraph::Build(const ObjectStore& store, const ObjectFilter& keep) {
  return DependencyGraph(std::make_shared<const Impl>(ExtractGraph(store, keep)));
}

const std::vector<GraphNode>& DependencyGraph::nodes() const {
  return impl_->extracted.nodes;
}

size_t DependencyGraph::edge_count() const { return impl_->extracted.edges.size(); }

Edge DependencyGraph::edge(size_t i) const { return impl_->extracted.EdgeAt(i); }

std::vector<Edge> DependencyGraph::edges() const {
  std::vector<Edge> out;
  out.reserve(edge_count());
  for (size_t i = 0; i < edge_count(); ++i) out.push_back(edge(i));
  return out;
}

const std::vector<std::string>& DependencyGraph::problems() const {
  return impl_->extracted.problems;
}

const GraphNode* DependencyGraph::FindNode(const ObjectKey& key) const {
  const uint32_t* v = impl_->VertexOf(key);
  return v == nullptr ? nullptr : &impl_->extracted.nodes[*v];
}

std::vector<Edge> DependencyGraph::Dependencies(const ObjectKey& key) const {
  std::vector<Edge> out;
  if (const uint32_t* v = impl_->VertexOf(key)) {
    impl_->ForEachNeighbour(*v, Direction::kForward,
                            [&](uint32_t e, uint32_t) { out.push_back(impl_->extracted.EdgeAt(e)); });
  }
  return out;
}

std::vector<Edge> DependencyGraph::Dependents(const ObjectKey& key) const {
  std::vector<Edge> out;
  if (const uint32_t* v = impl_->VertexOf(key)) {
    impl_->ForEachNeighbour(*v, Direction::kReverse,
                            [&](uint32_t e, uint32_t) { out.push_back(impl_->extracted.EdgeAt(e)); });
  }
  return out;
}

std::vector<uint32_t> DependencyGraph::Impl::SeedVertices(
    std::vector<ObjectKey> seeds) const {
  std::sort(seeds.begin(), seeds.end());
  seeds.erase(std::unique(seeds.begin(), seeds.end()), seeds.end());
  std::vector<uint32_t> out;
  for (const ObjectKey& seed : seeds) {
    if (const uint32_t* v = VertexOf(seed)) out.push_back(*v);
  }
  return out;
}

// A hand-written BFS rather than boost::breadth_first_search: the walk
// stops at max_depth and skips filtered edge kinds edge by edge, which a
// Boost visitor cannot prune. The discovery order doubles as the queue.
std::vector<uint32_t> DependencyGraph::Impl::Walk(
    std::vector<ObjectKey> seeds, Direction direction, int max_depth,
    EdgeKindSet kinds, std::vector<Visit>* visits) const {
  visits->assign(extracted.nodes.size(), Visit{});
  std::vector<uint32_t> order = SeedVertices(std::move(seeds));
  for (uint32_t v : order) (*visits)[v].edge = Visit::kSeed;
  for (size_t head = 0; head < order.size(); ++head) {
    uint32_t v = order[head];
    int depth = (*visits)[v].depth;
    if (max_depth != kUnlimitedDepth && depth >= max_depth) continue;
    ForEachNeighbour(v, direction, [&](uint32_t e, uint32_t next) {
      Visit& visit = (*visits)[next];
      if (visit.edge != Visit::kUnseen || !kinds.Contains(extracted.edges[e].kind)) return;
      visit = Visit{e, v, depth + 1};
      order.push_back(next);
    });
  }
  return order;
}

Reached DependencyGraph::Impl::PathTo(uint32_t v, Direction direction,
                                      const std::vector<Visit>& visits) const {
  Reached reached{extracted.nodes[v].key, {}, direction, {}};
  reached.path.resize(visits[v].depth);
  uint32_t at = v;
  for (size_t i = reached.path.size(); i-- > 0;) {
    reached.path[i] = extracted.EdgeAt(visits[at].edge);
    at = visits[at].previous;
  }
  reached.seed = extracted.nodes[at].key;
  return reached;
}

std::vector<Reached> DependencyGraph::Reach(const std::vector<ObjectKey>& seeds,
                                            Direction direction, int max_depth,
                                            EdgeKindSet kinds) const {
  std::vector<Impl::Visit> visits;
  std::vector<uint32_t> order =
      impl_->Walk(seeds, direction, max_depth, kinds, &visits);
  std::vector<Reached> out;
  out.reserve(order.size());
  for (uint32_t v : order) out.push_back(impl_->PathTo(v, direction, visits));
  return out;
}

std::string RenderPath(const Reached& reached) {
  std::string out = reached.seed.ToString();
  bool forward = reached.direction == Direction::kForward;
  for (const Edge& edge : reached.path) {
    absl::StrAppend(&out, " -",
                    forward ? EdgeKindName(edge.kind) : InverseEdgeKindName(edge.kind),
                    "-> ", (forward ? edge.to : edge.from).ToString());
  }
  return out;
}

}  // namespace kreplay
