// The kinds kreplay knows and every fact about a kind the code relies on,
// as one table: names, short names, scope, where the kind keeps its pod
// template, whether it scales, whether `kubectl get all` lists it, whether
// controllers derive it from other objects.
//
// This is the offline stand-in for the API server's discovery document and
// for kubectl's per-kind helpers (polymorphichelpers): `kubectl get deploy`,
// `deployments.apps` and `Deployment` all resolve to the same entry, and the
// simulator, executor, graph and rules ask it instead of keeping their own
// kind lists. Only built-in kinds are registered: a kind that is not here is
// a custom resource (no strategic-merge metadata). Adding a kind is one line
// in type_registry.cc (docs/semantics.md, "Kinds").
#ifndef KREPLAY_MODEL_TYPE_REGISTRY_H_
#define KREPLAY_MODEL_TYPE_REGISTRY_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace kreplay {

struct TypeInfo {
  std::string kind;         // Deployment
  std::string group;        // apps ("" for the core group)
  std::string version;      // v1
  std::string plural;       // deployments
  std::vector<std::string> short_names;  // deploy
  bool namespaced = true;
  // Where a workload keeps the template of the pods it owns, as a dotted
  // path (`spec.template`, `spec.jobTemplate.spec.template`); "" for kinds
  // that own no pods through a template (a Pod included).
  std::string pod_template = "";
  bool scalable = false;    // has the scale subresource (`kubectl scale`)
  // Position in `kubectl get all` (1 first); 0 when not in the `all` category.
  int all_order = 0;
  // Bookkeeping controllers derive from other objects (Endpoints, Events).
  bool derived = false;

  // Filled in from pod_template (and for a Pod, its own spec and labels):
  // the dotted path of the pod spec and of the pod labels, "" when none.
  std::string pod_spec = "";    // spec.template.spec; spec for a Pod
  std::string pod_labels = "";  // spec.template.metadata.labels; metadata.labels

  // `apps/v1`, or `v1` for the core group.
  std::string ApiVersion() const;
  // Owns pods through a pod template (Deployment, Job, CronJob, ...).
  bool workload() const { return !pod_template.empty(); }
};

// Finds a type by kind (case-insensitive), plural, singular, short name, or
// any of those qualified by group (`deployments.apps`, `deploy.apps`).
// Returns nullptr when unknown.
const TypeInfo* LookupType(absl::string_view name);

// Finds a type by its exact kind (`Deployment`); nullptr when unknown (a
// custom resource). A hash lookup: cheap enough for hot paths.
const TypeInfo* LookupKind(absl::string_view kind);

// Every registered type, ordered by kind.
const std::vector<TypeInfo>& AllTypes();

// The kinds of the `all` category, in `kubectl get all` order.
const std::vector<std::string>& AllCategoryKinds();

// Facts of `kind` (false or "" for unknown kinds).
bool IsWorkloadKind(absl::string_view kind);
bool IsScalableKind(absl::string_view kind);
bool IsDerivedKind(absl::string_view kind);
// A workload or a Pod: a kind whose objects carry a pod spec.
bool HasPodSpec(absl::string_view kind);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_TYPE_REGISTRY_H_
