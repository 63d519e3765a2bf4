#include "replay/exec/expose.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "model/status_macros.h"
#include "model/type_registry.h"
#include "replay/exec/manifest.h"

namespace kreplay {
namespace {

// The kinds kubectl can expose (polymorphichelpers.CanBeExposed), where
// each keeps the labels its pods carry, and where its ports come from.
struct Exposable {
  const char* kind;
  const char* selector;       // a map of labels, dotted path
  bool match_labels;          // `selector` is a LabelSelector: matchExpressions refused
  bool service_ports;         // ports from spec.ports, not containers
};

constexpr Exposable kExposable[] = {
    {"Deployment", "spec.selector", true, false},
    {"ReplicaSet", "spec.selector", true, false},
    {"ReplicationController", "spec.selector", false, false},
    {"Pod", "metadata.labels", false, false},
    {"Service", "spec.selector", false, true},
};

const Exposable* FindExposable(const std::string& kind) {
  for (const Exposable& e : kExposable) {
    if (kind == e.kind) return &e;
  }
  return nullptr;
}

// MapBasedSelectorForObject.
absl::StatusOr<Json> SelectorOf(const Json& object, const Exposable& e) {
  const Json* selector = Find(object, e.selector);
  if (selector == nullptr || !selector->is_object()) return Json::object();
  if (!e.match_labels) return *selector;
  if (const Json* expressions = Find(*selector, "matchExpressions");
      expressions != nullptr && !expressions->empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "couldn't convert expressions - \"", Compact(*expressions), "\" to map-based selector format"));
  }
  const Json* labels = Find(*selector, "matchLabels");
  return labels != nullptr && labels->is_object() ? *labels : Json::object();
}

// PortsForObject and ProtocolsForObject: {port, protocol} of every
// container port of the pod spec, or of a Service's ports.
Json PortsOf(const Json& object, const Exposable& e) {
  Json out = Json::array();
  auto add = [&](const Json& port, const char* number) {
    if (!port.contains(number)) return;
    out.push_back({{"port", port[number]}, {"protocol", port.value("protocol", "TCP")}});
  };
  if (e.service_ports) {
    if (const Json* ports = Find(object, "spec.ports"); ports && ports->is_array()) {
      for (const Json& port : *ports) add(port, "port");
    }
    return out;
  }
  const TypeInfo* type = LookupKind(e.kind);
  const Json* spec = type != nullptr ? Find(object, type->pod_spec) : nullptr;
  if (spec == nullptr) return out;
  for (const char* list : {"initContainers", "containers"}) {
    const Json* containers = Find(*spec, list);
    if (containers == nullptr || !containers->is_array()) continue;
    for (const Json& container : *containers) {
      const Json* ports = Find(container, "ports");
      if (ports == nullptr || !ports->is_array()) continue;
      for (const Json& port : *ports) add(port, "containerPort");
    }
  }
  return out;
}

// The generated Service completed from the exposed object.
absl::Status Complete(const Json& object, const Exposable& e, Json& service) {
  Json& spec = service["spec"];
  if (!spec.contains("selector")) {
    KREPLAY_ASSIGN_OR_RETURN(Json selector, SelectorOf(object, e));
    if (selector.empty()) {
      return absl::InvalidArgumentError(
          "couldn't retrieve selectors via --selector flag or introspection");
    }
    spec["selector"] = std::move(selector);
  }
  if (!spec.contains("ports")) {
    Json ports = PortsOf(object, e);
    if (ports.empty()) {
      return absl::InvalidArgumentError("couldn't find port via --port flag or introspection");
    }
    for (size_t i = 0; i < ports.size(); ++i) {
      ports[i]["targetPort"] = ports[i]["port"];
      if (ports.size() > 1) ports[i]["name"] = absl::StrCat("port-", i + 1);
    }
    spec["ports"] = std::move(ports);
  }
  Json& metadata = service["metadata"];
  if (!metadata.contains("labels")) {
    if (const Json* labels = Find(object, "metadata.labels"); labels && !labels->empty()) {
      metadata["labels"] = *labels;
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ExecResult> ExecExpose(Cluster& cluster, const Operation& op, ExecContext& ctx) {
  if (op.manifests.empty()) {
    return absl::InvalidArgumentError(op.problem.empty() ? "error: no objects passed to expose"
                                                         : op.problem);
  }
  const Exposable* exposable = FindExposable(op.kind);
  if (exposable == nullptr) {
    const TypeInfo* type = LookupKind(op.kind);
    std::string name = type == nullptr || type->group.empty() ? op.kind
                                                              : op.kind + "." + type->group;
    return absl::InvalidArgumentError(absl::StrCat("cannot expose a ", name));
  }
  const TypeInfo* type = LookupKind(op.kind);
  std::string ns = type != nullptr && !type->namespaced ? "" : NamespaceOf(op, ctx);
  for (size_t i = 0; i < op.manifests.size(); ++i) {
    ObjectKey exposed{op.kind, ns, i < op.names.size() ? op.names[i] : ""};
    const Json* object = cluster.Get(exposed);
    if (object == nullptr) return NotFound(exposed);
    Json service = op.manifests[i];
    KREPLAY_RETURN_IF_ERROR(Complete(*object, *exposable, service));
    KREPLAY_ASSIGN_OR_RETURN(Json placed, PlaceManifest(service, op, ctx));
    KREPLAY_RETURN_IF_ERROR(cluster.Create(std::move(placed)).status());
  }
  return ExecResult{};
}

}  // namespace kreplay
