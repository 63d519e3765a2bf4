#include "sim/defaults.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "model/merge_patch.h"
#include "model/type_registry.h"
#include "sim/field_defaults.h"
#include "sim/pod_defaults.h"

namespace kreplay {
namespace {

bool IsRollingUpdate(const Json& strategy) {
  return GetString(strategy, "type") == "RollingUpdate";
}
bool TypeUnset(const Json& strategy) { return IsUnset(strategy, "type", Unset::kZero); }
bool ParallelismUnset(const Json& spec) { return IsUnset(spec, "parallelism", Unset::kNil); }
bool HasPort(const Json& port) { return port.contains("port"); }

// service.ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with
// external IPs.
bool ExternallyAccessible(const Json& spec) {
  std::string type = GetString(spec, "type");
  const Json* ips = Find(spec, "externalIPs");
  return type == "NodePort" || type == "LoadBalancer" ||
         (type == "ClusterIP" && ips != nullptr && ips->is_array() && !ips->empty());
}
bool HasInternalPolicy(const Json& spec) {
  std::string type = GetString(spec, "type");
  return type == "ClusterIP" || type == "NodePort" || type == "LoadBalancer";
}
bool IsLoadBalancer(const Json& spec) { return GetString(spec, "type") == "LoadBalancer"; }
bool IsClientIP(const Json& spec) { return GetString(spec, "sessionAffinity") == "ClientIP"; }

Json PortNumber(const Json& port) { return port.value("port", Json(0)); }
Json BackoffLimit(const Json& spec) {
  return spec.contains("backoffLimitPerIndex") ? Json(2147483647) : Json(6);
}
Json ReplacementPolicy(const Json& spec) {
  return spec.contains("podFailurePolicy") ? "Failed" : "TerminatingOrFailed";
}

// apps/v1 SetDefaults_Deployment.
constexpr FieldDefault kDeployment[] = {
    {"spec", "replicas", Unset::kNil, "1"},
    {"spec.strategy", "type", Unset::kZero, R"("RollingUpdate")"},
    {"spec.strategy", "rollingUpdate", Unset::kNil, "{}", nullptr, &IsRollingUpdate},
    {"spec.strategy.rollingUpdate?", "maxUnavailable", Unset::kNil, R"("25%")"},
    {"spec.strategy.rollingUpdate?", "maxSurge", Unset::kNil, R"("25%")"},
    {"spec", "revisionHistoryLimit", Unset::kNil, "10"},
    {"spec", "progressDeadlineSeconds", Unset::kNil, "600"},
};

// apps/v1 SetDefaults_ReplicaSet.
constexpr FieldDefault kReplicaSet[] = {
    {"spec", "replicas", Unset::kNil, "1"},
};

// apps/v1 SetDefaults_StatefulSet (StatefulSetAutoDeletePVC is on in 1.32);
// each volumeClaimTemplate as a PersistentVolumeClaim.
constexpr FieldDefault kStatefulSet[] = {
    {"spec", "podManagementPolicy", Unset::kZero, R"("OrderedReady")"},
    {"spec.updateStrategy", "rollingUpdate", Unset::kNil, "{}", nullptr, &TypeUnset},
    {"spec.updateStrategy", "type", Unset::kZero, R"("RollingUpdate")"},
    {"spec.updateStrategy.rollingUpdate?", "partition", Unset::kNil, "0"},
    {"spec", "persistentVolumeClaimRetentionPolicy", Unset::kNil, "{}"},
    {"spec.persistentVolumeClaimRetentionPolicy", "whenDeleted", Unset::kZero, R"("Retain")"},
    {"spec.persistentVolumeClaimRetentionPolicy", "whenScaled", Unset::kZero, R"("Retain")"},
    {"spec", "replicas", Unset::kNil, "1"},
    {"spec", "revisionHistoryLimit", Unset::kNil, "10"},
    {"spec.volumeClaimTemplates[].status", "phase", Unset::kZero, R"("Pending")"},
    {"spec.volumeClaimTemplates[].spec", "volumeMode", Unset::kNil, R"("Filesystem")"},
};

// apps/v1 SetDefaults_DaemonSet.
constexpr FieldDefault kDaemonSet[] = {
    {"spec.updateStrategy", "type", Unset::kZero, R"("RollingUpdate")"},
    {"spec.updateStrategy", "rollingUpdate", Unset::kNil, "{}", nullptr, &IsRollingUpdate},
    {"spec.updateStrategy.rollingUpdate?", "maxUnavailable", Unset::kNil, "1"},
    {"spec.updateStrategy.rollingUpdate?", "maxSurge", Unset::kNil, "0"},
    {"spec", "revisionHistoryLimit", Unset::kNil, "10"},
};

// batch/v1 SetDefaults_Job (JobPodReplacementPolicy is on in 1.32).
constexpr FieldDefault kJob[] = {
    {"spec", "completions", Unset::kNil, "1", nullptr, &ParallelismUnset},
    {"spec", "parallelism", Unset::kNil, "1"},
    {"spec", "backoffLimit", Unset::kNil, nullptr, &BackoffLimit},
    {"spec", "completionMode", Unset::kNil, R"("NonIndexed")"},
    {"spec", "suspend", Unset::kNil, "false"},
    {"spec", "podReplacementPolicy", Unset::kNil, nullptr, &ReplacementPolicy},
    {"spec.podFailurePolicy?.rules[].onPodConditions[]", "status", Unset::kZero, R"("True")"},
};

// batch/v1 SetDefaults_CronJob (the job template gets no Job defaults).
constexpr FieldDefault kCronJob[] = {
    {"spec", "concurrencyPolicy", Unset::kZero, R"("Allow")"},
    {"spec", "suspend", Unset::kNil, "false"},
    {"spec", "successfulJobsHistoryLimit", Unset::kNil, "3"},
    {"spec", "failedJobsHistoryLimit", Unset::kNil, "1"},
};

// core/v1 SetDefaults_Service.
constexpr FieldDefault kService[] = {
    {"spec", "sessionAffinity", Unset::kZero, R"("None")"},
    {"spec", "sessionAffinityConfig", Unset::kNil, "{}", nullptr, &IsClientIP},
    {"spec.sessionAffinityConfig?", "clientIP", Unset::kNil, "{}"},
    {"spec.sessionAffinityConfig?.clientIP?", "timeoutSeconds", Unset::kNil, "10800"},
    {"spec", "type", Unset::kZero, R"("ClusterIP")"},
    {"spec.ports[]", "protocol", Unset::kZero, R"("TCP")"},
    {"spec.ports[]", "targetPort", Unset::kZero, nullptr, &PortNumber, &HasPort},
    {"spec", "externalTrafficPolicy", Unset::kZero, R"("Cluster")", nullptr, &ExternallyAccessible},
    {"spec", "internalTrafficPolicy", Unset::kNil, R"("Cluster")", nullptr, &HasInternalPolicy},
    {"spec", "allocateLoadBalancerNodePorts", Unset::kNil, "true", nullptr, &IsLoadBalancer},
};

// core/v1 SetDefaults_NamespaceStatus.
constexpr FieldDefault kNamespace[] = {
    {"status", "phase", Unset::kZero, R"("Active")"},
};

// core/v1 SetDefaults_Secret.
constexpr FieldDefault kSecret[] = {
    {"", "type", Unset::kZero, R"("Opaque")"},
};

// core/v1 SetDefaults_PersistentVolumeClaim and ..ClaimSpec.
constexpr FieldDefault kPersistentVolumeClaim[] = {
    {"status", "phase", Unset::kZero, R"("Pending")"},
    {"spec", "volumeMode", Unset::kNil, R"("Filesystem")"},
};

// core/v1 SetDefaults_PersistentVolume.
constexpr FieldDefault kPersistentVolume[] = {
    {"status", "phase", Unset::kZero, R"("Pending")"},
    {"spec", "persistentVolumeReclaimPolicy", Unset::kZero, R"("Retain")"},
    {"spec", "volumeMode", Unset::kNil, R"("Filesystem")"},
};

// core/v1 SetDefaults_Endpoints.
constexpr FieldDefault kEndpoints[] = {
    {"subsets[].ports[]", "protocol", Unset::kZero, R"("TCP")"},
};

// networking/v1 SetDefaults_NetworkPolicy and SetDefaults_NetworkPolicyPort.
bool HasEgress(const Json& spec) {
  const Json* egress = Find(spec, "egress");
  return egress != nullptr && egress->is_array() && !egress->empty();
}
Json PolicyTypes(const Json& spec) {
  return HasEgress(spec) ? Json::array({"Ingress", "Egress"}) : Json::array({"Ingress"});
}
constexpr FieldDefault kNetworkPolicy[] = {
    {"spec", "policyTypes", Unset::kZero, nullptr, &PolicyTypes},
    {"spec.ingress[].ports[]", "protocol", Unset::kNil, R"("TCP")"},
    {"spec.egress[].ports[]", "protocol", Unset::kNil, R"("TCP")"},
};

// storage/v1 SetDefaults_StorageClass.
constexpr FieldDefault kStorageClass[] = {
    {"", "reclaimPolicy", Unset::kNil, R"("Delete")"},
    {"", "volumeBindingMode", Unset::kNil, R"("Immediate")"},
};

// rbac/v1 SetDefaults_RoleBinding, SetDefaults_ClusterRoleBinding and
// SetDefaults_Subject (a ServiceAccount subject keeps the core group, "").
bool IsUserOrGroup(const Json& subject) {
  std::string kind = GetString(subject, "kind");
  return kind == "User" || kind == "Group";
}
constexpr FieldDefault kRoleBinding[] = {
    {"roleRef", "apiGroup", Unset::kZero, R"("rbac.authorization.k8s.io")"},
    {"subjects[]", "apiGroup", Unset::kZero, R"("rbac.authorization.k8s.io")", nullptr, &IsUserOrGroup},
};

// SetDefaults_Service drops the affinity config of a None affinity. The
// registry allocates a cluster IP to every Service but ExternalName, and
// records it single-stack IPv4 in clusterIPs/ipFamilies/ipFamilyPolicy
// (headless Services keep "None" and are left without those three here).
void AllocateService(Json& service, int64_t ordinal) {
  Json& spec = service["spec"];
  if (GetString(spec, "sessionAffinity") == "None") spec.erase("sessionAffinityConfig");
  if (GetString(spec, "type") == "ExternalName") return;
  if (GetString(spec, "clusterIP").empty()) {
    spec["clusterIP"] = absl::StrCat("10.96.", (ordinal / 250) % 250, ".", 10 + ordinal % 240);
  }
  if (spec["clusterIP"] == "None") return;
  if (!spec.contains("clusterIPs")) spec["clusterIPs"] = Json::array({spec["clusterIP"]});
  if (!spec.contains("ipFamilies")) spec["ipFamilies"] = Json::array({"IPv4"});
  if (!spec.contains("ipFamilyPolicy")) spec["ipFamilyPolicy"] = "SingleStack";
}

// SetDefaults_Namespace: the name label, always (re)set.
void LabelNamespace(Json& ns, int64_t) {
  std::string name = GetString(ns, "metadata.name");
  if (!name.empty()) Ensure(ns, "metadata.labels")["kubernetes.io/metadata.name"] = name;
}

void DefaultPodObject(Json& pod, int64_t) { DefaultPod(pod); }

// SetDefaults_Job: a Job without labels takes its template's.
void LabelJob(Json& job, int64_t) {
  const Json* labels = Find(job, "spec.template.metadata.labels");
  if (labels == nullptr || !labels->is_object() || labels->empty()) return;
  if (IsUnset(Ensure(job, "metadata"), "labels", Unset::kZero)) job["metadata"]["labels"] = *labels;
}

// A workload's pod template is defaulted too, where the type registry says
// the kind keeps it.
struct KindDefaults {
  const char* kind;
  absl::Span<const FieldDefault> defaults;
  void (*more)(Json& object, int64_t ordinal);
};

constexpr KindDefaults kKinds[] = {
    {"Deployment", kDeployment, nullptr},
    {"ReplicaSet", kReplicaSet, nullptr},
    {"StatefulSet", kStatefulSet, nullptr},
    {"DaemonSet", kDaemonSet, nullptr},
    {"Job", kJob, &LabelJob},
    {"CronJob", kCronJob, nullptr},
    {"Pod", {}, &DefaultPodObject},
    {"Service", kService, &AllocateService},
    {"Namespace", kNamespace, &LabelNamespace},
    {"Secret", kSecret, nullptr},
    {"PersistentVolumeClaim", kPersistentVolumeClaim, nullptr},
    {"PersistentVolume", kPersistentVolume, nullptr},
    {"Endpoints", kEndpoints, nullptr},
    {"NetworkPolicy", kNetworkPolicy, nullptr},
    {"StorageClass", kStorageClass, nullptr},
    {"RoleBinding", kRoleBinding, nullptr},
    {"ClusterRoleBinding", kRoleBinding, nullptr},
};

// Immutable fields per kind, as dotted paths.
struct Immutable {
  const char* kind;
  const char* path;
};
const Immutable kImmutable[] = {
    {"Deployment", "spec.selector"},
    {"ReplicaSet", "spec.selector"},
    {"StatefulSet", "spec.selector"},
    {"DaemonSet", "spec.selector"},
    {"Job", "spec.selector"},
    {"Job", "spec.template"},
    {"Service", "spec.clusterIP"},
};

std::string Qualified(const Json& object) {
  const TypeInfo* type = LookupKind(GetString(object, "kind"));
  std::string kind = GetString(object, "kind");
  if (type && !type->group.empty()) absl::StrAppend(&kind, ".", type->group);
  return kind;
}

}  // namespace

void ApplyDefaults(Json& object, int64_t ordinal) {
  // Go decodes null into the zero value, which the server stores and returns
  // as absent for the fields kreplay models; the one visible exception, a pod
  // template's `metadata.creationTimestamp: null`, is the zero time and equal
  // to absent (docs/semantics.md, "Defaults").
  PruneNulls(object);
  std::string kind = GetString(object, "kind");
  for (const KindDefaults& k : kKinds) {
    if (kind != k.kind) continue;
    ApplyFieldDefaults(object, k.defaults);
    const TypeInfo* type = LookupKind(kind);
    if (type != nullptr && type->workload()) ForEachAt(object, type->pod_template, &DefaultPodTemplate);
    if (k.more != nullptr) k.more(object, ordinal);
  }
}

void PreserveAllocated(const Json& live, Json& updated) {
  if (GetString(live, "kind") != "Service") return;
  std::string ip = GetString(live, "spec.clusterIP");
  if (!ip.empty() && GetString(updated, "spec.clusterIP").empty()) {
    Ensure(updated, "spec")["clusterIP"] = ip;
  }
}

absl::Status CheckImmutable(const Json& live, const Json& updated) {
  std::string kind = GetString(live, "kind");
  for (const Immutable& field : kImmutable) {
    if (kind != field.kind) continue;
    const Json* before = Find(live, field.path);
    const Json* after = Find(updated, field.path);
    if (before == nullptr || (after != nullptr && *before == *after)) continue;
    return absl::InvalidArgumentError(absl::StrCat(
        Qualified(live), " \"", GetString(live, "metadata.name"),
        "\" is invalid: ", field.path, ": Invalid value: ",
        after ? Compact(*after) : "null", ": field is immutable"));
  }
  return absl::OkStatus();
}

}  // namespace kreplay
