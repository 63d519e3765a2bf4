#include "model/type_registry.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

// Columns: kind, group, version, plural, short names, namespaced, then the
// kind's facts where it has any: pod template path (kubectl's
// polymorphichelpers.updatePodSpecForObject), scalable (the scale
// subresource: apps Deployment, ReplicaSet, StatefulSet; core
// ReplicationController is not registered), position in `kubectl get all`
// (the `all` category; kreplay's order), derived bookkeeping.
std::vector<TypeInfo> BuildTable() {
  std::vector<TypeInfo> table = {
      {"ClusterRole", "rbac.authorization.k8s.io", "v1", "clusterroles", {}, false},
      {"ClusterRoleBinding", "rbac.authorization.k8s.io", "v1", "clusterrolebindings", {}, false},
      {"ConfigMap", "", "v1", "configmaps", {"cm"}, true},
      {"CronJob", "batch", "v1", "cronjobs", {"cj"}, true, "spec.jobTemplate.spec.template", false, 8},
      {"DaemonSet", "apps", "v1", "daemonsets", {"ds"}, true, "spec.template", false, 6},
      {"Deployment", "apps", "v1", "deployments", {"deploy"}, true, "spec.template", true, 3},
      {"Endpoints", "", "v1", "endpoints", {"ep"}, true, "", false, 0, true},
      {"EndpointSlice", "discovery.k8s.io", "v1", "endpointslices", {}, true, "", false, 0, true},
      {"Event", "", "v1", "events", {"ev"}, true, "", false, 0, true},
      {"HorizontalPodAutoscaler", "autoscaling", "v2", "horizontalpodautoscalers", {"hpa"}, true, "", false, 9},
      {"Ingress", "networking.k8s.io", "v1", "ingresses", {"ing"}, true},
      {"Job", "batch", "v1", "jobs", {}, true, "spec.template", false, 7},
      {"LimitRange", "", "v1", "limitranges", {"limits"}, true},
      {"Namespace", "", "v1", "namespaces", {"ns"}, false},
      {"NetworkPolicy", "networking.k8s.io", "v1", "networkpolicies", {"netpol"}, true},
      {"Node", "", "v1", "nodes", {"no"}, false},
      {"PersistentVolume", "", "v1", "persistentvolumes", {"pv"}, false},
      {"PersistentVolumeClaim", "", "v1", "persistentvolumeclaims", {"pvc"}, true},
      {"Pod", "", "v1", "pods", {"po"}, true, "", false, 1},
      {"PodDisruptionBudget", "policy", "v1", "poddisruptionbudgets", {"pdb"}, true},
      {"ReplicaSet", "apps", "v1", "replicasets", {"rs"}, true, "spec.template", true, 4},
      {"ResourceQuota", "", "v1", "resourcequotas", {"quota"}, true},
      {"Role", "rbac.authorization.k8s.io", "v1", "roles", {}, true},
      {"RoleBinding", "rbac.authorization.k8s.io", "v1", "rolebindings", {}, true},
      {"Secret", "", "v1", "secrets", {}, true},
      {"Service", "", "v1", "services", {"svc"}, true, "", false, 2},
      {"ServiceAccount", "", "v1", "serviceaccounts", {"sa"}, true},
      {"StatefulSet", "apps", "v1", "statefulsets", {"sts"}, true, "spec.template", true, 5},
      {"StorageClass", "storage.k8s.io", "v1", "storageclasses", {"sc"}, false},
  };
  for (TypeInfo& type : table) {
    if (type.kind == "Pod") {  // a Pod is its own pod template
      type.pod_spec = "spec";
      type.pod_labels = "metadata.labels";
    } else if (type.workload()) {
      type.pod_spec = absl::StrCat(type.pod_template, ".spec");
      type.pod_labels = absl::StrCat(type.pod_template, ".metadata.labels");
    }
  }
  std::sort(table.begin(), table.end(),
            [](const TypeInfo& a, const TypeInfo& b) { return a.kind < b.kind; });
  return table;
}

bool NameMatches(const TypeInfo& type, const std::string& name) {
  if (absl::AsciiStrToLower(type.kind) == name || type.plural == name) return true;
  return std::find(type.short_names.begin(), type.short_names.end(), name) !=
         type.short_names.end();
}

}  // namespace

std::string TypeInfo::ApiVersion() const {
  return group.empty() ? version : absl::StrCat(group, "/", version);
}

const std::vector<TypeInfo>& AllTypes() {
  static const std::vector<TypeInfo>* const kTable =
      new std::vector<TypeInfo>(BuildTable());
  return *kTable;
}

const TypeInfo* LookupType(absl::string_view raw) {
  std::string name = absl::AsciiStrToLower(raw);
  std::string group;
  if (size_t dot = name.find('.'); dot != std::string::npos) {
    group = name.substr(dot + 1);
    name = name.substr(0, dot);
  }
  for (const TypeInfo& type : AllTypes()) {
    if (!group.empty() && type.group != group) continue;
    if (NameMatches(type, name)) return &type;
  }
  return nullptr;
}

const TypeInfo* LookupKind(absl::string_view kind) {
  using Index = absl::flat_hash_map<std::string, const TypeInfo*>;
  static const Index* const kIndex = [] {
    auto* index = new Index();
    for (const TypeInfo& type : AllTypes()) (*index)[type.kind] = &type;
    return index;
  }();
  auto it = kIndex->find(kind);
  return it == kIndex->end() ? nullptr : it->second;
}

const std::vector<std::string>& AllCategoryKinds() {
  static const std::vector<std::string>* const kKinds = [] {
    std::vector<const TypeInfo*> members;
    for (const TypeInfo& type : AllTypes()) {
      if (type.all_order > 0) members.push_back(&type);
    }
    std::sort(members.begin(), members.end(),
              [](const TypeInfo* a, const TypeInfo* b) { return a->all_order < b->all_order; });
    auto* kinds = new std::vector<std::string>();
    for (const TypeInfo* type : members) kinds->push_back(type->kind);
    return kinds;
  }();
  return *kKinds;
}

bool IsWorkloadKind(absl::string_view kind) {
  const TypeInfo* type = LookupKind(kind);
  return type != nullptr && type->workload();
}

bool IsScalableKind(absl::string_view kind) {
  const TypeInfo* type = LookupKind(kind);
  return type != nullptr && type->scalable;
}

bool IsDerivedKind(absl::string_view kind) {
  const TypeInfo* type = LookupKind(kind);
  return type != nullptr && type->derived;
}

bool HasPodSpec(absl::string_view kind) {
  const TypeInfo* type = LookupKind(kind);
  return type != nullptr && !type->pod_spec.empty();
}

}  // namespace kreplay
