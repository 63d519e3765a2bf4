#include "sim/pod_readiness.h"

namespace kreplay {
namespace {

const Json kNoItems = Json::array();

const Json& ItemsAt(const Json& root, const char* path) {
  const Json* items = Find(root, path);
  return items != nullptr && items->is_array() ? *items : kNoItems;
}

bool HasExecProbe(const Json& container) {
  return Find(container, "readinessProbe.exec") != nullptr;
}

}  // namespace

bool HasExecReadinessProbe(const Json& pod) {
  for (const Json& container : ItemsAt(pod, "spec.containers")) {
    if (HasExecProbe(container)) return true;
  }
  return false;
}

Json RefreshReadiness(const Json& pod, const std::vector<ContainerStart>& starts) {
  Json status = pod.value("status", Json::object());
  const Json& containers = ItemsAt(pod, "spec.containers");
  Json* statuses = status.contains("containerStatuses") ? &status["containerStatuses"] : nullptr;
  if (statuses == nullptr || !statuses->is_array()) return status;
  bool all_ready = !statuses->empty();
  for (size_t i = 0; i < statuses->size(); ++i) {
    Json& s = (*statuses)[i];
    if (i < containers.size() && i < starts.size() && HasExecProbe(containers[i]) &&
        starts[i].state == StartState::kRunning) {
      s["ready"] = starts[i].ready;
    }
    all_ready &= GetBool(s, "ready");
  }
  if (!status.contains("conditions") || !status["conditions"].is_array()) return status;
  for (Json& condition : status["conditions"]) {
    std::string type = GetString(condition, "type");
    if (type == "Ready" || type == "ContainersReady") {
      condition["status"] = all_ready ? "True" : "False";
    }
  }
  return status;
}

}  // namespace kreplay
