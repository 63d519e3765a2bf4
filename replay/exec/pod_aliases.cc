#include "replay/exec/pod_aliases.h"

#include <algorithm>
#include <set>
#include <vector>

#include "absl/strings/str_cat.h"
#include "sim/deployment_util.h"
#include "sim/owner.h"
#include "sim/pod_status.h"

namespace kreplay {
namespace {

struct PodName {
  std::string deployment;
  std::string hash;
};

// `<deployment>-<hash>-<suffix>`; false when the name has no such shape.
bool SplitPodName(const std::string& name, PodName& out) {
  size_t suffix = name.rfind('-');
  if (suffix == std::string::npos || suffix == 0) return false;
  size_t hash = name.rfind('-', suffix - 1);
  if (hash == std::string::npos || hash == 0) return false;
  out.deployment = name.substr(0, hash);
  out.hash = name.substr(hash + 1, suffix - hash - 1);
  return !out.hash.empty() && name.size() - suffix - 1 == 5;
}

std::vector<std::string> ActivePods(const Cluster& cluster, const Json& rs) {
  std::vector<std::string> out;
  for (const Json* pod : OwnedBy(cluster.store(), rs, "Pod")) {
    if (IsPodActive(*pod)) out.push_back(GetString(*pod, "metadata.name"));
  }
  return out;
}

}  // namespace

std::string PodAliases::Resolve(const Cluster& cluster, const std::string& ns,
                                const std::string& recorded) {
  if (cluster.Get(ObjectKey{"Pod", ns, recorded}) != nullptr) return recorded;
  std::string id = absl::StrCat(ns, "/", recorded);
  if (auto it = mapping_.find(id); it != mapping_.end()) return it->second;
  PodName parts;
  if (!SplitPodName(recorded, parts)) return recorded;
  std::string alias = Assign(cluster, ns, parts.deployment, parts.hash);
  if (alias.empty()) return recorded;
  mapping_[id] = alias;
  return alias;
}

std::string PodAliases::Assign(const Cluster& cluster, const std::string& ns,
                               const std::string& deployment, const std::string& hash) {
  const Json* d = cluster.Get(ObjectKey{"Deployment", ns, deployment});
  if (d == nullptr) return "";
  std::vector<const Json*> rss = ReplicaSetsOf(cluster.store(), *d);
  std::reverse(rss.begin(), rss.end());  // newest first
  std::set<std::string> taken_rs;
  for (const auto& [key, rs] : rs_for_hash_) taken_rs.insert(rs);
  std::string key = absl::StrCat(ns, "/", deployment, "/", hash);
  if (!rs_for_hash_.contains(key)) {
    for (const Json* rs : rss) {
      std::string name = GetString(*rs, "metadata.name");
      if (!taken_rs.contains(name) && !ActivePods(cluster, *rs).empty()) {
        rs_for_hash_[key] = name;
        break;
      }
    }
  }
  // The ReplicaSet the hash maps to first, then the Deployment's others,
  // newest first: the same owner is what matters.
  auto it = rs_for_hash_.find(key);
  std::vector<const Json*> candidates;
  if (it != rs_for_hash_.end()) {
    if (const Json* rs = cluster.Get(ObjectKey{"ReplicaSet", ns, it->second})) candidates.push_back(rs);
  }
  candidates.insert(candidates.end(), rss.begin(), rss.end());
  std::set<std::string> used;
  for (const auto& [recorded, sim] : mapping_) used.insert(sim);
  for (const Json* rs : candidates) {
    for (const std::string& pod : ActivePods(cluster, *rs)) {
      if (!used.contains(pod)) return pod;
    }
  }
  return "";
}

}  // namespace kreplay
