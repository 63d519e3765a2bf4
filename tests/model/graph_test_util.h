// Helpers shared by the dependency-graph tests: a store from inline YAML
// and one-line renderings of edges that read like the text output.
#ifndef KREPLAY_TESTS_MODEL_GRAPH_TEST_UTIL_H_
#define KREPLAY_TESTS_MODEL_GRAPH_TEST_UTIL_H_

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "absl/strings/str_cat.h"
#include "model/dependency_graph.h"
#include "model/manifest.h"
#include "model/object_store.h"

namespace kreplay {
namespace testing {

inline ObjectStore StoreFromYaml(absl::string_view yaml) {
  absl::StatusOr<std::vector<Json>> objects = ParseManifests(yaml, "test.yaml");
  REQUIRE_MESSAGE(objects.ok(), objects.status().ToString());
  ObjectStore store;
  for (Json& object : *objects) store.Put(std::move(object));
  return store;
}

// `Pod/bench/a -mounts-> ConfigMap/bench/c  volume=c  [template]`
inline std::string EdgeLine(const Edge& edge) {
  std::string out = absl::StrCat(edge.from.ToString(), " -", EdgeKindName(edge.kind),
                                 "-> ", edge.to.ToString());
  if (!edge.detail.empty()) absl::StrAppend(&out, "  ", edge.detail);
  if (edge.template_level) absl::StrAppend(&out, "  [template]");
  return out;
}

// One EdgeLine per line, for the edges of `kind` only.
inline std::string EdgeLines(const std::vector<Edge>& edges, EdgeKind kind) {
  std::string out;
  for (const Edge& edge : edges) {
    if (edge.kind == kind) absl::StrAppend(&out, EdgeLine(edge), "\n");
  }
  return out;
}

inline std::string EdgeLines(const std::vector<Edge>& edges) {
  std::string out;
  for (const Edge& edge : edges) absl::StrAppend(&out, EdgeLine(edge), "\n");
  return out;
}

}  // namespace testing
}  // namespace kreplay

#endif  // KREPLAY_TESTS_MODEL_GRAPH_TEST_UTIL_H_
