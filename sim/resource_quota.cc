#include "sim/resource_quota.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/status_macros.h"
#include "model/type_registry.h"

namespace kreplay {
namespace {

// The quota names for a compute resource a pod requests or limits, as
// podComputeUsageHelper maps them.
struct ComputeName {
  const char* resource;  // in the container's requests/limits
  const char* requests;  // the names its request counts under
  const char* bare;
  const char* limits;    // the name its limit counts under
};

constexpr ComputeName kCompute[] = {
    {"cpu", "requests.cpu", "cpu", "limits.cpu"},
    {"memory", "requests.memory", "memory", "limits.memory"},
    {"ephemeral-storage", "requests.ephemeral-storage", "ephemeral-storage",
     "limits.ephemeral-storage"},
};

// The resources whose absence from a container a quota refuses (validationSet).
constexpr const char* kMustSpecify[] = {"cpu", "memory", "requests.cpu", "requests.memory",
                                        "limits.cpu", "limits.memory"};

// Legacy object-count names (the core evaluators' resource names).
struct LegacyCount {
  const char* name;
  const char* kind;
};
constexpr LegacyCount kLegacyCounts[] = {
    {"services", "Service"},
    {"configmaps", "ConfigMap"},
    {"secrets", "Secret"},
    {"persistentvolumeclaims", "PersistentVolumeClaim"},
    {"replicationcontrollers", "ReplicationController"},
    {"resourcequotas", "ResourceQuota"},
};

Quantity One() { return Quantity{1000, QuantityFormat::kDecimalSI}; }

// `count/deployments.apps`, `count/pods`.
std::string CountName(const TypeInfo& type) {
  return type.group.empty() ? absl::StrCat("count/", type.plural)
                            : absl::StrCat("count/", type.plural, ".", type.group);
}

// podComputeUsageHelper: one container's (or the pod's effective) usage.
ResourceList ComputeUsage(const ResourceList& requests, const ResourceList& limits) {
  ResourceList out = {{"pods", One()}};
  for (const ComputeName& c : kCompute) {
    if (auto it = requests.find(c.resource); it != requests.end()) {
      out[c.requests] = it->second;
      out[c.bare] = it->second;
    }
    if (auto it = limits.find(c.resource); it != limits.end()) out[c.limits] = it->second;
  }
  for (const auto& [name, q] : requests) {
    bool native = name == "cpu" || name == "memory" || name == "ephemeral-storage";
    if (absl::StartsWith(name, "hugepages-")) out[name] = q;
    if (!native) out[absl::StrCat("requests.", name)] = q;
  }
  return out;
}

bool Terminal(const Json& pod) {
  std::string phase = GetString(pod, "status.phase");
  return phase == "Succeeded" || phase == "Failed";
}

absl::StatusOr<ResourceList> PodUsage(const Json& pod) {
  ResourceList out = {{"count/pods", One()}};
  if (Terminal(pod)) return out;
  KREPLAY_ASSIGN_OR_RETURN(ResourceList requests, PodRequests(pod));
  KREPLAY_ASSIGN_OR_RETURN(ResourceList limits, PodLimits(pod));
  return AddResources(out, ComputeUsage(requests, limits));
}

absl::StatusOr<ResourceList> Parse(const Json& list, const std::string& field) {
  ResourceList out;
  if (!list.is_object()) return out;
  for (const auto& [name, value] : list.items()) {
    std::string text = value.is_string() ? value.get<std::string>() : Compact(value);
    absl::StatusOr<Quantity> q = ParseQuantity(text);
    if (!q.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(field, ".", name, ": Invalid value: \"",
                                                     text, "\": ", q.status().message()));
    }
    out[name] = *q;
  }
  return out;
}

absl::StatusOr<ResourceList> Hard(const Json& quota) {
  const Json* hard = Find(quota, "spec.hard");
  return hard ? Parse(*hard, absl::StrCat("resourcequotas \"", GetString(quota, "metadata.name"),
                                          "\": spec.hard"))
              : ResourceList{};
}

bool Scoped(const Json& quota) {
  const Json* scopes = Find(quota, "spec.scopes");
  return (scopes && scopes->is_array() && !scopes->empty()) ||
         Find(quota, "spec.scopeSelector") != nullptr;
}

ResourceList Mask(const ResourceList& list, const ResourceList& names) {
  ResourceList out;
  for (const auto& [name, q] : list) {
    if (names.count(name)) out[name] = q;
  }
  return out;
}

// `requests.cpu=500m,requests.memory=512Mi` (prettyPrint: sorted names).
std::string Pretty(const ResourceList& list, const std::set<std::string>& names) {
  std::vector<std::string> parts;
  for (const std::string& name : names) {
    auto it = list.find(name);
    parts.push_back(absl::StrCat(name, "=", it == list.end() ? "0" : it->second.String()));
  }
  return absl::StrJoin(parts, ",");
}

// `pods "web-1"`, `deployments.apps "web"`.
std::string Forbidden(const Json& object) {
  const TypeInfo* type = LookupKind(GetString(object, "kind"));
  std::string resource = type ? type->plural : GetString(object, "kind");
  if (type && !type->group.empty()) absl::StrAppend(&resource, ".", type->group);
  std::string name = GetString(object, "metadata.name");
  if (name.empty()) name = GetString(object, "metadata.generateName");
  return absl::StrCat(resource, " \"", name, "\" is forbidden: ");
}

// Constraints: the validationSet resources a quota tracks that some
// container does not set, with the containers.
std::string MissingRequests(const Json& pod, const ResourceList& hard) {
  std::map<std::string, std::set<std::string>> missing;
  for (const char* list : {"spec.containers", "spec.initContainers"}) {
    const Json* containers = Find(pod, list);
    if (containers == nullptr || !containers->is_array()) continue;
    for (const Json& c : *containers) {
      Json holder = {{"spec", {{"containers", Json::array({c})}}}};
      absl::StatusOr<ResourceList> requests = PodRequests(holder);
      absl::StatusOr<ResourceList> limits = PodLimits(holder);
      ResourceList usage = ComputeUsage(requests.ok() ? *requests : ResourceList{},
                                        limits.ok() ? *limits : ResourceList{});
      for (const char* name : kMustSpecify) {
        if (hard.count(name) && !usage.count(name)) missing[name].insert(GetString(c, "name"));
      }
    }
  }
  std::vector<std::string> parts;
  for (const auto& [name, containers] : missing) {
    parts.push_back(absl::StrCat(name, " for: ", absl::StrJoin(containers, ",")));
  }
  return absl::StrJoin(parts, "; ");
}

// Whether the pod evaluator matches a quota with these hard names
// (MatchingResources is not empty), whatever this pod uses.
bool TracksPods(const ResourceList& hard) {
  for (const auto& [name, q] : hard) {
    if (name == "pods" || name == "count/pods" || name == "cpu" || name == "memory" ||
        name == "ephemeral-storage" || absl::StartsWith(name, "requests.") ||
        absl::StartsWith(name, "limits.") || absl::StartsWith(name, "hugepages-")) {
      return true;
    }
  }
  return false;
}

struct Tracked {
  const Json* quota;
  ResourceList hard;
};

absl::StatusOr<std::vector<Tracked>> QuotasOf(const ObjectStore& store, const std::string& ns) {
  std::vector<Tracked> out;
  for (const Json* quota : store.List("ResourceQuota", ns)) {
    if (Scoped(*quota)) continue;
    KREPLAY_ASSIGN_OR_RETURN(ResourceList hard, Hard(*quota));
    out.push_back(Tracked{quota, std::move(hard)});
  }
  return out;
}

absl::StatusOr<ResourceList> NamespaceUsage(const ObjectStore& store, const std::string& ns,
                                            const ResourceList& hard) {
  ResourceList used;
  for (const auto& [name, q] : hard) used[name] = Quantity{};
  std::set<std::string> kinds = {"Pod"};
  for (const TypeInfo& type : AllTypes()) {
    if (type.namespaced && hard.count(CountName(type))) kinds.insert(type.kind);
  }
  for (const LegacyCount& legacy : kLegacyCounts) {
    if (hard.count(legacy.name)) kinds.insert(legacy.kind);
  }
  for (const std::string& kind : kinds) {
    for (const Json* object : store.List(kind, ns)) {
      KREPLAY_ASSIGN_OR_RETURN(ResourceList usage, QuotaUsage(*object, hard));
      for (const auto& [name, q] : usage) used[name] = used[name].Plus(q);
    }
  }
  return used;
}

}  // namespace

