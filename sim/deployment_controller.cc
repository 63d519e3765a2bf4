// The Deployment controller: one ReplicaSet per distinct pod template, named
// `<deployment>-<pod-template-hash>`, revisions and their history, and the
// rolling-update and recreate strategies with upstream's arithmetic
// (pkg/controller/deployment/{sync,rolling,recreate}.go).
#include <algorithm>
#include <numeric>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "model/status_macros.h"
#include "sim/controller.h"
#include "sim/deployment_util.h"
#include "sim/names.h"
#include "sim/owner.h"

namespace kreplay {
namespace {

// Deployment annotations that are not copied to its ReplicaSets.
const std::set<std::string> kSkippedAnnotations = {
    "kubectl.kubernetes.io/last-applied-configuration", kRevisionAnnotation,
    kRevisionHistoryAnnotation, "deployment.kubernetes.io/desired-replicas",
    "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to"};

struct State {
  ObjectPtr held;  // keeps `deployment` alive (shared, not copied) across writes
  const Json& deployment;
  const Json* new_rs = nullptr;
  std::vector<const Json*> old_rss;  // oldest first
};

int64_t Replicas(const Json* rs) { return GetInt(*rs, "spec.replicas", 0); }

// The Deployment's spec.replicas; a negative count, which the API server
// refuses (sim/validation.h), counts as zero should one slip through.
int64_t Desired(const Json& deployment) {
  return std::max<int64_t>(0, GetInt(deployment, "spec.replicas", 1));
}
int64_t Available(const Json* rs) { return GetInt(*rs, "status.availableReplicas", 0); }

int64_t Sum(const std::vector<const Json*>& rss, int64_t (*field)(const Json*)) {
  return std::accumulate(rss.begin(), rss.end(), int64_t{0},
                         [&](int64_t total, const Json* rs) { return total + field(rs); });
}

std::vector<const Json*> All(const State& s) {
  std::vector<const Json*> out = s.old_rss;
  if (s.new_rs) out.push_back(s.new_rs);
  return out;
}

absl::Status Scale(Cluster& cluster, const Json* rs, int64_t replicas, const Json& deployment) {
  Json copy = *rs;
  copy["spec"]["replicas"] = replicas;
  Json& annotations = Ensure(copy, "metadata.annotations");
  annotations["deployment.kubernetes.io/desired-replicas"] =
      absl::StrCat(Desired(deployment));
  annotations["deployment.kubernetes.io/max-replicas"] = absl::StrCat(
      Desired(deployment) + ResolveFenceposts(deployment).max_surge);
  return IgnoreGone(cluster.Update(std::move(copy)).status());
}

void CopyAnnotations(const Json& deployment, Json& rs) {
  Json& annotations = Ensure(rs, "metadata.annotations");
  if (const Json* from = Find(deployment, "metadata.annotations"); from && from->is_object()) {
    for (const auto& [key, value] : from->items()) {
      if (!kSkippedAnnotations.contains(key)) annotations[key] = value;
    }
  }
}

Json NewReplicaSet(const Json& d, const std::string& hash, int64_t revision) {
  std::string name = GetString(d, "metadata.name");
  Json tmpl = d["spec"]["template"];
  tmpl["metadata"]["labels"]["pod-template-hash"] = hash;
  Json selector = d["spec"]["selector"];
  selector["matchLabels"]["pod-template-hash"] = hash;
  Json rs = {{"apiVersion", "apps/v1"}, {"kind", "ReplicaSet"},
             {"metadata", {{"name", absl::StrCat(name, "-", hash)},
                           {"namespace", GetString(d, "metadata.namespace")},
                           {"labels", tmpl["metadata"]["labels"]},
                           {"ownerReferences", Json::array({ControllerRef(d)})}}},
             {"spec", {{"replicas", 0}, {"selector", selector}, {"template", tmpl}}}};
  if (d["spec"].contains("minReadySeconds")) rs["spec"]["minReadySeconds"] = d["spec"]["minReadySeconds"];
  CopyAnnotations(d, rs);
  rs["metadata"]["annotations"][kRevisionAnnotation] = absl::StrCat(revision);
  return rs;
}

int64_t MaxRevision(const std::vector<const Json*>& rss) {
  int64_t max = 0;
  for (const Json* rs : rss) max = std::max(max, RevisionOf(*rs));
  return max;
}

// Creates the new ReplicaSet, bumping collisionCount on a name clash. In a
// terminating namespace it creates nothing, as upstream expects.
absl::Status CreateNewReplicaSet(Cluster& cluster, const State& s) {
  Json d = s.deployment;
  int64_t collisions = GetInt(d, "status.collisionCount", 0);
  for (;; ++collisions) {
    std::string hash = PodTemplateHash(d["spec"]["template"], collisions);
    Json rs = NewReplicaSet(d, hash, MaxRevision(s.old_rss) + 1);
    absl::Status created = cluster.Create(std::move(rs)).status();
    if (created.ok()) break;
    if (!absl::IsAlreadyExists(created)) return IgnoreTerminating(created);
  }
  if (collisions != GetInt(d, "status.collisionCount", 0)) {
    d["status"]["collisionCount"] = collisions;
    return IgnoreGone(cluster.UpdateStatus(KeyOf(d), d["status"]));
  }
  return absl::OkStatus();
}

// A template that matches an older ReplicaSet (rollout undo, or a revert)
// makes that ReplicaSet new again with the next revision.
absl::StatusOr<bool> BumpRevision(Cluster& cluster, const State& s) {
  int64_t max_old = MaxRevision(s.old_rss);
  int64_t current = RevisionOf(*s.new_rs);
  if (current > max_old) return false;
  Json rs = *s.new_rs;
  Json& annotations = Ensure(rs, "metadata.annotations");
  std::string history = GetAnnotation(rs, kRevisionHistoryAnnotation);
  annotations[kRevisionHistoryAnnotation] =
      history.empty() ? absl::StrCat(current) : absl::StrCat(history, ",", current);
  annotations[kRevisionAnnotation] = absl::StrCat(max_old + 1);
  CopyAnnotations(s.deployment, rs);
  KREPLAY_RETURN_IF_ERROR(IgnoreGone(cluster.Update(std::move(rs)).status()));
  return true;
}

absl::StatusOr<bool> SetDeploymentRevision(Cluster& cluster, const State& s) {
  std::string revision = GetAnnotation(*s.new_rs, kRevisionAnnotation);
  if (GetAnnotation(s.deployment, kRevisionAnnotation) == revision) return false;
  Json d = s.deployment;
  Ensure(d, "metadata.annotations")[kRevisionAnnotation] = revision;
  KREPLAY_RETURN_IF_ERROR(IgnoreGone(cluster.Update(std::move(d)).status()));
  return true;
}

absl::StatusOr<bool> ReconcileNew(Cluster& cluster, const State& s) {
  int64_t want = Desired(s.deployment);
  int64_t have = Replicas(s.new_rs);
  if (have == want) return false;
  if (have > want) {
    KREPLAY_RETURN_IF_ERROR(Scale(cluster, s.new_rs, want, s.deployment));
    return true;
  }
  int64_t max_total = want + ResolveFenceposts(s.deployment).max_surge;
  int64_t current = Sum(All(s), &Replicas);
  if (current >= max_total) return false;
  KREPLAY_RETURN_IF_ERROR(
      Scale(cluster, s.new_rs, have + std::min(max_total - current, want - have), s.deployment));
  return true;
}

absl::StatusOr<bool> ReconcileOld(Cluster& cluster, const State& s) {
  if (Sum(s.old_rss, &Replicas) == 0) return false;
  int64_t want = Desired(s.deployment);
  int64_t min_available = want - ResolveFenceposts(s.deployment).max_unavailable;
  int64_t new_unavailable = Replicas(s.new_rs) - Available(s.new_rs);
  int64_t max_scaled_down = Sum(All(s), &Replicas) - min_available - new_unavailable;
  if (max_scaled_down <= 0) return false;
  // First the unhealthy old replicas, oldest ReplicaSet first.
  int64_t scaled = 0;
  for (const Json* rs : s.old_rss) {
    int64_t unhealthy = Replicas(rs) - Available(rs);
    if (scaled >= max_scaled_down || unhealthy <= 0) continue;
    int64_t n = std::min(max_scaled_down - scaled, unhealthy);
    KREPLAY_RETURN_IF_ERROR(Scale(cluster, rs, Replicas(rs) - n, s.deployment));
    scaled += n;
  }
  if (scaled > 0) return true;
  // Then healthy ones, while enough stay available.
  int64_t available = Sum(All(s), &Available);
  int64_t budget = available - min_available;
  for (const Json* rs : s.old_rss) {
    if (budget <= 0) break;
    int64_t n = std::min(Replicas(rs), budget);
    if (n == 0) continue;
    KREPLAY_RETURN_IF_ERROR(Scale(cluster, rs, Replicas(rs) - n, s.deployment));
    budget -= n;
    scaled += n;
  }
  return scaled > 0;
}

absl::StatusOr<bool> Recreate(Cluster& cluster, const State& s) {
  bool wrote = false;
  for (const Json* rs : s.old_rss) {
    if (Replicas(rs) > 0) {
      KREPLAY_RETURN_IF_ERROR(Scale(cluster, rs, 0, s.deployment));
      wrote = true;
    }
  }
  if (wrote) return true;
  for (const Json* rs : s.old_rss) {
    if (GetInt(*rs, "status.replicas", 0) > 0) return false;  // wait for pods to go
  }
  int64_t want = Desired(s.deployment);
  if (Replicas(s.new_rs) == want) return false;
  KREPLAY_RETURN_IF_ERROR(Scale(cluster, s.new_rs, want, s.deployment));
  return true;
}

absl::StatusOr<bool> CleanupHistory(Cluster& cluster, const State& s) {
  int64_t limit = GetInt(s.deployment, "spec.revisionHistoryLimit", 10);
  std::vector<const Json*> idle;
  for (const Json* rs : s.old_rss) {
    if (Replicas(rs) == 0 && GetInt(*rs, "status.replicas", 0) == 0) idle.push_back(rs);
  }
  int64_t excess = static_cast<int64_t>(idle.size()) - limit;
  for (int64_t i = 0; i < excess; ++i) {
    KREPLAY_RETURN_IF_ERROR(IgnoreGone(cluster.Delete(KeyOf(*idle[i]), Propagation::kBackground)));
  }
  return excess > 0;
}

Json DeploymentCondition(const char* type, bool ok, const char* reason,
                         const std::string& message) {
  return {{"type", type}, {"status", ok ? "True" : "False"},
          {"reason", reason}, {"message", message}};
}

Json DeploymentStatus(const State& s) {
  const Json& d = s.deployment;
  std::vector<const Json*> all = All(s);
  int64_t want = Desired(d);
  auto sum_status = [&](const char* field) {
    int64_t total = 0;
    for (const Json* rs : all) total += GetInt(*rs, std::string("status.") + field, 0);
    return total;
  };
  int64_t available = sum_status("availableReplicas");
  int64_t updated = s.new_rs ? GetInt(*s.new_rs, "status.replicas", 0) : 0;
  int64_t replicas = sum_status("replicas");
  Json status = {{"observedGeneration", GetInt(d, "metadata.generation", 1)},
                 {"replicas", replicas},
                 {"updatedReplicas", updated},
                 {"readyReplicas", sum_status("readyReplicas")},
                 {"availableReplicas", available},
                 {"unavailableReplicas", std::max<int64_t>(0, Sum(all, &Replicas) - available)}};
  if (const Json* c = Find(d, "status.collisionCount")) status["collisionCount"] = *c;
  bool min_ok = available >= want - ResolveFenceposts(d).max_unavailable;
  std::string rs_name = s.new_rs ? GetString(*s.new_rs, "metadata.name") : "";
  bool complete = updated == want && replicas == want && available == want;
  status["conditions"] = Json::array(
      {DeploymentCondition("Available", min_ok,
                           min_ok ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                           min_ok ? "Deployment has minimum availability."
                                  : "Deployment does not have minimum availability."),
       GetBool(d, "spec.paused")
           ? DeploymentCondition("Progressing", false, "DeploymentPaused", "Deployment is paused")
           : DeploymentCondition(
                 "Progressing", true, complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                 absl::StrCat("ReplicaSet \"", rs_name, complete ? "\" has successfully progressed."
                                                                 : "\" is progressing."))});
  if (GetBool(d, "spec.paused")) status["conditions"][1]["status"] = "Unknown";
  return status;
}

State Observe(const Cluster& cluster, ObjectPtr held) {
  const Json& d = *held;
  State s{std::move(held), d, nullptr, {}};
  for (const Json* rs : ReplicaSetsOf(cluster.store(), d)) {
    if (!s.new_rs && EqualIgnoreHash((*rs)["spec"]["template"], d["spec"]["template"])) {
      s.new_rs = rs;
    } else {
      s.old_rss.push_back(rs);
    }
  }
  return s;
}

absl::StatusOr<bool> Rollout(Cluster& cluster, const State& s) {
  if (GetBool(s.deployment, "spec.paused")) return false;
  if (GetString(s.deployment, "spec.strategy.type") == "Recreate") return Recreate(cluster, s);
  KREPLAY_ASSIGN_OR_RETURN(bool scaled_new, ReconcileNew(cluster, s));
  if (scaled_new) return true;
  return ReconcileOld(cluster, s);
}

// The steps of one sync in order; the first that writes ends it.
constexpr absl::StatusOr<bool> (*kSyncSteps[])(Cluster&, const State&) = {
    &BumpRevision, &SetDeploymentRevision, &Rollout, &CleanupHistory};

absl::StatusOr<bool> SyncOne(Cluster& cluster, const ObjectKey& key) {
  State s = Observe(cluster, cluster.store().GetShared(key));
  if (s.new_rs == nullptr) {
    if (GetBool(s.deployment, "spec.paused")) return false;
    KREPLAY_RETURN_IF_ERROR(CreateNewReplicaSet(cluster, s));
    return true;
  }
  for (auto* step : kSyncSteps) {
    KREPLAY_ASSIGN_OR_RETURN(bool wrote, step(cluster, s));
    if (wrote) return true;
  }
  Json status = DeploymentStatus(s);
  if (s.deployment.contains("status") && s.deployment["status"] == status) return false;
  KREPLAY_RETURN_IF_ERROR(IgnoreGone(cluster.UpdateStatus(key, status)));
  return true;
}

}  // namespace

absl::StatusOr<bool> SyncDeployments(Cluster& cluster, const World&) {
  bool wrote = false;
  std::vector<ObjectKey> keys;
  for (const Json* d : cluster.store().List("Deployment")) {
    if (!IsDeleting(*d)) keys.push_back(KeyOf(*d));
  }
  for (const ObjectKey& key : keys) {
    KREPLAY_ASSIGN_OR_RETURN(bool synced, SyncOne(cluster, key));
    wrote |= synced;
  }
  return wrote;
}

}  // namespace kreplay
