#include "model/edge_kind.h"

namespace kreplay {
namespace {

constexpr EdgeKindInfo kEdgeKinds[] = {
    {EdgeKind::kOwns, "owns", "owned-by",
     "ownerReferences, resolved by uid (owner -> dependent)"},
    {EdgeKind::kSelects, "selects", "selected-by",
     "label selector of a Service, PDB, NetworkPolicy or workload"},
    {EdgeKind::kMounts, "mounts", "mounted-by",
     "volume from a ConfigMap, Secret (also projected) or PVC"},
    {EdgeKind::kTls, "tls", "tls-of", "Ingress spec.tls[].secretName"},
    {EdgeKind::kEnvFrom, "env-from", "env-from-of",
     "container envFrom configMapRef / secretRef"},
    {EdgeKind::kEnvKey, "env-key", "env-key-of",
     "container env[].valueFrom configMapKeyRef / secretKeyRef"},
    {EdgeKind::kPullSecret, "pull-secret", "pull-secret-of",
     "imagePullSecrets"},
    {EdgeKind::kRunsAs, "runs-as", "identity-of",
     "serviceAccountName (default \"default\")"},
    {EdgeKind::kRoutes, "routes", "routed-by",
     "Ingress rule and default backends"},
    {EdgeKind::kScales, "scales", "scaled-by",
     "HorizontalPodAutoscaler scaleTargetRef"},
    {EdgeKind::kBinds, "binds", "bound-by",
     "RoleBinding / ClusterRoleBinding roleRef and ServiceAccount subjects"},
};

const EdgeKindInfo& InfoOf(EdgeKind kind) {
  return kEdgeKinds[static_cast<size_t>(kind)];
}

}  // namespace

std::span<const EdgeKindInfo> EdgeKinds() { return kEdgeKinds; }

absl::string_view EdgeKindName(EdgeKind kind) { return InfoOf(kind).name; }

absl::string_view InverseEdgeKindName(EdgeKind kind) {
  return InfoOf(kind).inverse;
}

EdgeKindSet EdgeKindSet::Of(std::initializer_list<EdgeKind> kinds) {
  EdgeKindSet out = None();
  for (EdgeKind kind : kinds) out = out.With(kind);
  return out;
}

}  // namespace kreplay
