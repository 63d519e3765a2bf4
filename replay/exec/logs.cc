// `kubectl logs`: the simulated log lines of the chosen pods' containers.
#include "replay/exec/logs.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/label_selector.h"
#include "sim/container_start.h"
#include "sim/pod_status.h"

namespace kreplay {
namespace {

constexpr const char* kDefaultContainer = "kubectl.kubernetes.io/default-container";

Labels LabelsOf(const Json& object) {
  Labels out;
  const Json* labels = Find(object, "metadata.labels");
  if (labels == nullptr || !labels->is_object()) return out;
  for (const auto& [k, v] : labels->items()) {
    if (v.is_string()) out[k] = v.get<std::string>();
  }
  return out;
}

int64_t Restarts(const Json& pod) {
  int64_t total = 0;
  const Json* statuses = Find(pod, "status.containerStatuses");
  for (const Json& s : statuses && statuses->is_array() ? *statuses : Json::array()) {
    total += GetInt(s, "restartCount");
  }
  return total;
}

// kubectl's first pod (sort.Reverse(podutils.ActivePods)): running, then
// ready, then fewer restarts, then older; the name breaks ties.
bool MoreActive(const Json* a, const Json* b) {
  auto key = [](const Json* p) {
    return std::make_tuple(GetString(*p, "status.phase") != "Running", !IsPodReady(*p),
                           Restarts(*p), GetString(*p, "metadata.creationTimestamp"),
                           GetString(*p, "metadata.name"));
  };
  return key(a) < key(b);
}

// The pods of a workload or Service, most active first.
absl::StatusOr<std::vector<const Json*>> PodsOf(const Cluster& cluster, const Json& object,
                                                const std::string& ns) {
  absl::StatusOr<LabelSelector> selector = LabelSelector::Nothing();
  if (GetString(object, "kind") == "Service") {
    Labels labels;
    if (const Json* map = Find(object, "spec.selector"); map && map->is_object()) {
      for (const auto& [k, v] : map->items()) {
        if (v.is_string()) labels[k] = v.get<std::string>();
      }
    }
    if (labels.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("cannot attach to *v1.Service: invalid service '",
                       GetString(object, "metadata.name"),
                       "': Service is defined without a selector"));
    }
    selector = LabelSelector::FromMap(labels);
  } else {
    selector = LabelSelector::FromJson(Find(object, "spec.selector"));
  }
  if (!selector.ok()) return selector.status();
  std::vector<const Json*> out;
  for (const Json* pod : cluster.store().List("Pod", ns)) {
    if (IsPodActive(*pod) && selector->Matches(LabelsOf(*pod))) out.push_back(pod);
  }
  std::sort(out.begin(), out.end(), MoreActive);
  return out;
}

const Json* StatusOf(const Json& pod, const std::string& container) {
  const Json* statuses = Find(pod, "status.containerStatuses");
  if (statuses == nullptr || !statuses->is_array()) return nullptr;
  for (const Json& s : *statuses) {
    if (GetString(s, "name") == container) return &s;
  }
  return nullptr;
}

std::vector<std::string> ContainerNames(const Json& pod) {
  std::vector<std::string> out;
  const Json* containers = Find(pod, "spec.containers");
  for (const Json& c : containers && containers->is_array() ? *containers : Json::array()) {
    out.push_back(GetString(c, "name"));
  }
  return out;
}

// Which containers of `pod` the call reads (notes kubectl's defaulting).
absl::StatusOr<std::vector<std::string>> Containers(const Json& pod, const Operation& op,
                                                    std::vector<std::string>& notes) {
  std::vector<std::string> names = ContainerNames(pod);
  std::string pod_name = GetString(pod, "metadata.name");
  if (op.flags.contains("all-containers") && op.flags.at("all-containers") == "true") {
    return names;
  }
  if (!op.container.empty()) {
    if (std::find(names.begin(), names.end(), op.container) == names.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("container ", op.container, " is not valid for pod ", pod_name));
    }
    return std::vector<std::string>{op.container};
  }
  if (names.empty()) return names;
  std::string chosen = names[0];
  std::string annotated;
  if (const Json* a = Find(pod, "metadata.annotations"); a && a->is_object()) {
    annotated = GetString(*a, kDefaultContainer);
  }
  if (std::find(names.begin(), names.end(), annotated) != names.end()) {
    chosen = annotated;
  } else if (names.size() > 1) {
    notes.push_back(absl::StrCat("Defaulted container \"", chosen, "\" out of: ",
                                 absl::StrJoin(names, ", ")));
  }
  return std::vector<std::string>{chosen};
}

