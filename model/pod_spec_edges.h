// What a pod spec uses, as dependency-graph edges: one extractor per
// relationship, in a table. Internal to the graph builder (graph_edges.cc).
#ifndef KREPLAY_MODEL_POD_SPEC_EDGES_H_
#define KREPLAY_MODEL_POD_SPEC_EDGES_H_

#include "model/edge_sink.h"
#include "model/json.h"

namespace kreplay {

// The edges of one pod spec (`spec` of a Pod, `spec.template.spec` of a
// workload): volumes, envFrom, env valueFrom, imagePullSecrets and the
// service account, to objects in the namespace of sink->from().
void ExtractPodSpecEdges(const Json& pod_spec, EdgeSink* sink);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_POD_SPEC_EDGES_H_
