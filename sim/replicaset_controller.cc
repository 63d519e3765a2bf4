// The ReplicaSet controller: keeps spec.replicas active pods per
// ReplicaSet, named `<replicaset>-<5 characters>` (sim/names.h), removes the
// surplus in upstream's victim order, and reports status. A negative
// spec.replicas (which the API server refuses, sim/validation.h) counts as
// zero; more pods than sim/limits.h allows end the sync with an error that
// names the ReplicaSet and its owner.
#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "model/label_selector.h"
#include "model/status_macros.h"
#include "sim/controller.h"
#include "sim/limits.h"
#include "sim/names.h"
#include "sim/owner.h"
#include "sim/pod_status.h"

namespace kreplay {
namespace {

int PhaseRank(const Json& pod) {
  std::string phase = GetString(pod, "status.phase");
  return phase == "Pending" ? 0 : phase == "Running" ? 2 : 1;
}

int64_t Restarts(const Json& pod) {
  int64_t total = 0;
  if (const Json* s = Find(pod, "status.containerStatuses"); s && s->is_array()) {
    for (const Json& c : *s) total += GetInt(c, "restartCount");
  }
  return total;
}

// Upstream's ActivePodsWithRanks, reduced to what kreplay models: not ready
// first, pending first, more restarts first, newer first; name breaks ties.
bool DeleteFirst(const Json* a, const Json* b) {
  auto key = [](const Json* p) {
    return std::make_tuple(IsPodReady(*p), PhaseRank(*p), -Restarts(*p));
  };
  if (key(a) != key(b)) return key(a) < key(b);
  std::string ta = GetString(*a, "metadata.creationTimestamp");
  std::string tb = GetString(*b, "metadata.creationTimestamp");
  if (ta != tb) return ta > tb;
  return GetString(*a, "metadata.name") > GetString(*b, "metadata.name");
}

// Missing ServiceAccounts make the admission plugin refuse pod creation.
std::string AdmissionError(const Cluster& cluster, const Json& rs) {
  std::string sa = GetString(rs, "spec.template.spec.serviceAccountName");
  std::string ns = GetString(rs, "metadata.namespace");
  if (sa.empty() || sa == "default") return "";
  if (cluster.Get(ObjectKey{"ServiceAccount", ns, sa}) != nullptr) return "";
  return absl::StrCat("pods \"", GetString(rs, "metadata.name"),
                      "-\" is forbidden: error looking up service account ", ns,
                      "/", sa, ": serviceaccount \"", sa, "\" not found");
}

// In a terminating namespace the create is refused, as upstream expects:
// the namespace controller is removing the ReplicaSet anyway.
absl::Status CreatePod(Cluster& cluster, const Json& rs) {
  std::string rs_name = GetString(rs, "metadata.name");
  std::string uid = GetString(rs, "metadata.uid");
  std::string ns = GetString(rs, "metadata.namespace");
  std::string name;
  do {
    name = absl::StrCat(rs_name, "-", PodSuffix(uid, cluster.NextOrdinal(uid)));
  } while (cluster.Get(ObjectKey{"Pod", ns, name}) != nullptr);
  const Json& tmpl = rs["spec"]["template"];
  Json pod = {{"apiVersion", "v1"}, {"kind", "Pod"},
              {"metadata", tmpl.value("metadata", Json::object())},
              {"spec", tmpl.value("spec", Json::object())}};
  pod["metadata"]["name"] = name;
  pod["metadata"]["namespace"] = ns;
  pod["metadata"]["generateName"] = rs_name + "-";
  pod["metadata"]["ownerReferences"] = Json::array({ControllerRef(rs)});
  return IgnoreTerminating(cluster.Create(std::move(pod)).status());
}

// Creates up to `count` pods; an admission refusal (ResourceQuota) stops
// the burst and becomes `failure`, the ReplicaFailure condition's message,
// as upstream's manageReplicas records FailedCreate and retries later.
// Returns whether any pod was created.
absl::StatusOr<bool> CreatePods(Cluster& cluster, const ObjectKey& key, int64_t count,
                                std::string& failure) {
  for (int64_t i = 0; i < count; ++i) {
    absl::Status s = CreatePod(cluster, *cluster.Get(key));
    if (absl::IsPermissionDenied(s)) {
      failure = std::string(s.message());
      return i > 0;
    }
    KREPLAY_RETURN_IF_ERROR(s);
  }
  return true;
}

// `ReplicaSet bench/web-5d8f (of Deployment web)`.
std::string Describe(const Json& rs) {
  std::string text = absl::StrCat("ReplicaSet ", GetString(rs, "metadata.namespace"), "/",
                                  GetString(rs, "metadata.name"));
  const Json* owners = Find(rs, "metadata.ownerReferences");
  if (owners != nullptr && owners->is_array() && !owners->empty()) {
    absl::StrAppend(&text, " (of ", GetString((*owners)[0], "kind"), " ",
                    GetString((*owners)[0], "name"), ")");
  }
  return text;
}

// The pods a sync may add, within sim/limits.h. Errors: ResourceExhausted
// naming the ReplicaSet, the count it asks for and the limit.
absl::Status CheckPodLimits(const Cluster& cluster, const Json& rs, int64_t want, int64_t have) {
  if (want > kMaxPodsPerWorkload) {
    return absl::ResourceExhaustedError(absl::StrCat(
        Describe(rs), " wants ", want, " pods; kreplay simulates at most ",
        kMaxPodsPerWorkload, " pods per workload (docs/limits.md)"));
  }
  int64_t total = static_cast<int64_t>(cluster.store().List("Pod").size());
  if (total + (want - have) > kMaxPodsPerCluster) {
    return absl::ResourceExhaustedError(absl::StrCat(
        Describe(rs), " wants ", want - have, " more pods, beyond the ", kMaxPodsPerCluster,
        " pods kreplay simulates in one cluster (", total, " exist; docs/limits.md)"));
  }
  return absl::OkStatus();
}

Json ReplicaSetStatus(const Json& rs, const std::vector<const Json*>& pods,
                      const std::string& failure) {
  int64_t ready = std::count_if(pods.begin(), pods.end(),
                                [](const Json* p) { return IsPodReady(*p); });
  Json status = {{"replicas", static_cast<int64_t>(pods.size())},
                 {"fullyLabeledReplicas", static_cast<int64_t>(pods.size())},
                 {"readyReplicas", ready},
                 {"availableReplicas", ready},
                 {"observedGeneration", GetInt(rs, "metadata.generation", 1)}};
  if (!failure.empty()) {
    // As calculateStatus, a condition already there is kept: its message is
    // the first failure's (a retried create names another pod).
    Json condition = {{"type", "ReplicaFailure"}, {"status", "True"},
                      {"reason", "FailedCreate"}, {"message", failure}};
    if (const Json* old = Find(rs, "status.conditions"); old != nullptr && old->is_array()) {
      for (const Json& c : *old) {
        if (GetString(c, "type") == "ReplicaFailure") condition = c;
      }
    }
    status["conditions"] = Json::array({condition});
  }
  return status;
}

absl::StatusOr<bool> SyncOne(Cluster& cluster, const Json& rs) {
  std::vector<const Json*> pods;
  for (const Json* pod : OwnedBy(cluster.store(), rs, "Pod")) {
    if (IsPodActive(*pod)) pods.push_back(pod);
  }
  int64_t want = std::max<int64_t>(0, GetInt(rs, "spec.replicas", 1));
  int64_t have = static_cast<int64_t>(pods.size());
  std::string failure = want > have ? AdmissionError(cluster, rs) : "";
  ObjectKey key = KeyOf(rs);
  if (want > have && failure.empty()) {
    KREPLAY_RETURN_IF_ERROR(CheckPodLimits(cluster, rs, want, have));
    KREPLAY_ASSIGN_OR_RETURN(bool created, CreatePods(cluster, key, want - have, failure));
    if (created) return true;
  }
  if (want < have) {
    std::sort(pods.begin(), pods.end(), DeleteFirst);
    std::vector<ObjectKey> victims;
    for (int64_t i = 0; i < have - want; ++i) victims.push_back(KeyOf(*pods[i]));
    for (const ObjectKey& victim : victims) {
      KREPLAY_RETURN_IF_ERROR(IgnoreGone(cluster.Delete(victim, Propagation::kBackground)));
    }
    return true;
  }
  Json status = ReplicaSetStatus(rs, pods, failure);
  const Json* live = cluster.Get(key);
  if (live->contains("status") && (*live)["status"] == status) return false;
  KREPLAY_RETURN_IF_ERROR(IgnoreGone(cluster.UpdateStatus(key, status)));
  return true;
}

}  // namespace

absl::StatusOr<bool> SyncReplicaSets(Cluster& cluster, const World&) {
  bool wrote = false;
  std::vector<ObjectKey> keys;
  for (const Json* rs : cluster.store().List("ReplicaSet")) keys.push_back(KeyOf(*rs));
  for (const ObjectKey& key : keys) {
    // Shared, not copied: SyncOne's writes may replace the stored object,
    // never change it.
    ObjectPtr rs = cluster.store().GetShared(key);
    if (rs == nullptr || IsDeleting(*rs)) continue;
    KREPLAY_ASSIGN_OR_RETURN(bool synced, SyncOne(cluster, *rs));
    wrote |= synced;
  }
  return wrote;
}

}  // namespace kreplay
