#include "sim/reachability.h"

#include <algorithm>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "model/object_key.h"
#include "sim/container_start.h"
#include "sim/network_policy.h"

namespace kreplay {
namespace {

const Json kNoItems = Json::array();

const Json& ItemsAt(const Json& root, const char* path) {
  const Json* items = Find(root, path);
  return items != nullptr && items->is_array() ? *items : kNoItems;
}

Reach Fails(std::string reason) { return Reach{false, std::move(reason)}; }

bool ListensOn(const ObjectStore& store, const World& world, const Json& pod, int64_t port) {
  std::string ns = GetString(pod, "metadata.namespace");
  for (const Json& container : ItemsAt(pod, "spec.containers")) {
    std::vector<int64_t> ports =
        ListeningPorts(pod, GetString(container, "name"), ns, store, world);
    if (std::find(ports.begin(), ports.end(), port) != ports.end()) return true;
  }
  return false;
}

// The Service port with `port` (TCP), or nullptr.
const Json* ServicePort(const Json& service, int64_t port) {
  for (const Json& p : ItemsAt(service, "spec.ports")) {
    if (GetInt(p, "port") == port && GetString(p, "protocol", "TCP") == "TCP") return &p;
  }
  return nullptr;
}

// The endpoint port of `subset` that carries Service port `name`, or -1.
int64_t EndpointPort(const Json& subset, const std::string& name) {
  const Json& ports = ItemsAt(subset, "ports");
  for (const Json& p : ports) {
    if (GetString(p, "name") == name) return GetInt(p, "port", -1);
  }
  return -1;
}

// Whether the connection from `from` to the endpoint pod on `port` succeeds.
Reach ReachPod(const ObjectStore& store, const World& world, const Json& from,
               const Json& pod, int64_t port) {
  std::string name = absl::StrCat(GetString(pod, "metadata.namespace"), "/",
                                  GetString(pod, "metadata.name"));
  if (!ListensOn(store, world, pod, port)) {
    return Fails(absl::StrCat(name, " does not listen on ", port));
  }
  ConnectionPort to{port, "TCP"};
  PolicyDecision egress = CheckEgress(store, from, pod, to);
  if (!egress.allowed) return Fails(absl::StrCat("egress to ", name, " is not allowed"));
  PolicyDecision ingress = CheckIngress(store, from, pod, to);
  if (!ingress.allowed) return Fails(absl::StrCat("ingress to ", name, " is not allowed"));
  return Reach{true, ""};
}

Reach ReachService(const ObjectStore& store, const World& world, const Json& from,
                   const ServiceName& target, int64_t port) {
  std::string name = absl::StrCat(target.ns, "/", target.name);
  const Json* service = store.Get(ObjectKey{"Service", target.ns, target.name});
  if (service == nullptr) return Fails(absl::StrCat("no Service ", name));
  const Json* service_port = ServicePort(*service, port);
  if (service_port == nullptr) return Fails(absl::StrCat("Service ", name, " has no port ", port));
  const Json* endpoints = store.Get(ObjectKey{"Endpoints", target.ns, target.name});
  std::string port_name = GetString(*service_port, "name");
  int tried = 0;
  for (const Json& subset : endpoints ? ItemsAt(*endpoints, "subsets") : kNoItems) {
    int64_t target_port = EndpointPort(subset, port_name);
    for (const Json& address : ItemsAt(subset, "addresses")) {
      ++tried;
      const Json* pod = GetString(address, "targetRef.kind") == "Pod"
                            ? store.Get(ObjectKey{"Pod", GetString(address, "targetRef.namespace",
                                                                   target.ns),
                                                  GetString(address, "targetRef.name")})
                            : nullptr;
      if (pod == nullptr) return Fails(absl::StrCat("an endpoint of ", name, " is not a pod"));
      if (target_port < 0) return Fails(absl::StrCat("Endpoints ", name, " lack the port"));
      Reach r = ReachPod(store, world, from, *pod, target_port);
      if (!r.reachable) return r;
    }
  }
  if (tried == 0) return Fails(absl::StrCat("Service ", name, " has no ready endpoints"));
  return Reach{true, ""};
}

}  // namespace

std::optional<ServiceName> ResolveServiceHost(const std::string& host,
                                              const std::string& from_ns) {
  absl::string_view rest = host;
  absl::ConsumeSuffix(&rest, ".");
  // NAME.NS.svc[.cluster.local] names the namespace; NAME alone is searched
  // in the pod's namespace first.
  bool qualified = absl::ConsumeSuffix(&rest, ".svc.cluster.local") ||
                   absl::ConsumeSuffix(&rest, ".svc");
  std::vector<std::string> parts = absl::StrSplit(rest, '.');
  for (const std::string& part : parts) {
    if (part.empty()) return std::nullopt;
  }
  if (parts.size() == 1 && !qualified) return ServiceName{parts[0], from_ns};
  if (parts.size() == 2) return ServiceName{parts[0], parts[1]};
  return std::nullopt;
}

Reach ReachFromPod(const ObjectStore& store, const World& world, const Json& from,
                   const std::string& host, int64_t port) {
  if (host == "localhost" || host == "127.0.0.1") {
    if (ListensOn(store, world, from, port)) return Reach{true, ""};
    return Fails(absl::StrCat("nothing listens on localhost:", port));
  }
  std::optional<ServiceName> target =
      ResolveServiceHost(host, GetString(from, "metadata.namespace"));
  if (!target) return Fails(absl::StrCat("bad address '", host, "'"));
  return ReachService(store, world, from, *target, port);
}

}  // namespace kreplay
