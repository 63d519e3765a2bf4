#include "model/type_registry.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

// kind, group, version, plural, short names, namespaced.
std::vector<TypeInfo> BuildTable() {
  std::vector<TypeInfo> table = {
      {"ClusterRole", "rbac.authorization.k8s.io", "v1", "clusterroles", {}, false},
      {"ClusterRoleBinding", "rbac.authorization.k8s.io", "v1", "clusterrolebindings", {}, false},
      {"ConfigMap", "", "v1", "configmaps", {"cm"}, true},
      {"CronJob", "batch", "v1", "cronjobs", {"cj"}, true},
      {"DaemonSet", "apps", "v1", "daemonsets", {"ds"}, true},
      {"Deployment", "apps", "v1", "deployments", {"deploy"}, true},
      {"Endpoints", "", "v1", "endpoints", {"ep"}, true},
      {"EndpointSlice", "discovery.k8s.io", "v1", "endpointslices", {}, true},
      {"Event", "", "v1", "events", {"ev"}, true},
      {"HorizontalPodAutoscaler", "autoscaling", "v2", "horizontalpodautoscalers", {"hpa"}, true},
      {"Ingress", "networking.k8s.io", "v1", "ingresses", {"ing"}, true},
      {"Job", "batch", "v1", "jobs", {}, true},
      {"LimitRange", "", "v1", "limitranges", {"limits"}, true},
      {"Namespace", "", "v1", "namespaces", {"ns"}, false},
      {"NetworkPolicy", "networking.k8s.io", "v1", "networkpolicies", {"netpol"}, true},
      {"Node", "", "v1", "nodes", {"no"}, false},
      {"PersistentVolume", "", "v1", "persistentvolumes", {"pv"}, false},
      {"PersistentVolumeClaim", "", "v1", "persistentvolumeclaims", {"pvc"}, true},
      {"Pod", "", "v1", "pods", {"po"}, true},
      {"PodDisruptionBudget", "policy", "v1", "poddisruptionbudgets", {"pdb"}, true},
      {"ReplicaSet", "apps", "v1", "replicasets", {"rs"}, true},
      {"ResourceQuota", "", "v1", "resourcequotas", {"quota"}, true},
      {"Role", "rbac.authorization.k8s.io", "v1", "roles", {}, true},
      {"RoleBinding", "rbac.authorization.k8s.io", "v1", "rolebindings", {}, true},
      {"Secret", "", "v1", "secrets", {}, true},
      {"Service", "", "v1", "services", {"svc"}, true},
      {"ServiceAccount", "", "v1", "serviceaccounts", {"sa"}, true},
      {"StatefulSet", "apps", "v1", "statefulsets", {"sts"}, true},
      {"StorageClass", "storage.k8s.io", "v1", "storageclasses", {"sc"}, false},
  };
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
  for (const TypeInfo& type : AllTypes()) {
    if (type.kind == kind) return &type;
  }
  return nullptr;
}

}  // namespace kreplay