absl::StatusOr<ResourceList> QuotaUsage(const Json& object, const ResourceList& tracked) {
  std::string kind = GetString(object, "kind");
  ResourceList usage;
  if (kind == "Pod") {
    KREPLAY_ASSIGN_OR_RETURN(usage, PodUsage(object));
  } else if (const TypeInfo* type = LookupKind(kind)) {
    usage[CountName(*type)] = One();
    for (const LegacyCount& legacy : kLegacyCounts) {
      if (kind == legacy.kind) usage[legacy.name] = One();
    }
  }
  return Mask(usage, tracked);
}

absl::StatusOr<Json> QuotaStatus(const ObjectStore& store, const Json& quota) {
  KREPLAY_ASSIGN_OR_RETURN(ResourceList hard, Hard(quota));
  Json status = {{"hard", Json::object()}, {"used", Json::object()}};
  if (hard.empty()) return status;
  for (const auto& [name, q] : hard) status["hard"][name] = q.String();
  ResourceList used;
  if (!Scoped(quota)) {
    KREPLAY_ASSIGN_OR_RETURN(used, NamespaceUsage(store, GetString(quota, "metadata.namespace"), hard));
  }
  for (const auto& [name, q] : hard) {
    auto it = used.find(name);
    status["used"][name] = it == used.end() ? "0" : it->second.String();
  }
  return status;
}

