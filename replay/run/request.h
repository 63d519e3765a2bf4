// The one request pipeline: how a request reaches the simulated cluster, for
// the scene (fault steps and chaos events, run/scene.h) and the replay
// (run/replayer.h) alike.
//
// RunRequest resolves the request's targets once, on the state before it,
// and notes their controllers; snapshots them around the write when it
// mutates; executes it; and after an accepted mutation lets the controllers
// settle. The outcome is typed: done; refused by the simulated API server
// (or kubectl); not modelled by kreplay; or not settled, when Reconcile
// failed after the write was accepted (a simulator fault, not the
// request's). Each caller gives the outcomes one meaning: the scene makes
// anything but done a fixture error naming the fixture and field; the
// replayer makes a refusal the operation's simulated error, and the other
// two step problems (run/step_problem.h).
#ifndef KREPLAY_REPLAY_RUN_REQUEST_H_
#define KREPLAY_REPLAY_RUN_REQUEST_H_

#include <map>
#include <string>
#include <vector>

#include "model/object_key.h"
#include "model/object_store.h"
#include "replay/exec/executor.h"
#include "replay/exec/operation.h"
#include "sim/cluster.h"
#include "sim/rbac.h"
#include "sim/world.h"

namespace kreplay {

struct RequestRun {
  enum class Outcome { kDone, kRefused, kNotModelled, kNotSettled };

  Outcome outcome = Outcome::kDone;
  // The refusal, what is not modelled, or Reconcile's error; "" when done.
  std::string message;
  std::vector<ObjectKey> targets;                // resolved before the request
  std::map<ObjectKey, std::string> controllers;  // target -> `Kind/name` of its controller
  // Mutations only: targets as stored before the write and right after it
  // (before the controllers settle); a missing target has no entry.
  std::map<ObjectKey, ObjectPtr> before;
  std::map<ObjectKey, ObjectPtr> after;
  std::vector<std::string> notes;  // kubectl's informational output, done only
  std::vector<std::string> output;  // what a read printed (logs' lines), done only

  bool done() const { return outcome == Outcome::kDone; }
};

// Runs `request` on `cluster` and, after an accepted mutation, reconciles
// with `world` (which reads see through ctx.world, set here). Never
// fails: every way it can end is an Outcome.
//
// With `user` (the agent under an authority_profile), RBAC authorizes the
// requests the operation sends first (run/agent_requests.h): a refusal is
// kRefused with kubectl's Forbidden text and nothing written; writes of
// RBAC objects pass the escalation check (sim/rbac_escalation.h); `auth
// can-i` and SubjectAccessReview creates are answered in `notes` (reviews
// are never stored). Without `user` nothing is authorized.
RequestRun RunRequest(Cluster& cluster, const World& world, const Operation& request,
                      ExecContext& ctx, const UserInfo* user = nullptr);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_REQUEST_H_
