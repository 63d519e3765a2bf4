// Reading a fixture's scene steps (fault.steps, fault.after_break) and its
// chaos: the list of timed steps, or evidra's mapping
// `{stop_on_agent_done, steps}` whose steps fire at a time (`at`) or on the
// agent's first write to an object (`after_change`). docs/fixtures.md has
// the YAML.
//
// Errors are InvalidArgument, `FILE[:LINE]: FIELD: what was expected`, FIELD as
// declared (`chaos.steps[0].after_change.resource`): a step that is not a
// mapping or not exactly one of kubectl/apply/file/sleep; an unknown field;
// a `sleep` or `at` that is not a finite, non-negative Go duration; timed
// chaos steps out of order; a chaos step without exactly one of `at` and
// `after_change`; an `after_change` without resource and name, naming a
// resource kreplay does not know, with an api_version that is not the
// resource's, or with a namespace for a cluster-scoped resource (or none
// for a namespaced one); a `file:` that the file reader refuses (its
// message).
#ifndef KREPLAY_REPLAY_RUN_SCENE_STEP_READER_H_
#define KREPLAY_REPLAY_RUN_SCENE_STEP_READER_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "model/json.h"
#include "replay/run/scene_step.h"

namespace kreplay {

// Reads the manifests of a `file:` step, named as written, with the
// fixture's file rules (replay/run/fixture.h). Its error's message is put
// after the step's field.
using SceneFileReader = std::function<absl::StatusOr<std::vector<Json>>(const std::string& file)>;

// Where a field was written (`FILE:LINE`), for error messages; when empty,
// errors name the fixture file alone.
using FieldWhere = std::function<std::string(const std::string& field)>;

struct ChaosPlan {
  std::vector<SceneStep> steps;
  bool stop_on_agent_done = false;  // the mapping's flag; false for a list
};

// The steps of `steps` (a list, or null/absent for none), declared at
// `field` of `fixture_file`.
absl::StatusOr<std::vector<SceneStep>> ReadSceneSteps(const std::string& fixture_file,
                                                      const Json* steps, const std::string& field,
                                                      const SceneFileReader& read_file,
                                                      const FieldWhere& where = {});

// The fixture's `chaos` (null/absent: none).
absl::StatusOr<ChaosPlan> ReadChaos(const std::string& fixture_file, const Json* chaos,
                                    const SceneFileReader& read_file,
                                    const FieldWhere& where = {});

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_SCENE_STEP_READER_H_
