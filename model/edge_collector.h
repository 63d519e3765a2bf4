// Collects the edges extractors report and numbers the vertices they name:
// the objects of the store first, 0..n-1 in key order, then referenced
// objects that do not exist, numbered as met and renumbered into key order
// when the collection is finished. Internal to the graph builder.
#ifndef KREPLAY_MODEL_EDGE_COLLECTOR_H_
#define KREPLAY_MODEL_EDGE_COLLECTOR_H_

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "model/graph_edges.h"
#include "model/object_key.h"
#include "model/object_store.h"

namespace kreplay {

class EdgeCollector {
 public:
  // Numbers the objects of `store` that `keep` accepts (all when empty)
  // 0..n-1 in key order.
  EdgeCollector(const ObjectStore& store, const ObjectFilter& keep);

  // The number of `key`, numbering it as a missing vertex when new.
  uint32_t Intern(const ObjectKey& key);
  // REQUIRES: `v` was returned by Intern or is below the store's size.
  // The reference stays valid while the collector lives.
  const ObjectKey& key(uint32_t v) const { return keys_[v]; }

  void AddEdge(EdgeRecord edge) { edges_.push_back(std::move(edge)); }
  void AddProblem(std::string problem) { problems_.push_back(std::move(problem)); }

  // Renumbers every vertex into key order and sorts the edges.
  ExtractedGraph Finish() &&;

 private:
  std::vector<uint32_t> FinalNumbers() const;

  std::deque<ObjectKey> keys_;  // a deque: key() references survive Intern
  size_t present_ = 0;          // vertices below this are store objects
  absl::flat_hash_map<ObjectKey, uint32_t> numbers_;
  std::vector<EdgeRecord> edges_;
  std::vector<std::string> problems_;
};

}  // namespace kreplay

#endif  // KREPLAY_MODEL_EDGE_COLLECTOR_H_
