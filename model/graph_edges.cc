// Object-level relationships, one extractor per relationship, in a table.
#include "model/graph_edges.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/edge_collector.h"
#include "model/edge_sink.h"
#include "model/label_index.h"
#include "model/label_selector.h"
#include "model/pod_spec_edges.h"
#include "model/type_registry.h"

namespace kreplay {
namespace {

// A workload's pod template, where the type registry says the kind keeps it.
const Json* PodTemplateOf(const ObjectKey& key, const Json& object) {
  const TypeInfo* type = LookupKind(key.kind);
  return type != nullptr && type->workload() ? Find(object, type->pod_template) : nullptr;
}

struct Context {
  const ObjectStore& store;
  LabelIndex pods;       // Pods by metadata.labels
  LabelIndex templates;  // workloads by pod-template labels
};

// Vertex numbers are positions among the kept objects of the store
// (EdgeCollector numbers them so).
void IndexLabels(const ObjectStore& store, const ObjectFilter& keep, Context* ctx) {
  uint32_t v = 0;
  for (const auto& [key, object] : store.objects()) {
    if (keep && !keep(key)) continue;
    if (key.kind == "Pod") {
      ctx->pods.Add(key.ns, v, GetStringMap(*object, "metadata.labels"));
    } else if (const Json* pod_template = PodTemplateOf(key, *object)) {
      ctx->templates.Add(key.ns, v, GetStringMap(*pod_template, "metadata.labels"));
    }
    ++v;
  }
}

// --- owns -----------------------------------------------------------------

// The owner a reference names when it has no uid (hand-written fixtures):
// same namespace as the dependent unless the kind is cluster-scoped.
ObjectKey OwnerByName(const ObjectKey& dependent, const Json& ref) {
  std::string kind = GetString(ref, "kind");
  const TypeInfo* type = LookupKind(kind);
  std::string ns = type != nullptr && !type->namespaced ? "" : dependent.ns;
  return ObjectKey{kind, ns, GetString(ref, "name")};
}

// Like the garbage collector, resolves by uid. A uid that matches nothing
// leaves a dangling edge to the named owner, noted in the detail.
ObjectKey ResolveOwner(const ObjectStore& store, const ObjectKey& dependent,
                       const Json& ref, std::string* detail) {
  *detail = GetBool(ref, "controller") ? "controller" : "";
  std::string uid = GetString(ref, "uid");
  if (uid.empty()) return OwnerByName(dependent, ref);
  if (const ObjectKey* key = store.KeyOfUid(uid)) return *key;
  absl::StrAppend(detail, detail->empty() ? "" : " ", "uid=", uid, " not found");
  return OwnerByName(dependent, ref);
}

// An owner in another namespace (or a namespaced owner of a cluster-scoped
// object) is invalid; the garbage collector treats it as absent.
void OwnerEdges(const Context& ctx, const Json& object, EdgeSink* sink) {
  ForEachObjectIn(object, "metadata.ownerReferences", [&](const Json& ref) {
    std::string detail;
    ObjectKey owner = ResolveOwner(ctx.store, sink->from(), ref, &detail);
    if (owner.kind.empty() || owner.name.empty()) return;
    if (!owner.ns.empty() && owner.ns != sink->from().ns) {
      sink->Problem(absl::StrCat("metadata.ownerReferences: owner ", owner.ToString(),
                                 " is in another namespace; ignored"));
      return;
    }
    sink->AddIncoming(EdgeKind::kOwns, owner, std::move(detail));
  });
}

// --- selects --------------------------------------------------------------

// How a kind reads its selector: Services use a plain map where empty
// selects nothing; PodDisruptionBudget (policy/v1) and workloads use a
// LabelSelector where null selects nothing and {} everything; a
// NetworkPolicy's podSelector is required, so absent reads as {}.
enum class SelectorForm { kMap, kNullSelectsNothing, kNullSelectsAll };

struct SelectorField {
  absl::string_view kind;
  absl::string_view path;
  SelectorForm form;
  bool templates;  // also select workloads by their pod-template labels
};
constexpr SelectorField kSelectorFields[] = {
    {"DaemonSet", "spec.selector", SelectorForm::kNullSelectsNothing, false},
    {"Deployment", "spec.selector", SelectorForm::kNullSelectsNothing, false},
    {"Job", "spec.selector", SelectorForm::kNullSelectsNothing, false},
    {"NetworkPolicy", "spec.podSelector", SelectorForm::kNullSelectsAll, true},
    {"PodDisruptionBudget", "spec.selector", SelectorForm::kNullSelectsNothing, true},
    {"ReplicaSet", "spec.selector", SelectorForm::kNullSelectsNothing, false},
    {"Service", "spec.selector", SelectorForm::kMap, true},
    {"StatefulSet", "spec.selector", SelectorForm::kNullSelectsNothing, false},
};

absl::StatusOr<LabelSelector> ReadSelector(const SelectorField& where,
                                           const Json& object) {
  const Json* field = Find(object, where.path);
  switch (where.form) {
    case SelectorForm::kMap:
      return LabelSelector::FromMap(GetStringMap(object, where.path));
    case SelectorForm::kNullSelectsNothing:
      return LabelSelector::FromJson(field);
    case SelectorForm::kNullSelectsAll:
      if (field == nullptr || field->is_null()) return LabelSelector::Everything();
      return LabelSelector::FromJson(field);
  }
  return LabelSelector::Nothing();
}

// ExternalName Services have no endpoints, so they select nothing.
bool SelectsPods(const ObjectKey& key, const Json& object) {
  return key.kind != "Service" || GetString(object, "spec.type") != "ExternalName";
}

const SelectorField* SelectorFieldOf(absl::string_view kind) {
  for (const SelectorField& where : kSelectorFields) {
    if (where.kind == kind) return &where;
  }
  return nullptr;
}

void SelectorEdges(const Context& ctx, const Json& object, EdgeSink* sink) {
  const ObjectKey& from = sink->from();
  const SelectorField* where = SelectorFieldOf(from.kind);
  if (where == nullptr || !SelectsPods(from, object)) return;
  absl::StatusOr<LabelSelector> selector = ReadSelector(*where, object);
  if (!selector.ok()) {
    sink->Problem(absl::StrCat(where->path, ": ", selector.status().message(),
                               "; no selects edges"));
    return;
  }
  std::string detail = selector->ToString();
  for (uint32_t pod : ctx.pods.Select(from.ns, *selector)) {
    sink->AddTo(EdgeKind::kSelects, pod, detail);
  }
  if (!where->templates) return;
  EdgeSink templates = sink->Template();
  for (uint32_t workload : ctx.templates.Select(from.ns, *selector)) {
    templates.AddTo(EdgeKind::kSelects, workload, detail);
  }
}

// --- pod specs ------------------------------------------------------------

void PodSpecEdges(const Context&, const Json& object, EdgeSink* sink) {
  if (sink->from().kind == "Pod") {
    if (const Json* spec = Find(object, "spec")) ExtractPodSpecEdges(*spec, sink);
  } else if (const Json* pod_template = PodTemplateOf(sink->from(), object)) {
    EdgeSink templates = sink->Template();
    if (const Json* spec = Find(*pod_template, "spec")) {
      ExtractPodSpecEdges(*spec, &templates);
    }
  }
}

// --- routes and tls -------------------------------------------------------

// networking.k8s.io/v1 names `service.name` / `service.port`; the removed
// extensions/v1beta1 form (`serviceName` / `servicePort`) still appears in
// old manifests.
std::string BackendPort(const Json& backend) {
  for (absl::string_view path :
       {"service.port.number", "service.port.name", "servicePort"}) {
    const Json* port = Find(backend, path);
    if (port == nullptr || port->is_null()) continue;
    return port->is_string() ? port->get<std::string>() : Compact(*port);
  }
  return "";
}

// A `resource` backend routes to an arbitrary object of the namespace.
void BackendEdge(const Json& backend, absl::string_view where, EdgeSink* sink) {
  std::string port = BackendPort(backend);
  std::string detail = absl::StrCat(where, port.empty() ? "" : " port=", port);
  std::string service = GetString(backend, "service.name",
                                   GetString(backend, "serviceName"));
  const std::string& ns = sink->from().ns;
  if (!service.empty()) {
    sink->Add(EdgeKind::kRoutes, ObjectKey{"Service", ns, service}, detail);
  } else if (const Json* resource = Find(backend, "resource")) {
    sink->Add(EdgeKind::kRoutes,
              ObjectKey{GetString(*resource, "kind"), ns, GetString(*resource, "name")},
              detail);
  }
}

std::string TlsHosts(const Json& entry) {
  std::vector<std::string> hosts;
  if (const Json* list = Find(entry, "hosts"); list && list->is_array()) {
    for (const Json& host : *list) {
      if (host.is_string()) hosts.push_back(host.get<std::string>());
    }
  }
  return hosts.empty() ? "" : absl::StrCat("hosts=", absl::StrJoin(hosts, ","));
}

void IngressEdges(const Context&, const Json& object, EdgeSink* sink) {
  const Json* fallback = Find(object, "spec.defaultBackend");
  if (fallback == nullptr) fallback = Find(object, "spec.backend");
  if (fallback != nullptr) BackendEdge(*fallback, "default", sink);
  ForEachObjectIn(object, "spec.rules", [&](const Json& rule) {
    std::string host = GetString(rule, "host", "*");
    ForEachObjectIn(rule, "http.paths", [&](const Json& path) {
      std::string where = absl::StrCat(host, GetString(path, "path", "/"));
      if (const Json* backend = Find(path, "backend")) BackendEdge(*backend, where, sink);
    });
  });
  ForEachObjectIn(object, "spec.tls", [&](const Json& entry) {
    std::string secret = GetString(entry, "secretName");
    if (secret.empty()) return;
    sink->Add(EdgeKind::kTls, ObjectKey{"Secret", sink->from().ns, secret},
              TlsHosts(entry));
  });
}

// --- scales ---------------------------------------------------------------

void ScaleEdges(const Context&, const Json& object, EdgeSink* sink) {
  std::string kind = GetString(object, "spec.scaleTargetRef.kind");
  std::string name = GetString(object, "spec.scaleTargetRef.name");
  if (kind.empty() || name.empty()) return;
  sink->Add(EdgeKind::kScales, ObjectKey{kind, sink->from().ns, name});
}

// --- binds ----------------------------------------------------------------

// Users and Groups are not objects; only ServiceAccount subjects get edges.
void BindingEdges(const Context&, const Json& object, EdgeSink* sink) {
  const ObjectKey& from = sink->from();
  std::string role_kind = GetString(object, "roleRef.kind");
  std::string role_ns = role_kind == "Role" ? from.ns : "";
  sink->Add(EdgeKind::kBinds,
            ObjectKey{role_kind, role_ns, GetString(object, "roleRef.name")}, "roleRef");
  ForEachObjectIn(object, "subjects", [&](const Json& subject) {
    if (GetString(subject, "kind") != "ServiceAccount") return;
    std::string ns = GetString(subject, "namespace", from.ns);
    std::string name = GetString(subject, "name");
    if (ns.empty()) {
      sink->Problem(absl::StrCat("subjects: ServiceAccount ", name,
                                 " has no namespace; ignored"));
      return;
    }
    sink->Add(EdgeKind::kBinds, ObjectKey{"ServiceAccount", ns, name}, "subject");
  });
}

// --- the table ------------------------------------------------------------

struct ObjectExtractor {
  absl::string_view kind;  // "" applies to every kind
  void (*extract)(const Context& ctx, const Json& object, EdgeSink* sink);
};
constexpr ObjectExtractor kObjectExtractors[] = {
    {"", OwnerEdges},                        // owns
    {"", SelectorEdges},                     // selects (kSelectorFields)
    {"", PodSpecEdges},                      // mounts, env-*, pull-secret, runs-as
    {"Ingress", IngressEdges},               // routes, tls
    {"HorizontalPodAutoscaler", ScaleEdges}, // scales
    {"RoleBinding", BindingEdges},           // binds
    {"ClusterRoleBinding", BindingEdges},    // binds
};

}  // namespace

Edge ExtractedGraph::EdgeAt(size_t i) const {
  const EdgeRecord& e = edges[i];
  return Edge{nodes[e.from].key, nodes[e.to].key, e.kind, e.detail, e.template_level};
}

ExtractedGraph ExtractGraph(const ObjectStore& store, const ObjectFilter& keep) {
  EdgeCollector collector(store, keep);
  Context ctx{store, {}, {}};
  IndexLabels(store, keep, &ctx);
  uint32_t v = 0;
  for (const auto& [key, object] : store.objects()) {
    if (keep && !keep(key)) continue;
    EdgeSink sink(&collector, v++, false);
    for (const ObjectExtractor& extractor : kObjectExtractors) {
      if (extractor.kind.empty() || extractor.kind == key.kind) {
        extractor.extract(ctx, *object, &sink);
      }
    }
  }
  return std::move(collector).Finish();
}

}  // namespace kreplay
