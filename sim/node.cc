#include "sim/node.h"

#include "absl/strings/str_cat.h"

namespace kreplay {

Json DefaultNode() {
  Json resources = {{"cpu", "4"}, {"memory", "8Gi"}, {"pods", "110"}};
  return {
      {"apiVersion", "v1"},
      {"kind", "Node"},
      {"metadata",
       {{"name", kDefaultNodeName},
        {"labels",
         {{"beta.kubernetes.io/arch", "amd64"},
          {"beta.kubernetes.io/os", "linux"},
          {"kubernetes.io/arch", "amd64"},
          {"kubernetes.io/hostname", kDefaultNodeName},
          {"kubernetes.io/os", "linux"},
          {"node-role.kubernetes.io/control-plane", ""},
          {"node.kubernetes.io/exclude-from-external-load-balancers", ""}}}}},
      {"spec",
       {{"podCIDR", "10.244.0.0/24"},
        {"podCIDRs", Json::array({"10.244.0.0/24"})},
        {"providerID", absl::StrCat("kind://docker/kind/", kDefaultNodeName)}}},
      {"status",
       {{"capacity", resources},
        {"allocatable", resources},
        {"conditions", Json::array({{{"type", "Ready"},
                                     {"status", "True"},
                                     {"reason", "KubeletReady"},
                                     {"message", "kubelet is posting ready status"}}})},
        {"nodeInfo",
         {{"architecture", "amd64"},
          {"operatingSystem", "linux"},
          {"kubeletVersion", "v1.31.2"},
          {"containerRuntimeVersion", "containerd://1.7.18"}}}}}};
}

absl::Status EnsureDefaultNode(Cluster& cluster) {
  if (!cluster.store().List("Node").empty()) return absl::OkStatus();
  return cluster.Create(DefaultNode()).status();
}

absl::StatusOr<ResourceList> NodeAllocatable(const Json& node) {
  const Json* list = Find(node, "status.allocatable");
  if (list == nullptr || !list->is_object()) list = Find(node, "status.capacity");
  ResourceList out;
  if (list == nullptr || !list->is_object()) return out;
  for (const auto& [name, value] : list->items()) {
    std::string text = value.is_string() ? value.get<std::string>() : Compact(value);
    absl::StatusOr<Quantity> q = ParseQuantity(text);
    if (!q.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("node ", GetString(node, "metadata.name"),
                                                     ": status.allocatable.", name, ": \"", text,
                                                     "\": ", q.status().message()));
    }
    out[name] = *q;
  }
  return out;
}

}  // namespace kreplay
