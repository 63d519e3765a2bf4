// The vocabulary of dependency-graph edges: one entry per relationship
// between Kubernetes objects, with the name printed when an edge is followed
// forwards (`mounts`) and backwards (`mounted-by`).
//
// An edge A -kind-> B always means "A refers to, owns, selects or routes to
// B": A is exposed to a change of B. docs/graph.md describes each kind and
// what it is built from. Adding a kind is one enumerator and one table row;
// a kind whose edges cross namespaces (other than from a RoleBinding) must
// also widen the step neighbourhood of replay/run/step_blast.cc (docs/graph.md).
#ifndef KREPLAY_MODEL_EDGE_KIND_H_
#define KREPLAY_MODEL_EDGE_KIND_H_

#include <cstdint>
#include <initializer_list>
#include <span>

#include "absl/strings/string_view.h"

namespace kreplay {

enum class EdgeKind : uint8_t {
  kOwns,        // ownerReferences: owner -> dependent
  kSelects,     // label selectors: selector holder -> Pod or pod template
  kMounts,      // volumes: Pod or template -> ConfigMap, Secret, PVC
  kTls,         // Ingress TLS: Ingress -> Secret
  kEnvFrom,     // envFrom: Pod or template -> ConfigMap, Secret
  kEnvKey,      // env[].valueFrom: Pod or template -> ConfigMap, Secret
  kPullSecret,  // imagePullSecrets: Pod or template -> Secret
  kRunsAs,      // serviceAccountName: Pod or template -> ServiceAccount
  kRoutes,      // Ingress backends: Ingress -> Service (or resource)
  kScales,      // HPA scaleTargetRef: HPA -> workload
  kBinds,       // RBAC: binding -> role and ServiceAccount subjects
};

struct EdgeKindInfo {
  EdgeKind kind;
  absl::string_view name;     // `mounts`: rendered when following the edge
  absl::string_view inverse;  // `mounted-by`: rendered when walking back
  absl::string_view summary;  // one line for docs and `--help`
};

// Every edge kind, in enum order.
std::span<const EdgeKindInfo> EdgeKinds();

absl::string_view EdgeKindName(EdgeKind kind);
absl::string_view InverseEdgeKindName(EdgeKind kind);

// A set of edge kinds, used to filter traversals.
class EdgeKindSet {
 public:
  static EdgeKindSet All() { return EdgeKindSet(~uint32_t{0}); }
  static EdgeKindSet None() { return EdgeKindSet(0); }
  static EdgeKindSet Of(std::initializer_list<EdgeKind> kinds);

  bool Contains(EdgeKind kind) const { return bits_ & Bit(kind); }
  EdgeKindSet With(EdgeKind kind) const { return EdgeKindSet(bits_ | Bit(kind)); }

 private:
  explicit EdgeKindSet(uint32_t bits) : bits_(bits) {}
  static uint32_t Bit(EdgeKind kind) {
    return uint32_t{1} << static_cast<uint32_t>(kind);
  }
  uint32_t bits_;
};

}  // namespace kreplay

#endif  // KREPLAY_MODEL_EDGE_KIND_H_
