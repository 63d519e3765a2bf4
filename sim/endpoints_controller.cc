// The endpoints controller: an Endpoints object per Service with a selector,
// listing the matching pods that have an IP, ready ones under `addresses`
// and the others under `notReadyAddresses`. A Service without a selector has
// user-managed endpoints and is left alone (upstream endpoints_controller.go).
#include <algorithm>
#include <utility>

#include "model/label_selector.h"
#include "model/status_macros.h"
#include "sim/controller.h"
#include "sim/owner.h"
#include "sim/pod_status.h"

namespace kreplay {
namespace {

constexpr char kManagedBy[] = "endpoints.kubernetes.io/managed-by";

const Json kNone = Json::array();  // an absent list

Json Address(const Json& pod) {
  return {{"ip", GetString(pod, "status.podIP")},
          {"targetRef", {{"kind", "Pod"}, {"name", GetString(pod, "metadata.name")},
                         {"namespace", GetString(pod, "metadata.namespace")},
                         {"uid", GetString(pod, "metadata.uid")}}}};
}

// A Service port's targetPort as a number: numeric, or a named container
// port looked up in `pod`.
int64_t TargetPort(const Json& port, const Json* pod) {
  const Json* target = Find(port, "targetPort");
  if (target == nullptr) return GetInt(port, "port");
  if (target->is_number_integer()) return target->get<int64_t>();
  if (!target->is_string() || pod == nullptr) return 0;
  // Find, not value(): value() copies the whole pod spec.
  const Json* containers = Find(*pod, "spec.containers");
  for (const Json& c : containers ? *containers : kNone) {
    const Json* ports = Find(c, "ports");
    for (const Json& p : ports ? *ports : kNone) {
      if (GetString(p, "name") == target->get<std::string>()) return GetInt(p, "containerPort");
    }
  }
  return 0;
}

Json Subsets(const Json& service, const std::vector<const Json*>& pods) {
  Json ready = Json::array();
  Json not_ready = Json::array();
  for (const Json* pod : pods) {
    (IsPodReady(*pod) ? ready : not_ready).push_back(Address(*pod));
  }
  if (ready.empty() && not_ready.empty()) return Json::array();
  auto by_ip = [](const Json& a, const Json& b) { return a["ip"] < b["ip"]; };
  std::sort(ready.begin(), ready.end(), by_ip);
  std::sort(not_ready.begin(), not_ready.end(), by_ip);
  Json ports = Json::array();
  const Json* service_ports = Find(service, "spec.ports");
  for (const Json& port : service_ports ? *service_ports : kNone) {
    Json p = {{"port", TargetPort(port, pods.front())},
              {"protocol", GetString(port, "protocol", "TCP")}};
    if (port.contains("name")) p["name"] = port["name"];
    ports.push_back(std::move(p));
  }
  // Moved, not copied: this runs for every Service on every pass.
  Json subset = {{"ports", std::move(ports)}};
  if (!ready.empty()) subset["addresses"] = std::move(ready);
  if (!not_ready.empty()) subset["notReadyAddresses"] = std::move(not_ready);
  return Json::array({std::move(subset)});
}

// Creating in a terminating namespace and updating Endpoints that went away
// meanwhile write nothing, as upstream's controller expects.
absl::StatusOr<bool> SyncService(Cluster& cluster, const Json& service) {
  std::string ns = GetString(service, "metadata.namespace");
  std::string name = GetString(service, "metadata.name");
  LabelSelector selector = LabelSelector::FromMap(GetStringMap(service, "spec.selector"));
  if (selector.selects_nothing()) return false;
  std::vector<const Json*> pods;
  for (const Json* pod : cluster.store().List("Pod", ns)) {
    if (IsPodActive(*pod) && !GetString(*pod, "status.podIP").empty() &&
        selector.Matches(GetStringMap(*pod, "metadata.labels"))) {
      pods.push_back(pod);
    }
  }
  Json subsets = Subsets(service, pods);
  ObjectKey key{"Endpoints", ns, name};
  const Json* live = cluster.Get(key);
  if (live == nullptr) {
    Json endpoints = {{"apiVersion", "v1"}, {"kind", "Endpoints"},
                      {"metadata", {{"name", name}, {"namespace", ns},
                                    {"labels", {{kManagedBy, "endpoint-controller"}}}}},
                      {"subsets", std::move(subsets)}};
    absl::Status s = cluster.Create(std::move(endpoints)).status();
    KREPLAY_RETURN_IF_ERROR(IgnoreTerminating(s));
    return s.ok();
  }
  const Json* live_subsets = Find(*live, "subsets");
  if ((live_subsets ? *live_subsets : kNone) == subsets) return false;
  Json updated = *live;
  updated["subsets"] = std::move(subsets);
  absl::Status s = cluster.Update(std::move(updated)).status();
  KREPLAY_RETURN_IF_ERROR(IgnoreGone(s));
  return s.ok();
}

// Endpoints this controller made whose Service is gone.
bool DeleteOrphans(Cluster& cluster) {
  std::vector<ObjectKey> stale;
  for (const Json* ep : cluster.store().List("Endpoints")) {
    ObjectKey key = KeyOf(*ep);
    if (GetLabel(*ep, kManagedBy).empty()) continue;
    if (cluster.Get(ObjectKey{"Service", key.ns, key.name}) == nullptr) stale.push_back(key);
  }
  for (const ObjectKey& key : stale) cluster.Remove(key);
  return !stale.empty();
}

}  // namespace

absl::StatusOr<bool> SyncEndpoints(Cluster& cluster, const World&) {
  bool wrote = DeleteOrphans(cluster);
  // Shared, not copied: writes below may move the store's pointers, never
  // the stored objects.
  std::vector<ObjectPtr> services;
  for (const Json* s : cluster.store().List("Service")) {
    if (!IsDeleting(*s)) services.push_back(cluster.store().GetShared(KeyOf(*s)));
  }
  for (const ObjectPtr& service : services) {
    KREPLAY_ASSIGN_OR_RETURN(bool synced, SyncService(cluster, *service));
    wrote |= synced;
  }
  return wrote;
}

}  // namespace kreplay
