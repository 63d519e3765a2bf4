#include "sim/pod_requests.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

// One container's `resources.<field>`, parsed.
absl::StatusOr<ResourceList> ContainerList(const Json& container, const std::string& where,
                                           const char* field) {
  ResourceList out;
  const Json* list = Find(container, absl::StrCat("resources.", field));
  if (list == nullptr || !list->is_object()) return out;
  for (const auto& [name, value] : list->items()) {
    std::string text = value.is_string() ? value.get<std::string>() : Compact(value);
    absl::StatusOr<Quantity> q = ParseQuantity(text);
    if (!q.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ".resources.", field, ".", name, ": Invalid value: \"", text,
                       "\": ", q.status().message()));
    }
    out[name] = *q;
  }
  return out;
}

// The larger of the two, resource by resource.
ResourceList MaxResources(const ResourceList& a, const ResourceList& b) {
  ResourceList out = a;
  for (const auto& [name, q] : b) {
    auto it = out.find(name);
    if (it == out.end() || it->second < q) out[name] = q;
  }
  return out;
}

const Json& List(const Json& pod, const char* path) {
  static const Json* empty = new Json(Json::array());
  const Json* list = Find(pod, path);
  return list != nullptr && list->is_array() ? *list : *empty;
}

absl::StatusOr<ResourceList> Effective(const Json& pod, const char* field) {
  ResourceList sum;
  const Json& containers = List(pod, "spec.containers");
  for (size_t i = 0; i < containers.size(); ++i) {
    absl::StatusOr<ResourceList> c =
        ContainerList(containers[i], absl::StrCat("spec.containers[", i, "]"), field);
    if (!c.ok()) return c.status();
    sum = AddResources(sum, *c);
  }
  ResourceList sidecars;  // restartable init containers started so far
  ResourceList init;      // the most any init step needs
  const Json& inits = List(pod, "spec.initContainers");
  for (size_t i = 0; i < inits.size(); ++i) {
    absl::StatusOr<ResourceList> c =
        ContainerList(inits[i], absl::StrCat("spec.initContainers[", i, "]"), field);
    if (!c.ok()) return c.status();
    if (GetString(inits[i], "restartPolicy") == "Always") {
      sum = AddResources(sum, *c);
      sidecars = AddResources(sidecars, *c);
      init = MaxResources(init, sidecars);
    } else {
      init = MaxResources(init, AddResources(*c, sidecars));
    }
  }
  return MaxResources(sum, init);
}

absl::StatusOr<ResourceList> Overhead(const Json& pod) {
  const Json* spec = Find(pod, "spec");
  if (spec == nullptr || !spec->contains("overhead")) return ResourceList{};
  Json holder = {{"resources", {{"overhead", (*spec)["overhead"]}}}};
  return ContainerList(holder, "spec", "overhead");
}

}  // namespace

ResourceList AddResources(const ResourceList& a, const ResourceList& b) {
  ResourceList out = a;
  for (const auto& [name, q] : b) {
    auto it = out.find(name);
    out[name] = it == out.end() ? q : it->second.Plus(q);
  }
  return out;
}

absl::StatusOr<ResourceList> PodRequests(const Json& pod) {
  absl::StatusOr<ResourceList> requests = Effective(pod, "requests");
  if (!requests.ok()) return requests;
  absl::StatusOr<ResourceList> overhead = Overhead(pod);
  if (!overhead.ok()) return overhead;
  return AddResources(*requests, *overhead);
}

absl::StatusOr<ResourceList> PodLimits(const Json& pod) {
  absl::StatusOr<ResourceList> limits = Effective(pod, "limits");
  if (!limits.ok() || limits->empty()) return limits;
  absl::StatusOr<ResourceList> overhead = Overhead(pod);
  if (!overhead.ok()) return overhead;
  // Overhead is added only to the limits the pod sets (PodLimits).
  for (auto& [name, q] : *limits) {
    if (auto it = overhead->find(name); it != overhead->end()) q = q.Plus(it->second);
  }
  return limits;
}

}  // namespace kreplay
