// rollout undo, as kubectl's client-side rollback (polymorphichelpers/
// rollback.go): copy the template of the ReplicaSet of the wanted revision
// into the Deployment; the controller then makes that ReplicaSet new again.
#include <set>

#include "absl/strings/str_cat.h"
#include "replay/exec/rollout.h"
#include "sim/deployment_util.h"

namespace kreplay {
namespace {

const std::set<std::string> kKeptAnnotations = {
    "kubectl.kubernetes.io/last-applied-configuration", kRevisionAnnotation,
    kRevisionHistoryAnnotation, "deployment.kubernetes.io/desired-replicas",
    "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to"};

// The ReplicaSet of `revision`; 0 means the one before the latest.
absl::StatusOr<const Json*> FindRevision(const std::vector<const Json*>& rss,
                                         int64_t revision, const std::string& name) {
  if (revision == 0) {
    if (rss.size() < 2) {
      return absl::FailedPreconditionError(
          absl::StrCat("error: no rollout history found for deployment \"", name, "\""));
    }
    return rss[rss.size() - 2];  // ordered by revision, oldest first
  }
  for (const Json* rs : rss) {
    if (RevisionOf(*rs) == revision) return rs;
  }
  return absl::NotFoundError(
      absl::StrCat("error: unable to find specified revision ", revision, " in history"));
}

Json RolledBack(const Json& deployment, const Json& rs) {
  Json out = deployment;
  Json tmpl = rs["spec"]["template"];
  Erase(tmpl, "metadata.labels.pod-template-hash");
  out["spec"]["template"] = tmpl;
  Json annotations = Json::object();
  for (const std::string& key : kKeptAnnotations) {
    std::string value = GetAnnotation(deployment, key);
    if (!value.empty()) annotations[key] = value;
  }
  if (const Json* from = Find(rs, "metadata.annotations"); from && from->is_object()) {
    for (const auto& [key, value] : from->items()) {
      if (!kKeptAnnotations.contains(key)) annotations[key] = value;
    }
  }
  out["metadata"]["annotations"] = annotations;
  return out;
}

}  // namespace

absl::StatusOr<ExecResult> ExecRolloutUndo(Cluster& cluster, const Operation& op,
                                           ExecContext& ctx) {
  ExecResult result;
  for (const ObjectKey& key : TargetsOf(cluster, op, ctx)) {
    const Json* d = cluster.Get(key);
    if (d == nullptr) return NotFound(key);
    if (key.kind != "Deployment") {
      return ExecResult::Unmodelled(
          absl::StrCat("kreplay models rollout undo of Deployments only, not ", key.kind));
    }
    if (GetBool(*d, "spec.paused")) {
      return absl::FailedPreconditionError(
          "error: you cannot rollback a paused deployment; resume it first with "
          "'kubectl rollout resume' and try again");
    }
    std::vector<const Json*> rss = ReplicaSetsOf(cluster.store(), *d);
    absl::StatusOr<const Json*> rs = FindRevision(rss, op.to_revision.value_or(0), key.name);
    if (!rs.ok()) return rs.status();
    if (EqualIgnoreHash((**rs)["spec"]["template"], (*d)["spec"]["template"])) {
      result.notes.push_back(absl::StrCat("skipped rollback (current template already matches revision ",
                                          RevisionOf(**rs), ")"));
      continue;
    }
    absl::StatusOr<Json> updated = cluster.Update(RolledBack(*d, **rs));
    if (!updated.ok()) return updated.status();
  }
  return result;
}

}  // namespace kreplay
