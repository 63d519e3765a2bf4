#include "sim/invariants.h"

#include <map>
#include <optional>
#include <set>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/json.h"
#include "model/label_selector.h"
#include "model/object_store.h"
#include "sim/owner.h"
#include "sim/pod_status.h"

namespace kreplay {
namespace {

constexpr char kManagedBy[] = "endpoints.kubernetes.io/managed-by";

const Json kNone = Json::array();  // an absent list

const Json& ListAt(const Json& object, const char* path) {
  const Json* list = Find(object, path);
  return list != nullptr && list->is_array() ? *list : kNone;
}

std::optional<int64_t> ResourceVersion(const Json& object) {
  int64_t rv = 0;
  if (!absl::SimpleAtoi(GetString(object, "metadata.resourceVersion"), &rv)) return std::nullopt;
  return rv;
}

class Checker {
 public:
  explicit Checker(std::vector<Violation>& out) : out_(out) {}

  void Add(const char* invariant, const ObjectKey& key, std::string detail) {
    out_.push_back(Violation{invariant, key, std::move(detail)});
  }

 private:
  std::vector<Violation>& out_;
};

// uid -> key, built from the objects themselves (not the store's index,
// which unique-uid checks).
std::map<std::string, ObjectKey> UidsOf(const ObjectStore& store) {
  std::map<std::string, ObjectKey> out;
  for (const auto& [key, object] : store.objects()) {
    out.try_emplace(GetString(*object, "metadata.uid"), key);
  }
  return out;
}

void CheckUids(const ObjectStore& store, Checker& check) {
  std::map<std::string, ObjectKey> seen;
  for (const auto& [key, object] : store.objects()) {
    std::string uid = GetString(*object, "metadata.uid");
    if (uid.empty()) {
      check.Add("unique-uid", key, "has no metadata.uid");
      continue;
    }
    auto [it, fresh] = seen.try_emplace(uid, key);
    if (!fresh) {
      check.Add("unique-uid", key,
                absl::StrCat("shares uid ", uid, " with ", it->second.ToString()));
    }
    const ObjectKey* indexed = store.KeyOfUid(uid);
    if (fresh && (indexed == nullptr || *indexed != key)) {
      check.Add("unique-uid", key,
                absl::StrCat("the store's uid index maps ", uid, " to ",
                             indexed ? indexed->ToString() : "nothing"));
    }
  }
}

// After Reconcile settles, the garbage collector has deleted every object
// whose owners are all gone and trimmed dangling references from the rest
// (sim/garbage_collector.cc), so every reference names a live owner unless
// the object is being collected: it has a deletionTimestamp (its own
// finalizers, which the collector does not remove, keep it in the store).
// An owner is found as the collector finds it, by uid, and must have the
// reference's kind and the dependent's namespace (or none); the name is not
// compared: upstream checks it only when it verifies a dangling reference.
void CheckOwners(const ObjectStore& store, Checker& check) {
  std::map<std::string, ObjectKey> uids = UidsOf(store);
  for (const auto& [key, object] : store.objects()) {
    const Json& refs = ListAt(*object, "metadata.ownerReferences");
    if (refs.empty() || IsDeleting(*object)) continue;
    for (const Json& ref : refs) {
      std::string named = absl::StrCat("ownerReference ", GetString(ref, "kind"), "/",
                                       GetString(ref, "name"), " (uid ", GetString(ref, "uid"),
                                       ")");
      auto it = uids.find(GetString(ref, "uid"));
      if (it == uids.end()) {
        check.Add("owner-exists", key, absl::StrCat(named, " names no object"));
        continue;
      }
      const ObjectKey& owner = it->second;
      if (owner.kind != GetString(ref, "kind")) {
        check.Add("owner-exists", key,
                  absl::StrCat(named, ": the object with that uid is ", owner.ToString()));
      } else if (!owner.ns.empty() && owner.ns != key.ns) {
        check.Add("owner-exists", key,
                  absl::StrCat(named, ": the owner is in namespace ", owner.ns));
      }
    }
  }
}

void CheckResourceVersions(const Cluster& cluster, Checker& check) {
  for (const auto& [key, object] : cluster.store().objects()) {
    std::optional<int64_t> rv = ResourceVersion(*object);
    if (!rv || *rv <= 0) {
      check.Add("resource-version-bounded", key,
                absl::StrCat("resourceVersion \"", GetString(*object, "metadata.resourceVersion"),
                             "\" is not a positive number"));
    } else if (*rv > cluster.resource_version()) {
      check.Add("resource-version-bounded", key,
                absl::StrCat("resourceVersion ", *rv, " is above the cluster's counter ",
                             cluster.resource_version()));
    }
  }
}

void CheckNamespaces(const ObjectStore& store, Checker& check) {
  for (const auto& [key, object] : store.objects()) {
    if (!key.ns.empty() && store.Get(ObjectKey{"Namespace", "", key.ns}) == nullptr) {
      check.Add("namespace-exists", key, absl::StrCat("namespace ", key.ns, " does not exist"));
    }
  }
}

// "<pod> <ip> <uid>", one per address, sorted.
using Addresses = std::multiset<std::string>;

std::string AddressOf(const std::string& pod, const std::string& ip, const std::string& uid) {
  return absl::StrCat(pod, " ", ip, " ", uid);
}

std::string Show(const Addresses& addresses) {
  return absl::StrCat("[", absl::StrJoin(addresses, ", "), "]");
}

// The port numbers a Service port may resolve to on `pods`: its targetPort
// when numeric, `port` when absent, a named container port of some pod, 0
// when no pod names it (sim/endpoints_controller.cc resolves on the first).
std::set<int64_t> PortsFor(const Json& port, const std::vector<const Json*>& pods) {
  const Json* target = Find(port, "targetPort");
  if (target == nullptr) return {GetInt(port, "port")};
  if (target->is_number_integer()) return {target->get<int64_t>()};
  std::set<int64_t> out;
  for (const Json* pod : pods) {
    for (const Json& c : ListAt(*pod, "spec.containers")) {
      for (const Json& p : ListAt(c, "ports")) {
        if (target->is_string() && GetString(p, "name") == target->get<std::string>()) {
          out.insert(GetInt(p, "containerPort"));
        }
      }
    }
  }
  if (out.empty()) out.insert(0);
  return out;
}

void CheckEndpointPorts(const Json& service, const Json& subset, const ObjectKey& key,
                        const std::vector<const Json*>& pods, Checker& check) {
  const Json& want = ListAt(service, "spec.ports");
  const Json& got = ListAt(subset, "ports");
  if (got.size() != want.size()) {
    check.Add("endpoints-match-pods", key,
              absl::StrCat("a subset lists ", got.size(), " ports, the Service has ", want.size()));
    return;
  }
  for (size_t i = 0; i < want.size(); ++i) {
    std::set<int64_t> allowed = PortsFor(want[i], pods);
    int64_t port = GetInt(got[i], "port");
    if (GetString(got[i], "name") != GetString(want[i], "name") ||
        GetString(got[i], "protocol") != GetString(want[i], "protocol", "TCP") ||
        !allowed.contains(port)) {
      check.Add("endpoints-match-pods", key,
                absl::StrCat("port ", i, " is ", Compact(got[i]), ", not the Service's ",
                             Compact(want[i]), " resolved to one of ",
                             absl::StrJoin(allowed, ",")));
    }
  }
}

// sim/endpoints_controller.cc: a Service with a selector, unless it is being
// deleted, has an Endpoints of its name listing the active pods of its
// namespace that its selector matches and that have an IP: the ready ones
// under `addresses`, the others under `notReadyAddresses`.
void CheckEndpoints(const ObjectStore& store, Checker& check) {
  for (const Json* service : store.List("Service")) {
    ObjectKey service_key = KeyOf(*service);
    LabelSelector selector = LabelSelector::FromMap(GetStringMap(*service, "spec.selector"));
    if (selector.selects_nothing() || IsDeleting(*service)) continue;
    ObjectKey key{"Endpoints", service_key.ns, service_key.name};
    const Json* endpoints = store.Get(key);
    if (endpoints == nullptr) {
      check.Add("endpoints-match-pods", service_key, "has a selector but no Endpoints");
      continue;
    }
    std::vector<const Json*> pods;
    Addresses want_ready;
    Addresses want_not_ready;
    for (const Json* pod : store.List("Pod", service_key.ns)) {
      std::string ip = GetString(*pod, "status.podIP");
      if (!IsPodActive(*pod) || ip.empty() ||
          !selector.Matches(GetStringMap(*pod, "metadata.labels"))) {
        continue;
      }
      pods.push_back(pod);
      (IsPodReady(*pod) ? want_ready : want_not_ready)
          .insert(AddressOf(GetString(*pod, "metadata.name"), ip,
                            GetString(*pod, "metadata.uid")));
    }
    Addresses ready;
    Addresses not_ready;
    const Json& subsets = ListAt(*endpoints, "subsets");
    for (const Json& subset : subsets) {
      for (const Json& a : ListAt(subset, "addresses")) {
        ready.insert(AddressOf(GetString(a, "targetRef.name"), GetString(a, "ip"),
                               GetString(a, "targetRef.uid")));
      }
      for (const Json& a : ListAt(subset, "notReadyAddresses")) {
        not_ready.insert(AddressOf(GetString(a, "targetRef.name"), GetString(a, "ip"),
                                   GetString(a, "targetRef.uid")));
      }
      CheckEndpointPorts(*service, subset, key, pods, check);
    }
    if (ready != want_ready) {
      check.Add("endpoints-match-pods", key,
                absl::StrCat("addresses are ", Show(ready), ", the ready pods selected are ",
                             Show(want_ready)));
    }
    if (not_ready != want_not_ready) {
      check.Add("endpoints-match-pods", key,
                absl::StrCat("notReadyAddresses are ", Show(not_ready),
                             ", the unready pods selected are ", Show(want_not_ready)));
    }
    if (pods.empty() != subsets.empty()) {
      check.Add("endpoints-match-pods", key,
                absl::StrCat(subsets.size(), " subsets for ", pods.size(), " selected pods"));
    }
  }
  for (const Json* endpoints : store.List("Endpoints")) {
    ObjectKey key = KeyOf(*endpoints);
    if (!GetLabel(*endpoints, kManagedBy).empty() &&
        store.Get(ObjectKey{"Service", key.ns, key.name}) == nullptr) {
      check.Add("endpoints-have-service", key, "is managed by the endpoints controller, but its "
                                               "Service does not exist");
    }
  }
}

// sim/replicaset_controller.cc: a settled ReplicaSet's status counts the
// active pods it controls.
void CheckReplicaSets(const ObjectStore& store, Checker& check) {
  for (const Json* rs : store.List("ReplicaSet")) {
    if (IsDeleting(*rs)) continue;
    int64_t replicas = 0;
    int64_t ready = 0;
    for (const Json* pod : OwnedBy(store, *rs, "Pod")) {
      if (!IsPodActive(*pod)) continue;
      ++replicas;
      ready += IsPodReady(*pod) ? 1 : 0;
    }
    ObjectKey key = KeyOf(*rs);
    const Json* status = Find(*rs, "status");
    if (status == nullptr) {
      check.Add("replicaset-status", key, "has no status");
      continue;
    }
    int64_t generation = GetInt(*rs, "metadata.generation", 1);
    if (GetInt(*status, "replicas", -1) != replicas ||
        GetInt(*status, "readyReplicas", -1) != ready ||
        GetInt(*status, "observedGeneration", -1) != generation) {
      check.Add("replicaset-status", key,
                absl::StrCat("status says replicas ", GetInt(*status, "replicas", -1), ", ready ",
                             GetInt(*status, "readyReplicas", -1), ", observedGeneration ",
                             GetInt(*status, "observedGeneration", -1), "; it controls ", replicas,
                             " active pods, ", ready, " ready, at generation ", generation));
    }
  }
}

bool Same(const ObjectPtr& a, const ObjectPtr& b) {
  if (a == nullptr || b == nullptr) return a == b;
  return a == b || *a == *b;
}

void CheckGrowth(const Cluster& before, const Cluster& after, Checker& check) {
  if (after.resource_version() < before.resource_version()) {
    check.Add("counter-grows", ObjectKey{},
              absl::StrCat("the resourceVersion counter went from ", before.resource_version(),
                           " to ", after.resource_version()));
  }
  for (const auto& [key, object] : after.store().objects()) {
    std::optional<int64_t> rv = ResourceVersion(*object);
    if (!rv) continue;  // resource-version-bounded reports it
    ObjectPtr old = before.store().GetShared(key);
    bool same_uid = old != nullptr &&
                    GetString(*old, "metadata.uid") == GetString(*object, "metadata.uid");
    std::optional<int64_t> old_rv = old ? ResourceVersion(*old) : std::nullopt;
    if (same_uid && old_rv && *rv < *old_rv) {
      check.Add("resource-version-grows", key,
                absl::StrCat("resourceVersion went from ", *old_rv, " to ", *rv));
    } else if (!Same(old, object) && *rv <= before.resource_version()) {
      check.Add("resource-version-grows", key,
                absl::StrCat(old ? "changed" : "created", " with resourceVersion ", *rv,
                             ", not above the counter before the step (",
                             before.resource_version(), ")"));
    }
  }
}

void CheckJournal(const Cluster& before, const Cluster& after, const std::vector<Change>& journal,
                  Checker& check) {
  std::map<ObjectKey, const Change*> last;
  for (const Change& change : journal) last[change.key] = &change;
  for (const auto& [key, change] : last) {
    ObjectPtr stored = after.store().GetShared(key);
    if (change->after == nullptr && stored != nullptr) {
      check.Add("journal-matches-store", key,
                absl::StrCat("the journal's last write (", change->actor,
                             ") deletes it, but the store has it"));
    } else if (change->after != nullptr && !Same(change->after, stored)) {
      check.Add("journal-matches-store", key,
                absl::StrCat("the store ", stored ? "differs from" : "lacks",
                             " the journal's last write (", change->actor, ")"));
    }
  }
  std::set<ObjectKey> keys;
  for (const auto& [key, object] : before.store().objects()) keys.insert(key);
  for (const auto& [key, object] : after.store().objects()) keys.insert(key);
  for (const ObjectKey& key : keys) {
    if (last.contains(key)) continue;
    ObjectPtr old = before.store().GetShared(key);
    ObjectPtr now = after.store().GetShared(key);
    if (!Same(old, now)) {
      check.Add("store-change-journaled", key,
                absl::StrCat(!old ? "created" : !now ? "removed" : "changed",
                             " with no journaled write"));
    }
  }
}

absl::Status ToStatus(const std::vector<Violation>& violations) {
  if (violations.empty()) return absl::OkStatus();
  std::vector<std::string> lines;
  for (const Violation& v : violations) lines.push_back(v.ToString());
  return absl::InternalError(absl::StrJoin(lines, "; "));
}

}  // namespace

std::string Violation::ToString() const {
  if (object.kind.empty()) return absl::StrCat(invariant, ": ", detail);
  return absl::StrCat(invariant, ": ", object.ToString(), ": ", detail);
}

std::vector<Violation> FindViolations(const Cluster& cluster) {
  std::vector<Violation> out;
  Checker check(out);
  CheckOwners(cluster.store(), check);
  CheckUids(cluster.store(), check);
  CheckResourceVersions(cluster, check);
  CheckNamespaces(cluster.store(), check);
  CheckEndpoints(cluster.store(), check);
  CheckReplicaSets(cluster.store(), check);
  return out;
}

std::vector<Violation> FindStepViolations(const Cluster& before, const Cluster& after,
                                          const std::vector<Change>* journal) {
  std::vector<Violation> out = FindViolations(after);
  Checker check(out);
  CheckGrowth(before, after, check);
  if (journal != nullptr) CheckJournal(before, after, *journal, check);
  return out;
}

absl::Status CheckInvariants(const Cluster& cluster) { return ToStatus(FindViolations(cluster)); }

absl::Status CheckStepInvariants(const Cluster& before, const Cluster& after,
                                 const std::vector<Change>* journal) {
  return ToStatus(FindStepViolations(before, after, journal));
}

}  // namespace kreplay
