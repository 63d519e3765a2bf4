#include "model/merge_keys.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "model/type_registry.h"

namespace kreplay {
namespace {

// A field whose value is a struct with merge metadata of its own.
FieldMeta Nest(const char* type, const char* field, const char* child) {
  return FieldMeta{type, field, child};
}

// A struct compared and owned as a whole under server-side apply.
FieldMeta AtomicStruct(const char* type, const char* field) {
  FieldMeta meta{type, field, ""};
  meta.atomic_struct = true;
  return meta;
}

// A list of structs merged by `key` (patchStrategy=merge), a list map keyed
// by `ssa_keys` under server-side apply.
FieldMeta Keyed(const char* type, const char* field, const char* child,
                const char* key, std::vector<std::string> ssa_keys) {
  FieldMeta meta{type, field, child, /*merge=*/true};
  meta.merge_key = key;
  meta.list_type = ListType::kMap;
  meta.list_map_keys = std::move(ssa_keys);
  return meta;
}

FieldMeta KeyedRetain(const char* type, const char* field, const char* child,
                      const char* key) {
  FieldMeta meta = Keyed(type, field, child, key, {key});
  meta.retain_keys = true;
  return meta;
}

// patchStrategy=merge by `key` for SMP, but x-kubernetes-list-type=atomic.
FieldMeta KeyedAtomic(const char* type, const char* field, const char* child,
                      const char* key) {
  FieldMeta meta = Keyed(type, field, child, key, {});
  meta.list_type = ListType::kAtomic;
  return meta;
}

// A list of scalars merged as a set.
FieldMeta PrimitiveSet(const char* type, const char* field) {
  FieldMeta meta{type, field, "", /*merge=*/true};
  meta.list_type = ListType::kSet;
  return meta;
}

FieldMeta Conditions(const char* type) {
  return Keyed(type, "conditions", "", "type", {"type"});
}

std::vector<FieldMeta> BuildTable() {
  return {
      // meta/v1
      PrimitiveSet("ObjectMeta", "finalizers"),
      Keyed("ObjectMeta", "ownerReferences", "", "uid", {"uid"}),
      // Workloads and their templates.
      Nest("Deployment", "spec", "DeploymentSpec"),
      Nest("Deployment", "status", "DeploymentStatus"),
      Nest("DeploymentSpec", "template", "PodTemplateSpec"),
      [] {
        FieldMeta meta = Nest("DeploymentSpec", "strategy", "DeploymentStrategy");
        meta.retain_keys = true;
        return meta;
      }(),
      AtomicStruct("DeploymentSpec", "selector"),
      Conditions("DeploymentStatus"),
      Nest("ReplicaSet", "spec", "ReplicaSetSpec"),
      Nest("ReplicaSet", "status", "ReplicaSetStatus"),
      Nest("ReplicaSetSpec", "template", "PodTemplateSpec"),
      AtomicStruct("ReplicaSetSpec", "selector"),
      Conditions("ReplicaSetStatus"),
      Nest("StatefulSet", "spec", "StatefulSetSpec"),
      Nest("StatefulSet", "status", "StatefulSetStatus"),
      Nest("StatefulSetSpec", "template", "PodTemplateSpec"),
      AtomicStruct("StatefulSetSpec", "selector"),
      Conditions("StatefulSetStatus"),
      Nest("DaemonSet", "spec", "DaemonSetSpec"),
      Nest("DaemonSet", "status", "DaemonSetStatus"),
      Nest("DaemonSetSpec", "template", "PodTemplateSpec"),
      AtomicStruct("DaemonSetSpec", "selector"),
      Conditions("DaemonSetStatus"),
      Nest("Job", "spec", "JobSpec"),
      Nest("Job", "status", "JobStatus"),
      Nest("JobSpec", "template", "PodTemplateSpec"),
      AtomicStruct("JobSpec", "selector"),
      KeyedAtomic("JobStatus", "conditions", "", "type"),
      Nest("CronJob", "spec", "CronJobSpec"),
      Nest("CronJobSpec", "jobTemplate", "JobTemplateSpec"),
      Nest("JobTemplateSpec", "spec", "JobSpec"),
      Nest("PodTemplateSpec", "spec", "PodSpec"),
      // core/v1 Pod
      Nest("Pod", "spec", "PodSpec"),
      Nest("Pod", "status", "PodStatus"),
      Keyed("PodSpec", "containers", "Container", "name", {"name"}),
      Keyed("PodSpec", "initContainers", "Container", "name", {"name"}),
      Keyed("PodSpec", "ephemeralContainers", "Container", "name", {"name"}),
      KeyedRetain("PodSpec", "volumes", "Volume", "name"),
      Keyed("PodSpec", "imagePullSecrets", "", "name", {"name"}),
      Keyed("PodSpec", "hostAliases", "", "ip", {"ip"}),
      Keyed("PodSpec", "topologySpreadConstraints", "", "topologyKey",
            {"topologyKey", "whenUnsatisfiable"}),
      Keyed("PodSpec", "schedulingGates", "", "name", {"name"}),
      KeyedRetain("PodSpec", "resourceClaims", "", "name"),
      Keyed("Container", "ports", "", "containerPort",
            {"containerPort", "protocol"}),
      Keyed("Container", "env", "", "name", {"name"}),
      Keyed("Container", "volumeMounts", "", "mountPath", {"mountPath"}),
      Keyed("Container", "volumeDevices", "", "devicePath", {"devicePath"}),
      Conditions("PodStatus"),
      Keyed("PodStatus", "podIPs", "", "ip", {"ip"}),
      KeyedAtomic("PodStatus", "hostIPs", "", "ip"),
      KeyedRetain("PodStatus", "resourceClaimStatuses", "", "name"),
      // core/v1 others
      Nest("Service", "spec", "ServiceSpec"),
      Nest("Service", "status", "ServiceStatus"),
      Keyed("ServiceSpec", "ports", "", "port", {"port", "protocol"}),
      AtomicStruct("ServiceSpec", "selector"),
      Conditions("ServiceStatus"),
      Keyed("ServiceAccount", "secrets", "", "name", {"name"}),
      Nest("Node", "spec", "NodeSpec"),
      Nest("Node", "status", "NodeStatus"),
      PrimitiveSet("NodeSpec", "podCIDRs"),
      Conditions("NodeStatus"),
      Keyed("NodeStatus", "addresses", "", "type", {"type"}),
      Nest("Namespace", "status", "NamespaceStatus"),
      Conditions("NamespaceStatus"),
      Nest("PersistentVolumeClaim", "status", "PersistentVolumeClaimStatus"),
      Conditions("PersistentVolumeClaimStatus"),
      Nest("HorizontalPodAutoscaler", "status", "HorizontalPodAutoscalerStatus"),
      Conditions("HorizontalPodAutoscalerStatus"),
      Nest("PodDisruptionBudget", "spec", "PodDisruptionBudgetSpec"),
      Nest("PodDisruptionBudget", "status", "PodDisruptionBudgetStatus"),
      AtomicStruct("PodDisruptionBudgetSpec", "selector"),
      Conditions("PodDisruptionBudgetStatus"),
  };
}

using Index = absl::flat_hash_map<std::string, const FieldMeta*>;

const Index& FieldIndex() {
  static const std::vector<FieldMeta>* const kTable =
      new std::vector<FieldMeta>(BuildTable());
  static const Index* const kIndex = [] {
    auto* index = new Index();
    for (const FieldMeta& meta : *kTable) {
      (*index)[absl::StrCat(meta.type, ".", meta.field)] = &meta;
    }
    return index;
  }();
  return *kIndex;
}

// Every top-level kind and every template carries an ObjectMeta.
const FieldMeta kObjectMeta{"", "metadata", "ObjectMeta"};

absl::string_view GroupOf(absl::string_view api_version) {
  size_t slash = api_version.find('/');
  return slash == absl::string_view::npos ? "" : api_version.substr(0, slash);
}

}  // namespace

std::string RootSchemaType(absl::string_view kind,
                           absl::string_view api_version) {
  const TypeInfo* type = LookupKind(kind);
  if (type == nullptr) return "";  // a custom resource
  if (GroupOf(api_version) != type->group) return "";
  return type->kind;
}

std::string RootSchemaTypeOf(const Json& object) {
  return RootSchemaType(GetString(object, "kind"),
                        GetString(object, "apiVersion"));
}

const FieldMeta* LookupField(absl::string_view type, absl::string_view field) {
  if (type.empty()) return nullptr;
  const Index& index = FieldIndex();
  auto it = index.find(absl::StrCat(type, ".", field));
  if (it != index.end()) return it->second;
  return field == "metadata" ? &kObjectMeta : nullptr;
}

Json ListMapKeyDefault(absl::string_view key) {
  return key == "protocol" ? Json("TCP") : Json();
}

}  // namespace kreplay
