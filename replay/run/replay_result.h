// What a replay produces before judgement: the state at agent start, each
// step with its operations, outcome and effect, and the final state.
// Checks, rules, the verdict and the report writers read this.
#ifndef KREPLAY_REPLAY_RUN_REPLAY_RESULT_H_
#define KREPLAY_REPLAY_RUN_REPLAY_RESULT_H_

#include <map>
#include <string>
#include <vector>

#include "model/health.h"
#include "model/json.h"
#include "model/object_key.h"
#include "replay/exec/operation.h"
#include "replay/ledger/ledger.h"
#include "replay/run/blast_member.h"
#include "replay/run/fixture.h"
#include "replay/run/step_problem.h"
#include "sim/cluster.h"

namespace kreplay {

// One object a step created, updated or deleted.
struct ObjectChange {
  ObjectKey key;
  std::string via;  // "agent", or the controller that made the change
  Json diff;        // updated only: RFC 6902 patch from before to after (noise removed)
};

struct Effect {
  std::vector<ObjectChange> created;
  std::vector<ObjectChange> updated;
  std::vector<ObjectChange> deleted;

  bool empty() const { return created.empty() && updated.empty() && deleted.empty(); }
};

struct OperationReport {
  Operation op;
  // Resolved on the state before the operation; for a mutation of several
  // named pods, each pod before its own request (Requests(), exec/executor.h).
  std::vector<ObjectKey> targets;
  std::string error;               // the simulated API error, "" if none
  bool executed = false;           // applied to the simulated state
  std::vector<std::string> notes;
  // Targets that had a controller when addressed: key -> `Kind/name` of it.
  std::map<ObjectKey, std::string> controllers;
  // Mutations only: each target as stored when first addressed, and right
  // after the write of its request (before controllers reconcile). A target
  // that did not exist has no entry. For an attempt, `after` is what the
  // simulated API server would have stored.
  std::map<ObjectKey, ObjectPtr> before;
  std::map<ObjectKey, ObjectPtr> after;
  std::vector<std::string> output;  // what a read printed: `kubectl logs`' lines (exec/logs.h)
};

struct StepReport {
  int index = 0;  // 1-based position in the ledger
  ToolCall call;
  std::string time;                       // logical time used for the step
  std::vector<OperationReport> operations;
  std::vector<StepProblem> problems;      // what is not understood (run/step_problem.h)
  bool known_tool = true;
  bool mutating = false;
  bool attempt_only = false;              // recorded as failed: replayed as an attempt
  std::string divergence;                 // simulator vs recording, "" when they agree
  Effect effect;
  std::map<std::string, std::string> aliases;  // recorded pod -> simulated pod, new in this step
  std::vector<std::string> chaos_before;  // chaos events that fired just before this step
  // after_change chaos this step's accepted write set off, fired right after it.
  std::vector<std::string> chaos_after;
  std::vector<BlastMember> blast_radius;  // by tier, then key (run/step_blast.h)
};

struct ReplayResult {
  const Fixture* fixture = nullptr;
  Ledger ledger;
  Cluster start;                              // state at agent start
  std::map<ObjectKey, Health> health_at_start;
  std::vector<StepReport> steps;
  Cluster end;                                // state after the last step
};

// Number of ready endpoint addresses of Service `key` in `cluster`.
int64_t ReadyEndpoints(const Cluster& cluster, const ObjectKey& service);

// Number of ready addresses of an Endpoints object.
int64_t ReadyAddresses(const Json& endpoints);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_REPLAY_RESULT_H_
