#include "replay/run/request.h"

#include <utility>

#include "sim/controller.h"

namespace kreplay {
namespace {

void NoteControllers(const Cluster& cluster, const std::vector<ObjectKey>& keys,
                     std::map<ObjectKey, std::string>& out) {
  for (const ObjectKey& key : keys) {
    const Json* object = cluster.Get(key);
    const Json* refs = object ? Find(*object, "metadata.ownerReferences") : nullptr;
    for (const Json& ref : refs && refs->is_array() ? *refs : Json::array()) {
      if (GetBool(ref, "controller")) {
        out[key] = GetString(ref, "kind") + "/" + GetString(ref, "name");
      }
    }
  }
}

void Snapshot(const Cluster& cluster, const std::vector<ObjectKey>& keys,
              std::map<ObjectKey, ObjectPtr>& out) {
  for (const ObjectKey& key : keys) {
    if (ObjectPtr object = cluster.store().GetShared(key)) out[key] = std::move(object);
  }
}

}  // namespace

RequestRun RunRequest(Cluster& cluster, const World& world, const Operation& request,
                      ExecContext& ctx) {
  RequestRun run;
  ctx.world = &world;
  run.targets = ResolveTargets(cluster, request, ctx);
  NoteControllers(cluster, run.targets, run.controllers);
  if (request.mutating()) Snapshot(cluster, run.targets, run.before);
  ctx.targets = run.targets;  // resolved once: the handlers use these
  absl::StatusOr<ExecResult> result = Execute(cluster, request, ctx);
  ctx.targets.reset();
  if (request.mutating()) Snapshot(cluster, run.targets, run.after);
  if (!result.ok()) {
    run.outcome = RequestRun::Outcome::kRefused;
    run.message = std::string(result.status().message());
    return run;
  }
  if (result->not_modelled) {
    run.outcome = RequestRun::Outcome::kNotModelled;
    run.message = std::move(result->not_modelled->what);
    return run;
  }
  run.notes = std::move(result->notes);
  run.output = std::move(result->output);
  if (request.mutating()) {
    if (absl::Status settled = Reconcile(cluster, world); !settled.ok()) {
      run.outcome = RequestRun::Outcome::kNotSettled;
      run.message = std::string(settled.message());
    }
  }
  return run;
}

}  // namespace kreplay