// The lines one container serves, or the server's refusal.
absl::StatusOr<std::vector<std::string>> ContainerLog(const Cluster& cluster, const Json& pod,
                                                      const std::string& container,
                                                      bool previous, const ExecContext& ctx,
                                                      std::vector<std::string>& notes) {
  std::string pod_name = GetString(pod, "metadata.name");
  const Json* status = StatusOf(pod, container);
  std::string waiting = status ? GetString(*status, "state.waiting.reason") : "ContainerCreating";
  bool running = status && Find(*status, "state.running") != nullptr;
  bool crashed = waiting == "CrashLoopBackOff";
  if (previous && (status == nullptr || GetInt(*status, "restartCount") == 0)) {
    return absl::InvalidArgumentError(absl::StrCat("previous terminated container \"", container,
                                                   "\" in pod \"", pod_name, "\" not found"));
  }
  if (!previous && !running && !crashed) {
    std::string why = waiting == "ImagePullBackOff" ? "trying and failing to pull image"
                      : waiting == "ErrImagePull"   ? "image can't be pulled"
                      : waiting.empty()             ? "ContainerCreating"
                                                    : waiting;
    return absl::InvalidArgumentError(absl::StrCat("container \"", container, "\" in pod \"",
                                                   pod_name, "\" is waiting to start: ", why));
  }
  if (previous && !crashed) {
    notes.push_back(absl::StrCat("container ", container,
                                 ": the log of its previous run is not modelled"));
    return std::vector<std::string>{};
  }
  if (ctx.world == nullptr) return std::vector<std::string>{};
  for (const ContainerStart& c :
       EvaluateStart(pod, GetString(pod, "metadata.namespace"), cluster.store(), *ctx.world)) {
    if (c.name != container) continue;
    if (c.process.fate == ProcessFate::kUnknown) {
      notes.push_back(absl::StrCat("container ", container,
                                   ": its command is outside kreplay's model (",
                                   c.process.unknown, "); its log is not known"));
    }
    return c.process.log;
  }
  return std::vector<std::string>{};
}

}  // namespace

absl::StatusOr<ExecResult> ExecLogs(Cluster& cluster, const Operation& op, ExecContext& ctx) {
  ExecResult out;
  std::string ns = NamespaceOf(op, ctx);
  std::vector<const Json*> pods;
  bool by_selector = !op.selector.empty();
  for (const ObjectKey& key : TargetsOf(cluster, op, ctx)) {
    const Json* object = cluster.Get(key);
    if (object == nullptr) return NotFound(key);
    if (key.kind == "Pod") {
      pods.push_back(object);
      continue;
    }
    absl::StatusOr<std::vector<const Json*>> owned = PodsOf(cluster, *object, key.ns);
    if (!owned.ok()) return owned.status();
    if (owned->empty()) return absl::FailedPreconditionError("timed out waiting for the condition");
    if (owned->size() > 1) {
      out.notes.push_back(absl::StrCat("Found ", owned->size(), " pods, using pod/",
                                       GetString(*(*owned)[0], "metadata.name")));
    }
    pods.push_back((*owned)[0]);
  }
  if (by_selector && pods.empty()) {
    out.notes.push_back(absl::StrCat("No resources found in ", ns, " namespace."));
  }
  int64_t tail = by_selector ? 10 : -1;
  if (auto it = op.flags.find("tail"); it != op.flags.end() && !absl::SimpleAtoi(it->second, &tail)) {
    return absl::InvalidArgumentError(absl::StrCat("invalid argument \"", it->second,
                                                   "\" for \"--tail\" flag"));
  }
  bool previous = op.flags.contains("previous") && op.flags.at("previous") == "true";
  bool prefix = op.flags.contains("prefix") && op.flags.at("prefix") == "true";
  size_t dropped = 0;
  for (const Json* pod : pods) {
    absl::StatusOr<std::vector<std::string>> containers = Containers(*pod, op, out.notes);
    if (!containers.ok()) return containers.status();
    for (const std::string& container : *containers) {
      absl::StatusOr<std::vector<std::string>> lines =
          ContainerLog(cluster, *pod, container, previous, ctx, out.notes);
      if (!lines.ok()) return lines.status();
      size_t from = tail >= 0 && static_cast<size_t>(tail) < lines->size()
                        ? lines->size() - static_cast<size_t>(tail)
                        : 0;
      for (size_t i = from; i < lines->size(); ++i) {
        if (out.output.size() >= kMaxLogOutputLines) {
          ++dropped;
          continue;
        }
        out.output.push_back(prefix ? absl::StrCat("[pod/", GetString(*pod, "metadata.name"),
                                                   "/", container, "] ", (*lines)[i])
                                    : (*lines)[i]);
      }
    }
  }
  if (dropped > 0) {
    out.notes.push_back(absl::StrCat(dropped, " more log lines not shown (at most ",
                                     kMaxLogOutputLines, ")"));
  }
  return out;
}

}  // namespace kreplay
