// What a replayed step means for the cluster, independent of the tool and
// the ledger format that recorded it: the key two runs' steps are aligned on
// and the payload an aligned pair is compared by (docs/diff.md).
//
// A kubectl string `kubectl rollout restart deployment/web -n bench`, a
// Flux159 `kubectl_rollout {subCommand: restart, ...}` and a containers
// `resources_*` call that mean the same request have the same key: the key
// is built from the interpreted Operations (verb, target kind, namespace and
// names as the replay resolved them), never from the tool's name.
#ifndef KREPLAY_REPLAY_DIFF_STEP_MEANING_H_
#define KREPLAY_REPLAY_DIFF_STEP_MEANING_H_

#include <string>

#include "model/json.h"
#include "replay/run/replay_result.h"

namespace kreplay {

struct StepMeaning {
  // One line per operation joined by "; ", e.g. `rollout restart
  // Deployment/bench/web`; `tool NAME` for a step with no operation.
  std::string key;
  // What a mutation writes, per operation (an array, null for reads):
  // manifests, patch and patch type, label/annotation/image pairs, replicas,
  // revision, container, command, subresource, dry run, cascade, grace
  // period, force, server-side. Output flags and the tool's spelling are
  // not payload.
  Json payload;
};

// The meaning of `step` as the replay interpreted it.
StepMeaning StepMeaningOf(const StepReport& step);

// The key of one operation (`verb Kind/ns/name ...`), targets as resolved
// when the replay resolved them, else as written.
std::string OperationKey(const OperationReport& report);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_DIFF_STEP_MEANING_H_
