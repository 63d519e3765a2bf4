// What an edge extractor writes to: the sink of one object's edges, and a
// JSON helper the extractors share. Internal to the graph builder
// (graph_edges.cc, pod_spec_edges.cc).
#ifndef KREPLAY_MODEL_EDGE_SINK_H_
#define KREPLAY_MODEL_EDGE_SINK_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "model/edge_kind.h"
#include "model/json.h"
#include "model/object_key.h"

namespace kreplay {

class EdgeCollector;  // graph_edges.cc: numbers vertices, holds the edges

class EdgeSink {
 public:
  EdgeSink(EdgeCollector* collector, uint32_t from, bool template_level)
      : collector_(collector), from_(from), template_level_(template_level) {}

  // Adds from() -kind-> to; `to` need not exist (it becomes missing).
  void Add(EdgeKind kind, const ObjectKey& to, std::string detail = "");
  // Adds from() -kind-> the object with vertex number `to`.
  void AddTo(EdgeKind kind, uint32_t to, std::string detail);
  // Adds owner -kind-> from() (ownerReferences are stored on the dependent).
  void AddIncoming(EdgeKind kind, const ObjectKey& owner, std::string detail);
  // Records an ignored reference: `<from>: <message>`.
  void Problem(absl::string_view message);

  // A sink for the same object whose edges are template-level.
  EdgeSink Template() const { return EdgeSink(collector_, from_, true); }
  const ObjectKey& from() const;

 private:
  EdgeCollector* collector_;
  uint32_t from_;
  bool template_level_;
};

// Calls `fn(item)` for each object in the array at `path` of `root`; does
// nothing when the field is absent or not an array.
template <typename Fn>
void ForEachObjectIn(const Json& root, absl::string_view path, Fn fn) {
  const Json* items = Find(root, path);
  if (items == nullptr || !items->is_array()) return;
  for (const Json& item : *items) {
    if (item.is_object()) fn(item);
  }
}

}  // namespace kreplay

#endif  // KREPLAY_MODEL_EDGE_SINK_H_
