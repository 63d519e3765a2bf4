#include "sim/pod_defaults.h"

#include "sim/field_defaults.h"

namespace kreplay {
namespace {

Json PullPolicyOf(const Json& container) {
  return DefaultPullPolicy(GetString(container, "image"));
}

// A volume with nothing but its name gets an emptyDir (SetDefaults_Volume).
bool HasNoSource(const Json& volume) {
  for (const auto& [key, value] : volume.items()) {
    if (key != "name") return false;
  }
  return true;
}

Json ContainerPort(const Json& port) { return port.value("containerPort", Json(0)); }

// SetDefaults_PodSpec. Relative to the pod spec.
constexpr FieldDefault kPodSpec[] = {
    {"", "dnsPolicy", Unset::kZero, R"("ClusterFirst")"},
    {"", "restartPolicy", Unset::kZero, R"("Always")"},
    {"", "securityContext", Unset::kNil, "{}"},
    {"", "terminationGracePeriodSeconds", Unset::kNil, "30"},
    {"", "schedulerName", Unset::kZero, R"("default-scheduler")"},
};

// SetDefaults_Container, ContainerPort.protocol (+default="TCP"),
// SetDefaults_ObjectFieldSelector. Relative to a container.
constexpr FieldDefault kContainer[] = {
    {"", "imagePullPolicy", Unset::kZero, nullptr, &PullPolicyOf},
    {"", "terminationMessagePath", Unset::kZero, R"("/dev/termination-log")"},
    {"", "terminationMessagePolicy", Unset::kZero, R"("File")"},
    {"ports[]", "protocol", Unset::kZero, R"("TCP")"},
    {"env[].valueFrom?.fieldRef?", "apiVersion", Unset::kZero, R"("v1")"},
};

// SetDefaults_Probe. Relative to a probe.
constexpr FieldDefault kProbe[] = {
    {"", "timeoutSeconds", Unset::kZero, "1"},
    {"", "periodSeconds", Unset::kZero, "10"},
    {"", "successThreshold", Unset::kZero, "1"},
    {"", "failureThreshold", Unset::kZero, "3"},
};

// SetDefaults_HTTPGetAction and GRPCAction.service (+default=""). Relative
// to a probe or lifecycle handler.
constexpr FieldDefault kHandler[] = {
    {"httpGet?", "path", Unset::kZero, R"("/")"},
    {"httpGet?", "scheme", Unset::kZero, R"("HTTP")"},
    {"grpc?", "service", Unset::kNil, R"("")"},
};

// SetDefaults_Volume and the volume-source defaults (420 = 0644).
// Relative to a volume.
constexpr FieldDefault kVolume[] = {
    {"", "emptyDir", Unset::kNil, "{}", nullptr, &HasNoSource},
    {"hostPath?", "type", Unset::kNil, R"("")"},
    {"secret?", "defaultMode", Unset::kNil, "420"},
    {"configMap?", "defaultMode", Unset::kNil, "420"},
    {"downwardAPI?", "defaultMode", Unset::kNil, "420"},
    {"downwardAPI?.items[].fieldRef?", "apiVersion", Unset::kZero, R"("v1")"},
    {"projected?", "defaultMode", Unset::kNil, "420"},
    {"projected?.sources[].downwardAPI?.items[].fieldRef?", "apiVersion", Unset::kZero, R"("v1")"},
    {"projected?.sources[].serviceAccountToken?", "expirationSeconds", Unset::kNil, "3600"},
    {"ephemeral?.volumeClaimTemplate?.spec", "volumeMode", Unset::kNil, R"("Filesystem")"},
};

// SetDefaults_Pod: for Pods only, not templates. Relative to the Pod.
constexpr FieldDefault kPod[] = {
    {"spec", "enableServiceLinks", Unset::kNil, "true"},
};

// SetDefaults_Pod under hostNetwork. Relative to a container port.
constexpr FieldDefault kHostNetworkPort[] = {
    {"", "hostPort", Unset::kZero, nullptr, &ContainerPort},
};

constexpr const char* kContainerLists[] = {"containers[]", "initContainers[]",
                                           "ephemeralContainers[]"};
constexpr const char* kProbes[] = {"livenessProbe?", "readinessProbe?", "startupProbe?"};
constexpr const char* kHandlers[] = {"livenessProbe?", "readinessProbe?", "startupProbe?",
                                     "lifecycle?.postStart?", "lifecycle?.preStop?"};

// ResourceRequirements is a struct the server prints as `resources: {}` when
// empty; its maps are nil when empty. Both are stored as absent.
void DropEmptyResources(Json& container) {
  auto it = container.find("resources");
  if (it == container.end() || !it->is_object()) return;
  for (const char* field : {"limits", "requests", "claims"}) {
    if (IsUnset(*it, field, Unset::kZero)) it->erase(field);
  }
  if (it->empty()) container.erase(it);
}

void DefaultContainer(Json& container) {
  ApplyFieldDefaults(container, kContainer);
  for (const char* probe : kProbes) {
    ForEachAt(container, probe, [](Json& p) { ApplyFieldDefaults(p, kProbe); });
  }
  for (const char* handler : kHandlers) {
    ForEachAt(container, handler, [](Json& h) { ApplyFieldDefaults(h, kHandler); });
  }
  DropEmptyResources(container);
}

void DefaultPodSpec(Json& spec) {
  ApplyFieldDefaults(spec, kPodSpec);
  for (const char* list : kContainerLists) ForEachAt(spec, list, &DefaultContainer);
  ForEachAt(spec, "volumes[]", [](Json& v) { ApplyFieldDefaults(v, kVolume); });
}

// A limit without a request makes the request equal to it.
void RequestsFromLimits(Json& container) {
  const Json* limits = Find(container, "resources.limits");
  if (limits == nullptr || !limits->is_object() || limits->empty()) return;
  Json& requests = Ensure(container, "resources.requests");
  for (const auto& [name, quantity] : limits->items()) {
    if (!requests.contains(name)) requests[name] = quantity;
  }
}

}  // namespace

std::string DefaultPullPolicy(absl::string_view image) {
  if (image.empty()) return "IfNotPresent";  // unparseable: no tag
  size_t at = image.find('@');
  bool has_digest = at != absl::string_view::npos;
  absl::string_view name = image.substr(0, at);
  size_t slash = name.rfind('/');
  absl::string_view last = slash == absl::string_view::npos ? name : name.substr(slash + 1);
  size_t colon = last.rfind(':');
  if (colon != absl::string_view::npos) {
    return last.substr(colon + 1) == "latest" ? "Always" : "IfNotPresent";
  }
  return has_digest ? "IfNotPresent" : "Always";
}

void DefaultPodTemplate(Json& pod_template) {
  ForEachAt(pod_template, "spec", &DefaultPodSpec);
}

void DefaultPod(Json& pod) {
  DefaultPodTemplate(pod);
  ApplyFieldDefaults(pod, kPod);
  ForEachAt(pod, "spec.containers[]", &RequestsFromLimits);
  ForEachAt(pod, "spec.initContainers[]", &RequestsFromLimits);
  if (!GetBool(pod, "spec.hostNetwork")) return;
  for (const char* ports : {"spec.containers[].ports[]", "spec.initContainers[].ports[]"}) {
    ForEachAt(pod, ports, [](Json& port) { ApplyFieldDefaults(port, kHostNetworkPort); });
  }
}

}  // namespace kreplay
