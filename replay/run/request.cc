#include "replay/run/request.h"

#include <optional>
#include <string>
#include <utility>

#include "replay/run/agent_requests.h"
#include "sim/controller.h"
#include "sim/rbac_escalation.h"

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

// The escalation refusal of the first RBAC object the request wrote, judged
// on the store before it (`before`), or "".
std::string EscalationOf(const ObjectStore& before, const Cluster& cluster, const UserInfo& user,
                         const std::vector<ObjectKey>& targets) {
  for (const ObjectKey& key : targets) {
    const Json* now = cluster.Get(key);
    const Json* old = before.Get(key);
    if (now == nullptr || now == old) continue;
    if (std::optional<std::string> refusal = EscalationRefusal(before, user, *now, old)) {
      return "Error from server (Forbidden): " + *refusal;
    }
  }
  return "";
}

bool WritesRbac(const std::vector<ObjectKey>& targets) {
  for (const ObjectKey& key : targets) {
    if (key.kind == "Role" || key.kind == "ClusterRole" || key.kind == "RoleBinding" ||
        key.kind == "ClusterRoleBinding") {
      return true;
    }
  }
  return false;
}

}  // namespace

RequestRun RunRequest(Cluster& cluster, const World& world, const Operation& request,
                      ExecContext& ctx, const UserInfo* user) {
  RequestRun run;
  ctx.world = &world;
  run.targets = ResolveTargets(cluster, request, ctx);
  NoteControllers(cluster, run.targets, run.controllers);
  if (request.mutating()) Snapshot(cluster, run.targets, run.before);
  std::optional<std::string> answer;  // auth can-i's, under an authority_profile
  if (user != nullptr) {
    absl::Status allowed =
        AuthorizeOperation(cluster, *user, request, run.targets, ctx.default_namespace);
    if (!allowed.ok()) {
      if (request.mutating()) Snapshot(cluster, run.targets, run.after);
      run.outcome = RequestRun::Outcome::kRefused;
      run.message = std::string(allowed.message());
      return run;
    }
    answer = AccessReviewAnswer(cluster, *user, request, ctx.default_namespace);
    if (answer && request.verb != Verb::kAuthCanI) {  // a review is answered, never stored
      run.notes.push_back(*answer);
      return run;
    }
  }
  std::optional<Cluster> rbac_before;
  if (user != nullptr && request.mutating() && WritesRbac(run.targets)) rbac_before = cluster;
  ctx.targets = run.targets;  // resolved once: the handlers use these
  absl::StatusOr<ExecResult> result = Execute(cluster, request, ctx);
  ctx.targets.reset();
  if (result.ok() && rbac_before) {
    std::string refusal = EscalationOf(rbac_before->store(), cluster, *user, run.targets);
    if (!refusal.empty()) {
      cluster = *std::move(rbac_before);
      result = absl::PermissionDeniedError(refusal);
    }
  }
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
  if (answer) run.notes.push_back(*answer);
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
