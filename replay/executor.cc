#include "replay/executor.h"

#include "absl/strings/str_cat.h"
#include "model/label_selector.h"
#include "model/type_registry.h"
#include "replay/exec_handlers.h"

namespace kreplay {
namespace {

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
    {Verb::kUncordon, &ExecEdit},        {Verb::kRolloutUndo, &ExecRolloutUndo},
    {Verb::kDelete, &ExecDelete},        {Verb::kRun, &ExecCreate},
    {Verb::kExpose, &ExecCreate},        {Verb::kAutoscale, &ExecCreate},
};

// Kinds `kubectl get all` and `delete all` cover.
const char* const kAllKinds[] = {"Pod", "Service", "Deployment", "ReplicaSet",
                                 "StatefulSet", "DaemonSet", "Job", "CronJob",
                                 "HorizontalPodAutoscaler"};

std::vector<std::string> KindsOf(const Operation& op) {
  if (op.resource == "all") return {std::begin(kAllKinds), std::end(kAllKinds)};
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

}  // namespace

std::string NamespaceOf(const Operation& op, const ExecContext& ctx) {
  return op.ns_explicit && !op.ns.empty() ? op.ns : ctx.default_namespace;
}

std::vector<ObjectKey> ResolveTargets(const Cluster& cluster, const Operation& op,
                                      ExecContext& ctx) {
  std::vector<ObjectKey> out;
  for (const Json& manifest : op.manifests) {
    absl::StatusOr<Json> placed = PlaceManifest(manifest, op, ctx);
    if (placed.ok()) out.push_back(KeyOf(*placed));
  }
  for (const std::string& kind : KindsOf(op)) {
    const TypeInfo* type = LookupKind(kind);
    std::string ns = type && !type->namespaced ? "" : NamespaceOf(op, ctx);
    if (op.all_namespaces) ns.clear();
    for (const std::string& name : op.names) {
      std::string resolved = kind == "Pod" ? ctx.aliases->Resolve(cluster, ns, name) : name;
      out.push_back(ObjectKey{kind, ns, resolved});
    }
    if (op.names.empty() && (op.all || !op.selector.empty())) AddMatching(cluster, op, kind, ns, out);
  }
  return out;
}

absl::StatusOr<ExecResult> Execute(Cluster& cluster, const Operation& op, ExecContext& ctx) {
  if (!op.problem.empty() && op.verb == Verb::kUnknown) {
    return absl::UnimplementedError(op.problem);
  }
  if (!op.mutating() || InfoOf(op.verb).delegated) return ExecRead(cluster, op, ctx);
  for (const VerbHandler& h : kHandlers) {
    if (h.verb != op.verb) continue;
    if (op.dry_run == DryRun::kNone) return h.handler(cluster, op, ctx);
    Cluster scratch = cluster;  // dry run: the server checks, nothing persists
    absl::StatusOr<ExecResult> result = h.handler(scratch, op, ctx);
    if (result.ok()) result->notes.push_back("dry run: nothing persisted");
    return result;
  }
  return absl::UnimplementedError(
      absl::StrCat("kreplay does not model `", InfoOf(op.verb).name, "`"));
}

}  // namespace kreplay
