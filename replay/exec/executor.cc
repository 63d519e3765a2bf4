#include "replay/exec/executor.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "model/label_selector.h"
#include "model/status_macros.h"
#include "model/type_registry.h"
#include "replay/exec/delete.h"
#include "replay/exec/edit.h"
#include "replay/exec/expose.h"
#include "replay/exec/logs.h"
#include "replay/exec/manifest.h"
#include "replay/exec/read.h"
#include "replay/exec/rollout.h"

namespace kreplay {
namespace {

using ExecHandler = absl::StatusOr<ExecResult> (*)(Cluster&, const Operation&, ExecContext&);

struct VerbHandler {
  Verb verb;
  ExecHandler handler;
};

constexpr VerbHandler kHandlers[] = {
    {Verb::kCreate, &ExecCreate},        {Verb::kApply, &ExecApply},
    {Verb::kReplace, &ExecReplace},      {Verb::kPatch, &ExecEdit},
    {Verb::kLabel, &ExecEdit},           {Verb::kAnnotate, &ExecEdit},
    {Verb::kScale, &ExecEdit},           {Verb::kSetImage, &ExecEdit},
    {Verb::kSetEnv, &ExecEdit},          {Verb::kSetResources, &ExecEdit},
    {Verb::kRolloutRestart, &ExecEdit},  {Verb::kRolloutPause, &ExecEdit},
    {Verb::kRolloutResume, &ExecEdit},   {Verb::kCordon, &ExecEdit},
    {Verb::kUncordon, &ExecEdit},        {Verb::kTaint, &ExecEdit},
    {Verb::kRolloutUndo, &ExecRolloutUndo},
    {Verb::kDelete, &ExecDelete},        {Verb::kRun, &ExecCreate},
    {Verb::kExpose, &ExecExpose},        {Verb::kAutoscale, &ExecCreate},
};

// `kubectl get all` and `delete all` cover the registry's `all` category.
std::vector<std::string> KindsOf(const Operation& op) {
  if (op.resource == "all") return AllCategoryKinds();
  if (!op.kind.empty()) return {op.kind};
  return {};
}

void AddMatching(const Cluster& cluster, const Operation& op, const std::string& kind,
                 const std::string& ns, std::vector<ObjectKey>& out) {
  absl::StatusOr<LabelSelector> selector = LabelSelector::Parse(op.selector);
  if (!selector.ok()) return;
  for (const Json* object : cluster.store().List(kind, ns)) {
    if (selector->Matches(GetStringMap(*object, "metadata.labels"))) out.push_back(KeyOf(*object));
  }
}

// The object a manifest names: where PlaceManifest puts it, or, when kubectl
// refuses it for a namespace other than -n's, the manifest's own namespace
// (the object the refused call tried to write).
ObjectKey ManifestKey(const Json& manifest, const Operation& op, const ExecContext& ctx) {
  absl::StatusOr<Json> placed = PlaceManifest(manifest, op, ctx);
  return KeyOf(placed.ok() ? *placed : manifest);
}

// Whether one of `op`'s manifests is `kind`/`name`. Such a name only repeats
// the manifest (-f -, a tool's object) for rules and reports: its object is
// already a target, in the manifest's namespace, and `op.ns` is no -n, so a
// second lookup would address a phantom object in the default namespace.
// Names of another object stay targets (the Deployment `expose` exposes).
bool NamedByManifest(const Operation& op, const std::string& kind, const std::string& name) {
  return std::any_of(op.manifests.begin(), op.manifests.end(), [&](const Json& manifest) {
    return GetString(manifest, "kind") == kind && GetString(manifest, "metadata.name") == name;
  });
}

// kubectl's resource builder refuses a manifest whose namespace is not -n's
// before it sends anything, whatever the verb (create, apply, get, delete,
// label -f ...).
absl::Status CheckManifestNamespaces(const Operation& op, const ExecContext& ctx) {
  for (const Json& manifest : op.manifests) {
    if (absl::StatusOr<Json> placed = PlaceManifest(manifest, op, ctx); !placed.ok()) {
      return placed.status();
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::string NamespaceOf(const Operation& op, const ExecContext& ctx) {
  return op.ns_explicit && !op.ns.empty() ? op.ns : ctx.default_namespace;
}

std::vector<ObjectKey> TargetsOf(const Cluster& cluster, const Operation& op, ExecContext& ctx) {
  return ctx.targets ? *ctx.targets : ResolveTargets(cluster, op, ctx);
}

std::vector<ObjectKey> ResolveTargets(const Cluster& cluster, const Operation& op,
                                      ExecContext& ctx) {
  std::vector<ObjectKey> out;
  for (const Json& manifest : op.manifests) out.push_back(ManifestKey(manifest, op, ctx));
  for (const std::string& kind : KindsOf(op)) {
    const TypeInfo* type = LookupKind(kind);
    std::string ns = type && !type->namespaced ? "" : NamespaceOf(op, ctx);
    if (op.all_namespaces) ns.clear();
    for (const std::string& name : op.names) {
      if (NamedByManifest(op, kind, name)) continue;
      std::string resolved = kind == "Pod" ? ctx.aliases->Resolve(cluster, ns, name) : name;
      out.push_back(ObjectKey{kind, ns, resolved});
    }
    if (op.names.empty() && (op.all || !op.selector.empty())) AddMatching(cluster, op, kind, ns, out);
  }
  return out;
}

std::vector<Operation> Requests(const Operation& op) {
  if (!op.mutating() || op.kind != "Pod" || op.names.size() < 2) return {op};
  std::vector<Operation> out;
  for (const std::string& name : op.names) {
    Operation one = op;
    one.names = {name};
    out.push_back(std::move(one));
  }
  return out;
}

absl::StatusOr<ExecResult> Execute(Cluster& cluster, const Operation& op, ExecContext& ctx) {
  if (!op.problem.empty() && op.verb == Verb::kUnknown) {
    return ExecResult::Unmodelled(op.problem);
  }
  KREPLAY_RETURN_IF_ERROR(CheckManifestNamespaces(op, ctx));
  if (op.verb == Verb::kLogs) return ExecLogs(cluster, op, ctx);
  if (!op.mutating() || InfoOf(op.verb).delegated) return ExecRead(cluster, op, ctx);
  for (const VerbHandler& h : kHandlers) {
    if (h.verb != op.verb) continue;
    if (op.dry_run == DryRun::kNone) return h.handler(cluster, op, ctx);
    Cluster scratch = cluster;  // dry run: the server checks, nothing persists
    absl::StatusOr<ExecResult> result = h.handler(scratch, op, ctx);
    if (result.ok() && !result->not_modelled) result->notes.push_back("dry run: nothing persisted");
    return result;
  }
  return ExecResult::Unmodelled(
      absl::StrCat("kreplay does not model `", InfoOf(op.verb).name, "`"));
}

absl::Status NotFound(const ObjectKey& key) {
  const TypeInfo* type = LookupKind(key.kind);
  std::string resource = type ? type->plural : key.kind;
  if (type && !type->group.empty()) absl::StrAppend(&resource, ".", type->group);
  return absl::NotFoundError(absl::StrCat(resource, " \"", key.name, "\" not found"));
}

}  // namespace kreplay
