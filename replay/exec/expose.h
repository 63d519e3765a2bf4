// The executor's handler for `kubectl expose`: the Service the command line
// built (replay/kubectl/service_generators.h), completed from the exposed
// object as kubectl completes it on the client before it sends the create.
//
// Upstream: kubectl/pkg/cmd/expose/expose.go with polymorphichelpers'
// MapBasedSelectorForObject, PortsForObject and ProtocolsForObject. Without
// --selector the Service selects the object's pod labels (a Deployment's or
// ReplicaSet's spec.selector.matchLabels, a Pod's labels, a Service's or
// ReplicationController's spec.selector); without --port it gets the
// object's container ports (a Service's ports), named port-1, port-2, ...
// when there are several; without --labels it carries the object's labels.
#ifndef KREPLAY_REPLAY_EXEC_EXPOSE_H_
#define KREPLAY_REPLAY_EXEC_EXPOSE_H_

#include "absl/status/statusor.h"
#include "replay/exec/executor.h"

namespace kreplay {

// Handler for Execute(). Errors: NotFound when the exposed object does not
// exist (kubectl's wording); InvalidArgument for a kind kubectl cannot
// expose (`cannot expose a StatefulSet.apps`), a selector with
// matchExpressions, or no port given nor found ("couldn't find port via
// --port flag or introspection"); the API server's refusals of the create.
absl::StatusOr<ExecResult> ExecExpose(Cluster& cluster, const Operation& op, ExecContext& ctx);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_EXEC_EXPOSE_H_
