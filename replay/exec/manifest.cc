// create, apply (client-side and server-side) and replace: writes of whole
// manifests.
#include "absl/strings/str_cat.h"
#include "model/client_side_apply.h"
#include "model/server_side_apply.h"
#include "model/type_registry.h"
#include "replay/exec/manifest.h"

namespace kreplay {
namespace {

constexpr char kKubectlManager[] = "kubectl";

using ManifestWrite = absl::Status (*)(Cluster&, const Json&, const Operation&, ExecContext&);

absl::StatusOr<ExecResult> ForEachManifest(Cluster& cluster, const Operation& op,
                                           ExecContext& ctx, ManifestWrite write) {
  if (op.manifests.empty()) {
    return absl::InvalidArgumentError(
        op.problem.empty() ? "error: no objects passed to " + std::string(InfoOf(op.verb).name)
                           : op.problem);
  }
  for (const Json& manifest : op.manifests) {
    absl::StatusOr<Json> placed = PlaceManifest(manifest, op, ctx);
    if (!placed.ok()) return placed.status();
    // kubectl sends one request per object: earlier ones stay applied.
    if (absl::Status s = write(cluster, *placed, op, ctx); !s.ok()) return s;
  }
  return ExecResult{};
}

absl::Status Create(Cluster& cluster, const Json& manifest, const Operation&, ExecContext&) {
  return cluster.Create(manifest).status();
}

absl::Status ClientApply(Cluster& cluster, const Json& manifest, const Operation& op,
                         ExecContext& ctx) {
  const Json* live = cluster.Get(KeyOf(manifest));
  absl::StatusOr<Json> applied = ClientSideApply(live, manifest);
  if (!applied.ok()) return applied.status();
  if (live == nullptr) return cluster.Create(*std::move(applied)).status();
  absl::Status s = cluster.Update(*std::move(applied)).status();
  if (!s.ok() && op.force) {  // kubectl apply --force: delete and re-create
    ObjectKey key = KeyOf(manifest);
    if (absl::Status d = cluster.Delete(key, Propagation::kBackground); !d.ok()) return d;
    return ClientApply(cluster, manifest, Operation{}, ctx);
  }
  return s;
}

absl::Status ServerApply(Cluster& cluster, const Json& manifest, const Operation& op,
                         ExecContext& ctx) {
  const Json* live = cluster.Get(KeyOf(manifest));
  SsaOptions options{op.field_manager.empty() ? kKubectlManager : op.field_manager,
                     op.force_conflicts, ctx.time};
  absl::StatusOr<Json> applied = ServerSideApply(live, manifest, options);
  if (!applied.ok()) return applied.status();
  if (live == nullptr) return cluster.Create(*std::move(applied)).status();
  return cluster.Update(*std::move(applied)).status();
}

absl::Status Apply(Cluster& cluster, const Json& manifest, const Operation& op, ExecContext& ctx) {
  return op.server_side ? ServerApply(cluster, manifest, op, ctx)
                        : ClientApply(cluster, manifest, op, ctx);
}

absl::Status Replace(Cluster& cluster, const Json& manifest, const Operation& op, ExecContext&) {
  ObjectKey key = KeyOf(manifest);
  if (cluster.Get(key) == nullptr) return NotFound(key);
  if (op.force) {  // replace --force: delete, then create from the manifest
    if (absl::Status s = cluster.Delete(key, Propagation::kBackground); !s.ok()) return s;
    return cluster.Create(manifest).status();
  }
  return cluster.Update(manifest).status();
}

}  // namespace

absl::StatusOr<Json> PlaceManifest(const Json& manifest, const Operation& op,
                                   const ExecContext& ctx) {
  Json placed = manifest;
  const TypeInfo* type = LookupKind(GetString(manifest, "kind"));
  std::string own = GetString(manifest, "metadata.namespace");
  if (type && !type->namespaced) {
    Erase(placed, "metadata.namespace");
    return placed;
  }
  if (!own.empty() && op.ns_explicit && !op.ns.empty() && own != op.ns) {
    return absl::InvalidArgumentError(absl::StrCat(
        "error: the namespace from the provided object \"", own,
        "\" does not match the namespace \"", op.ns,
        "\". You must pass '--namespace=", own, "' to perform this operation."));
  }
  if (own.empty()) Ensure(placed, "metadata")["namespace"] = NamespaceOf(op, ctx);
  return placed;
}

absl::StatusOr<ExecResult> ExecCreate(Cluster& cluster, const Operation& op, ExecContext& ctx) {
  return ForEachManifest(cluster, op, ctx, &Create);
}

absl::StatusOr<ExecResult> ExecApply(Cluster& cluster, const Operation& op, ExecContext& ctx) {
  return ForEachManifest(cluster, op, ctx, &Apply);
}

absl::StatusOr<ExecResult> ExecReplace(Cluster& cluster, const Operation& op, ExecContext& ctx) {
  return ForEachManifest(cluster, op, ctx, &Replace);
}

}  // namespace kreplay
