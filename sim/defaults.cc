#include "sim/defaults.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "model/type_registry.h"

namespace kreplay {
namespace {

void SetIfAbsent(Json& object, const std::string& path_parent,
                 const std::string& field, const Json& value) {
  Json& parent = Ensure(object, path_parent);
  if (!parent.contains(field)) parent[field] = value;
}

void DefaultWorkload(Json& object) {
  SetIfAbsent(object, "spec", "replicas", 1);
  if (object["kind"] != "Deployment") return;
  SetIfAbsent(object, "spec", "revisionHistoryLimit", 10);
  SetIfAbsent(object, "spec", "progressDeadlineSeconds", 600);
  Json& strategy = Ensure(object, "spec.strategy");
  if (!strategy.contains("type")) strategy["type"] = "RollingUpdate";
  if (strategy["type"] == "RollingUpdate") {
    SetIfAbsent(object, "spec.strategy.rollingUpdate", "maxSurge", "25%");
    SetIfAbsent(object, "spec.strategy.rollingUpdate", "maxUnavailable", "25%");
  }
}

void DefaultService(Json& object, int64_t ordinal) {
  SetIfAbsent(object, "spec", "type", "ClusterIP");
  if (GetString(object, "spec.type") != "ExternalName" &&
      GetString(object, "spec.clusterIP").empty()) {
    object["spec"]["clusterIP"] =
        absl::StrCat("10.96.", (ordinal / 250) % 250, ".", 10 + ordinal % 240);
  }
  Json* ports = &object["spec"]["ports"];
  if (!ports->is_array()) return;
  for (Json& port : *ports) {
    if (!port.contains("protocol")) port["protocol"] = "TCP";
    if (!port.contains("targetPort") && port.contains("port")) {
      port["targetPort"] = port["port"];
    }
  }
}

using Defaulter = void (*)(Json&, int64_t);

struct KindDefaults {
  const char* kind;
  Defaulter apply;
};

const KindDefaults kDefaults[] = {
    {"Deployment", [](Json& o, int64_t) { DefaultWorkload(o); }},
    {"ReplicaSet", [](Json& o, int64_t) { DefaultWorkload(o); }},
    {"StatefulSet", [](Json& o, int64_t) { DefaultWorkload(o); }},
    {"Service", &DefaultService},
    {"Namespace", [](Json& o, int64_t) { SetIfAbsent(o, "status", "phase", "Active"); }},
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
  std::string kind = GetString(object, "kind");
  for (const KindDefaults& d : kDefaults) {
    if (kind == d.kind) d.apply(object, ordinal);
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
  for (const Immutable& rule : kImmutable) {
    if (kind != rule.kind) continue;
    const Json* before = Find(live, rule.path);
    const Json* after = Find(updated, rule.path);
    if (before == nullptr || (after != nullptr && *before == *after)) continue;
    return absl::InvalidArgumentError(absl::StrCat(
        Qualified(live), " \"", GetString(live, "metadata.name"),
        "\" is invalid: ", rule.path, ": Invalid value: ",
        after ? Compact(*after) : "null", ": field is immutable"));
  }
  return absl::OkStatus();
}

}  // namespace kreplay