absl::Status AdmitQuota(const ObjectStore& store, const Json& object) {
  std::string ns = GetString(object, "metadata.namespace");
  if (ns.empty()) return absl::OkStatus();
  KREPLAY_ASSIGN_OR_RETURN(std::vector<Tracked> quotas, QuotasOf(store, ns));
  bool pod = GetString(object, "kind") == "Pod";
  std::vector<std::pair<const Tracked*, ResourceList>> interesting;
  for (const Tracked& t : quotas) {
    KREPLAY_ASSIGN_OR_RETURN(ResourceList requested, QuotaUsage(object, t.hard));
    if (pod ? !TracksPods(t.hard) : requested.empty()) continue;  // not this quota's
    if (std::string missing = pod ? MissingRequests(object, t.hard) : ""; !missing.empty()) {
      return absl::PermissionDeniedError(absl::StrCat(Forbidden(object), "failed quota: ",
                                                      GetString(*t.quota, "metadata.name"),
                                                      ": must specify ", missing));
    }
    interesting.emplace_back(&t, std::move(requested));
  }
  for (const auto& [t, requested] : interesting) {
    KREPLAY_ASSIGN_OR_RETURN(ResourceList used, NamespaceUsage(store, ns, t->hard));
    std::set<std::string> exceeded;
    for (const auto& [name, q] : requested) {
      if (t->hard.at(name) < used[name].Plus(q)) exceeded.insert(name);
    }
    if (exceeded.empty()) continue;
    return absl::PermissionDeniedError(absl::StrCat(
        Forbidden(object), "exceeded quota: ", GetString(*t->quota, "metadata.name"),
        ", requested: ", Pretty(requested, exceeded), ", used: ", Pretty(used, exceeded),
        ", limited: ", Pretty(t->hard, exceeded)));
  }
  return absl::OkStatus();
}

}  // namespace kreplay
