// NetworkPolicy evaluation (networking.k8s.io/v1): whether the policies in
// the store let one pod open a connection to another on a port.
//
// A policy selects the pods of its own namespace that its `podSelector`
// matches (matchLabels and matchExpressions; `{}` selects every pod of the
// namespace). Its `policyTypes` default as the API server defaults them:
// Ingress always, plus Egress when `spec.egress` has rules. A pod selected by
// no policy of a type is not isolated for that type (everything is allowed);
// an isolated pod admits exactly what some rule of some policy selecting it
// allows (rules add up; there is no deny rule). A connection needs both the
// source's egress and the destination's ingress.
//
// A rule's peers (`from`/`to`): absent or empty means every source or
// destination; `podSelector` alone means pods of the policy's namespace;
// `namespaceSelector` alone every pod of the matching namespaces;
// both, the matching pods in the matching namespaces; `ipBlock` matches the
// peer pod's `status.podIP` (IPv4 CIDR with `except`; docs/semantics.md).
// A rule's ports: absent or empty means every port; each entry has a
// protocol (default TCP), a port (a number, or a name resolved against the
// destination pod's container ports) and an optional `endPort`.
//
// Upstream: https://kubernetes.io/docs/concepts/services-networking/network-policies/
// and the NetworkPolicy types in k8s.io/api/networking/v1.
#ifndef KREPLAY_SIM_NETWORK_POLICY_H_
#define KREPLAY_SIM_NETWORK_POLICY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "model/json.h"
#include "model/object_store.h"

namespace kreplay {

enum class PolicyDirection { kIngress, kEgress };

// The destination port of a connection, after a Service's translation.
struct ConnectionPort {
  int64_t port = 0;
  std::string protocol = "TCP";
};

// Whether `policy` applies to `direction`: its policyTypes when listed, else
// as defaulted (Ingress; Egress when spec.egress is non-empty).
bool PolicyHasType(const Json& policy, PolicyDirection direction);

// Whether `policy` selects `pod` (same namespace, podSelector matches; an
// absent podSelector reads as `{}`). A malformed selector selects nothing.
bool PolicySelectsPod(const Json& policy, const Json& pod);

// The outcome of one direction's check, for tests and explanations.
struct PolicyDecision {
  bool allowed = true;
  // The policies that isolate the pod for the direction, in store order;
  // empty: the pod is not isolated.
  std::vector<std::string> isolating;
  // The policy whose rule allows the connection; "" when none (or not
  // isolated).
  std::string allowed_by;
};

// The decision of `to`'s ingress policies on a connection from `from`.
PolicyDecision CheckIngress(const ObjectStore& store, const Json& from, const Json& to,
                            const ConnectionPort& port);

// The decision of `from`'s egress policies on a connection to `to`.
PolicyDecision CheckEgress(const ObjectStore& store, const Json& from, const Json& to,
                           const ConnectionPort& port);

// Whether the connection is allowed in both directions.
bool ConnectionAllowed(const ObjectStore& store, const Json& from, const Json& to,
                       const ConnectionPort& port);

}  // namespace kreplay

#endif  // KREPLAY_SIM_NETWORK_POLICY_H_
