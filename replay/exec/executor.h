// Applying an Operation to the simulated cluster as kubectl and the API
// server would: which objects it addresses, the writes it makes, and the
// errors the server would return.
//
// Controllers are not run here; the replayer reconciles after each
// mutating operation.
#ifndef KREPLAY_REPLAY_EXEC_EXECUTOR_H_
#define KREPLAY_REPLAY_EXEC_EXECUTOR_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "model/object_key.h"
#include "replay/exec/operation.h"
#include "replay/exec/pod_aliases.h"
#include "sim/cluster.h"
#include "sim/world.h"

namespace kreplay {

struct ExecContext {
  std::string time;                          // RFC 3339: the step's logical time
  std::string default_namespace = "default"; // kubectl's context namespace
  PodAliases* aliases = nullptr;             // REQUIRES: non-null
  // The request's targets when the caller resolved them already (the
  // request pipeline, run/request.h, resolves once, before the request);
  // unset: the handlers resolve them.
  std::optional<std::vector<ObjectKey>> targets = std::nullopt;
  // The scene's world (image facts): what `kubectl logs` reads the
  // containers' processes from (exec/logs.h). Null: logs print nothing.
  const World* world = nullptr;
};

// An operation kreplay does not model (helm, drain, rollout undo of a
// StatefulSet ...): nothing was sent, and nothing is known about what the
// real cluster would have said. Not an absl::Status on purpose: every error
// Execute returns is the simulated API server's (or kubectl's) refusal, and
// one of those, the 415 for a strategic merge patch of a kind without merge
// metadata (model/patch.h), is absl::Unimplemented too.
struct NotModelled {
  std::string what;
};

struct ExecResult {
  std::vector<std::string> notes;  // kubectl's informational output worth reporting
  // Set when kreplay does not model the operation; `notes` are then empty.
  // A multi-object operation may have changed the objects before the one it
  // does not model.
  std::optional<NotModelled> not_modelled;
  // What a read prints that a report shows: the lines of `kubectl logs`
  // (bounded, exec/logs.h). Empty for every other operation.
  std::vector<std::string> output;

  static ExecResult Unmodelled(std::string what) { return {{}, NotModelled{std::move(what)}, {}}; }
};

// The objects `op` addresses on `cluster` now: the manifests' objects (-f,
// a heredoc, a tool's object), each in the manifest's namespace, else -n's,
// else the default; named objects the manifests do not already name (pod
// names resolved through the alias table; the object `expose` exposes); or
// what a selector or --all matches. Missing named objects are included: an
// attempt on them still counts.
std::vector<ObjectKey> ResolveTargets(const Cluster& cluster, const Operation& op,
                                      ExecContext& ctx);

// The targets a handler works on: ctx.targets when the caller resolved
// them, else ResolveTargets.
std::vector<ObjectKey> TargetsOf(const Cluster& cluster, const Operation& op, ExecContext& ctx);

// The requests `op` makes, to run one after another with the controllers
// settling in between: one per pod for a mutation of several named pods
// (kubectl sends one request per name, and a ReplicaSet replaces a deleted
// pod at once), so that each recorded pod name is resolved through the alias
// table as it would be in a call of its own; else `op` alone.
std::vector<Operation> Requests(const Operation& op);

// Applies `op`. Reads change nothing but fail like the server when a named
// object is missing. Dry-run operations are checked on a copy and change
// nothing. Operations kreplay does not model (helm, drain, ...) succeed with
// `not_modelled` set. Errors, all refusals: kubectl's InvalidArgument for a
// manifest whose namespace is not -n's (any verb, nothing sent); the API
// server's (NotFound, AlreadyExists, InvalidArgument for invalid or
// immutable fields, Aborted for apply conflicts, Unimplemented for the 415
// of a strategic merge patch nothing can merge).
absl::StatusOr<ExecResult> Execute(Cluster& cluster, const Operation& op, ExecContext& ctx);

// The namespace `op` works in: its -n, else the context default.
std::string NamespaceOf(const Operation& op, const ExecContext& ctx);

// The API server's "not found" error for `key`, as the handlers return it
// (`deployments.apps "web" not found`).
absl::Status NotFound(const ObjectKey& key);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_EXEC_EXECUTOR_H_
