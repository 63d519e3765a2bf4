// Reachability: whether a TCP connection from a pod to a host name and port
// succeeds in the simulated cluster.
//
// The host is a Service's DNS name as the pod's resolver expands it (search
// path `NS.svc.cluster.local svc.cluster.local cluster.local`): `backend`
// (the pod's namespace), `backend.bench`, `backend.bench.svc`,
// `backend.bench.svc.cluster.local`, with or without a trailing dot; or
// `localhost`/`127.0.0.1` (the pod itself, not subject to NetworkPolicy).
// kube-proxy's translation follows: the Service port whose `port` is the
// requested one (TCP), then the Endpoints object's ready addresses and the
// matching endpoint port (the targetPort). Each address must be a pod that
// listens on that port (sim/container_start.h ListeningPorts, any container
// of the pod: containers share the pod's network) and the connection must be
// allowed by the source's egress and the destination's ingress policies
// (sim/network_policy.h). kube-proxy picks one ready endpoint per connection
// at random; kreplay's connection succeeds only when every ready endpoint
// would accept it (a probe that fails on some endpoints does not pass
// reliably), and fails when there is no ready endpoint. Cluster IPs, pod IPs,
// headless Services, ExternalName Services and UDP are not modelled (the
// connection fails). docs/semantics.md "Reachability".
#ifndef KREPLAY_SIM_REACHABILITY_H_
#define KREPLAY_SIM_REACHABILITY_H_

#include <cstdint>
#include <optional>
#include <string>

#include "model/json.h"
#include "model/object_store.h"
#include "sim/world.h"

namespace kreplay {

// The Service a DNS name means from namespace `from_ns`.
struct ServiceName {
  std::string name;
  std::string ns;
};

// `host` read as a Service DNS name; nullopt when it is not one.
std::optional<ServiceName> ResolveServiceHost(const std::string& host,
                                              const std::string& from_ns);

// The outcome of a connection, with the reason it fails.
struct Reach {
  bool reachable = false;
  std::string reason;  // "" when reachable
};

// Whether pod `from` (a Pod object) can connect to `host`:`port`.
Reach ReachFromPod(const ObjectStore& store, const World& world, const Json& from,
                   const std::string& host, int64_t port);

}  // namespace kreplay

#endif  // KREPLAY_SIM_REACHABILITY_H_
