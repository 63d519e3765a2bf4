#include "sim/scheduler.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/status_macros.h"
#include "sim/controller.h"
#include "sim/node.h"

namespace kreplay {
namespace {

// `N reason` per distinct reason, sorted as strings (sortReasonsHistogram).
std::string Histogram(const std::map<std::string, int>& reasons) {
  std::vector<std::string> parts;
  for (const auto& [reason, count] : reasons) parts.push_back(absl::StrCat(count, " ", reason));
  std::sort(parts.begin(), parts.end());
  return absl::StrJoin(parts, ", ");
}

std::string FitErrorText(size_t nodes, const std::map<std::string, int>& reasons) {
  std::string text = absl::StrCat("0/", nodes, " nodes are available:");
  if (!reasons.empty()) absl::StrAppend(&text, " ", Histogram(reasons), ".");
  return text;
}

struct Node {
  const Json* object;
  ResourceList allocatable;
  NodeUsage used;
};

// The pods the scheduler's cache holds for a node: bound and not finished.
bool Occupies(const Json& pod) {
  std::string phase = GetString(pod, "status.phase");
  return !GetString(pod, "spec.nodeName").empty() && phase != "Succeeded" && phase != "Failed";
}

absl::StatusOr<std::vector<Node>> Nodes(const Cluster& cluster) {
  std::vector<Node> nodes;
  std::map<std::string, size_t> by_name;
  for (const Json* node : cluster.store().List("Node")) {
    KREPLAY_ASSIGN_OR_RETURN(ResourceList allocatable, NodeAllocatable(*node));
    by_name[GetString(*node, "metadata.name")] = nodes.size();
    nodes.push_back(Node{node, std::move(allocatable), {}});
  }
  for (const Json* pod : cluster.store().List("Pod")) {
    if (!Occupies(*pod)) continue;
    auto it = by_name.find(GetString(*pod, "spec.nodeName"));
    if (it == by_name.end()) continue;
    KREPLAY_ASSIGN_OR_RETURN(ResourceList requests, PodRequests(*pod));
    NodeUsage& used = nodes[it->second].used;
    used.requested = AddResources(used.requested, requests);
    ++used.pods;
  }
  return nodes;
}

// LeastAllocated: the mean free share of cpu and memory, in thousandths.
int64_t Score(const Node& node, const ResourceList& requests) {
  int64_t total = 0;
  for (const char* name : {"cpu", "memory"}) {
    auto alloc = node.allocatable.find(name);
    if (alloc == node.allocatable.end() || alloc->second.milli <= 0) continue;
    auto used = node.used.requested.find(name);
    auto want = requests.find(name);
    __int128 taken = (used == node.used.requested.end() ? 0 : used->second.milli) +
                     (want == requests.end() ? 0 : want->second.milli);
    __int128 free = alloc->second.milli - taken;
    total += static_cast<int64_t>(std::max<__int128>(0, free * 1000 / alloc->second.milli));
  }
  return total / 2;
}

Json ScheduledCondition(const std::string& reason, const std::string& message) {
  return {{"type", "PodScheduled"}, {"status", "False"}, {"reason", reason}, {"message", message}};
}

// The status of a pod left Pending: its other conditions kept, PodScheduled set.
Json PendingStatus(const Json& pod, const Json& condition) {
  Json status = pod.value("status", Json::object());
  status["phase"] = "Pending";
  Json conditions = Json::array({condition});
  for (const Json& c : status.value("conditions", Json::array())) {
    if (GetString(c, "type") != "PodScheduled") conditions.push_back(c);
  }
  status["conditions"] = conditions;
  return status;
}

absl::StatusOr<bool> Bind(Cluster& cluster, const Json& pod, Node& node,
                          const ResourceList& requests) {
  Json bound = pod;
  bound["spec"]["nodeName"] = GetString(*node.object, "metadata.name");
  Json status = bound.value("status", Json::object());
  Json conditions = Json::array({{{"type", "PodScheduled"}, {"status", "True"}}});
  for (const Json& c : status.value("conditions", Json::array())) {
    if (GetString(c, "type") != "PodScheduled") conditions.push_back(c);
  }
  status["conditions"] = conditions;
  bound["status"] = status;
  absl::Status s = IgnoreGone(cluster.Update(std::move(bound)).status());
  if (!s.ok()) return s;
  node.used.requested = AddResources(node.used.requested, requests);
  ++node.used.pods;
  return true;
}

// Leaves the pod Pending with `condition`; returns whether it wrote.
absl::StatusOr<bool> KeepPending(Cluster& cluster, const Json& pod, const Json& condition) {
  Json status = PendingStatus(pod, condition);
  if (pod.contains("status") && pod["status"] == status) return false;
  KREPLAY_RETURN_IF_ERROR(IgnoreGone(cluster.UpdateStatus(KeyOf(pod), status)));
  return true;
}

bool Gated(const Json& pod) {
  const Json* gates = Find(pod, "spec.schedulingGates");
  return gates != nullptr && gates->is_array() && !gates->empty();
}

// Schedules one pod; returns whether it wrote.
absl::StatusOr<bool> ScheduleOne(Cluster& cluster, const Json& pod, std::vector<Node>& nodes) {
  if (Gated(pod)) {
    return KeepPending(cluster, pod,
                       ScheduledCondition("SchedulingGated",
                                          "Scheduling is blocked due to non-empty scheduling gates"));
  }
  KREPLAY_ASSIGN_OR_RETURN(ResourceList requests, PodRequests(pod));
  std::vector<NodeFit> fits;
  Node* best = nullptr;
  int64_t best_score = -1;
  for (Node& node : nodes) {
    fits.push_back(FilterNode(pod, requests, *node.object, node.allocatable, node.used));
    if (fits.back().code != FitCode::kFits) continue;
    int64_t score = Score(node, requests);
    if (score > best_score) {  // nodes are in name order: the first wins a tie
      best = &node;
      best_score = score;
    }
  }
  if (best != nullptr) return Bind(cluster, pod, *best, requests);
  std::string message =
      nodes.empty() ? "no nodes available to schedule pods"
                    : UnschedulableMessage(fits, GetString(pod, "spec.preemptionPolicy") == "Never");
  return KeepPending(cluster, pod, ScheduledCondition("Unschedulable", message));
}

// The pods default-scheduler owns and has not bound.
bool Unbound(const Json& pod) {
  std::string scheduler = GetString(pod, "spec.schedulerName", "default-scheduler");
  std::string phase = GetString(pod, "status.phase");
  return GetString(pod, "spec.nodeName").empty() && scheduler == "default-scheduler" &&
         Find(pod, "metadata.deletionTimestamp") == nullptr && phase != "Succeeded" &&
         phase != "Failed";
}

}  // namespace

std::string UnschedulableMessage(const std::vector<NodeFit>& fits, bool preempt_never) {
  std::map<std::string, int> reasons;
  std::map<std::string, int> preemption;
  for (const NodeFit& fit : fits) {
    for (const std::string& reason : fit.reasons) ++reasons[reason];
    ++preemption[fit.code == FitCode::kUnresolvable
                     ? "Preemption is not helpful for scheduling"
                     : "No preemption victims found for incoming pod"];
  }
  // The PostFilter message ends with its own period and FitError adds one
  // (SeparatorFormat " %v."): upstream's messages end in `..`.
  std::string post = preempt_never ? "not eligible due to preemptionPolicy=Never."
                                   : FitErrorText(fits.size(), preemption);
  return absl::StrCat(FitErrorText(fits.size(), reasons), " preemption: ", post, ".");
}

absl::StatusOr<bool> SyncScheduler(Cluster& cluster, const World&) {
  std::vector<ObjectKey> pending;
  for (const Json* pod : cluster.store().List("Pod")) {
    if (Unbound(*pod)) pending.push_back(KeyOf(*pod));
  }
  if (pending.empty()) return false;
  KREPLAY_ASSIGN_OR_RETURN(std::vector<Node> nodes, Nodes(cluster));
  bool wrote = false;
  for (const ObjectKey& key : pending) {
    ObjectPtr pod = cluster.store().GetShared(key);
    if (pod == nullptr) continue;
    KREPLAY_ASSIGN_OR_RETURN(bool scheduled, ScheduleOne(cluster, *pod, nodes));
    wrote |= scheduled;
  }
  return wrote;
}

}  // namespace kreplay
