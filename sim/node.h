// Nodes: the default node a fixture without any gets, and reading what a
// node offers the scheduler.
//
// A fixture that declares no Node runs on one node shaped like the single
// node `kind create cluster` (kind v0.25, Kubernetes v1.31) makes: named
// kind-control-plane, with the kubelet's well-known labels
// (kubernetes.io/arch=amd64, kubernetes.io/os=linux,
// kubernetes.io/hostname=kind-control-plane, their beta.* twins) and
// kubeadm's control-plane role label; no taint, since kind removes the
// control-plane NoSchedule taint from a single-node cluster. Its capacity
// is the machine's in a real cluster; kreplay's is a small laptop's, 4 CPUs,
// 8Gi of memory and the kubelet's default 110 pods, all allocatable (kind
// reserves nothing). docs/semantics.md, "Nodes", says why.
#ifndef KREPLAY_SIM_NODE_H_
#define KREPLAY_SIM_NODE_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "model/json.h"
#include "sim/cluster.h"
#include "sim/pod_requests.h"

namespace kreplay {

// The name of the default node.
inline constexpr char kDefaultNodeName[] = "kind-control-plane";

// The default node as a manifest (status included, as the kubelet reports it).
Json DefaultNode();

// Creates DefaultNode() when the cluster has no Node; does nothing
// otherwise. Errors: the cluster's refusal (none is expected).
absl::Status EnsureDefaultNode(Cluster& cluster);

// The node's status.allocatable (status.capacity where allocatable is
// absent). Errors: InvalidArgument naming the node and the quantity that
// does not parse.
absl::StatusOr<ResourceList> NodeAllocatable(const Json& node);

}  // namespace kreplay

#endif  // KREPLAY_SIM_NODE_H_
