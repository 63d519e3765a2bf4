// A scene step: one thing a fixture does to the cluster before the agent
// (fault.steps, fault.after_break) or while it works (chaos), and what fires
// a chaos step (a time from agent start, or the agent's first write to an
// object). docs/fixtures.md describes the YAML; replay/run/scene.h runs them.
#ifndef KREPLAY_REPLAY_RUN_SCENE_STEP_H_
#define KREPLAY_REPLAY_RUN_SCENE_STEP_H_

#include <cstdint>
#include <string>
#include <vector>

#include "model/json.h"
#include "model/object_key.h"

namespace kreplay {

// The object whose first accepted write by the agent fires a chaos step
// (evidra's `after_change`): resource as the API names it (`configmaps`),
// resolved to its kind when the fixture loads.
struct ChangeTrigger {
  std::string api_version;  // as written (`v1`, `apps/v1`), "" when not given
  std::string resource;     // as written (`configmaps`)
  std::string kind;         // resolved (`ConfigMap`); "" when there is no trigger
  std::string ns;           // "" for a cluster-scoped object
  std::string name;

  bool empty() const { return kind.empty(); }
  // `key` is the object named here.
  bool Matches(const ObjectKey& key) const {
    return !empty() && key.kind == kind && key.ns == ns && key.name == name;
  }
};

// One step that sets the scene: exactly one of a kubectl command line, a
// manifest applied, a fixture file applied (`kubectl apply -f`, client-side),
// or a pause.
struct SceneStep {
  std::string kubectl;   // a kubectl command line, or ""
  Json apply;            // a manifest to apply (object), or null
  std::string file;      // `file:` as written, "" when not a file step
  std::vector<Json> file_manifests;  // its manifests, read when the fixture loads
  std::string sleep;     // `sleep:` as written (`8s`), "" when not a pause
  int64_t sleep_seconds = 0;  // the pause, whole seconds (rounded up)
  std::string at;        // chaos only: offset from agent start, e.g. "+10s"
  ChangeTrigger after_change;  // chaos only: fires on the agent's first write to it
  std::string field;     // where it was declared (`fault.steps[0]`), for errors

  // What the step does, for reports: the command line, `apply Kind/ns/name`,
  // `apply -f FILE` or `sleep 8s`.
  std::string Describe() const;
  // What fires a chaos step, for reports: `at +10s` or
  // `after_change configmaps/bench/web-config`.
  std::string Trigger() const;
};

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_SCENE_STEP_H_
