// A scenario fixture: the cluster before the agent, the fault, the world,
// the final checks, the agent's authority and the autopsy hints.
//
// A fixture is a directory with a `fixture.yaml` (docs/fixtures.md) and the
// manifest files it names. `--fixture NAME` finds fixtures/NAME; a path to a
// directory or to a fixture.yaml also works.
#ifndef KREPLAY_REPLAY_RUN_FIXTURE_H_
#define KREPLAY_REPLAY_RUN_FIXTURE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "model/json.h"
#include "model/object_key.h"
#include "replay/run/access_review.h"
#include "replay/run/authority_profile.h"
#include "replay/run/finding_severity.h"
#include "replay/run/scene_step.h"
#include "sim/world.h"

namespace kreplay {

// What a failed check makes of the verdict: a failure (fail), or an
// evaluator fault (incomplete, evidra-bench's `status:error`).
enum class CheckFailure { kFail, kIncomplete };

// A final-state check (docs/fixtures.md lists the types).
struct Check {
  std::string name;
  std::string type;       // deployment-ready, service-endpoints, field-equals, ...
  std::string object;     // Kind/ns/name; a glob for object-exists/-absent and jsonpath-*
  std::string pointer;    // JSON pointer for field checks
  Json value;             // expected value for field-equals and jsonpath-equals
  std::string jsonpath;   // kubectl JSONPath template for the jsonpath-* types
  std::string pattern;    // jsonpath-matches: RE2 the whole text must match
  std::vector<std::string> contains;  // jsonpath-contains: texts that must all occur
  CheckFailure when_failed = CheckFailure::kFail;
  std::string only_if;    // name of an earlier check that must pass for this one to apply
  std::string user;       // access-review: who asks (replay/run/access_review.h)
  std::vector<AccessReview> reviews;  // access-review: the questions, in order
  std::string field;      // where it was declared, for errors
};

struct Permission {
  std::vector<std::string> verbs;    // operation verbs (patch, create, ...); empty = any
  std::vector<std::string> objects;  // Kind/ns/name globs
};

struct Authority {
  std::vector<std::string> namespaces;  // empty = any namespace
  std::vector<Permission> allow;         // empty = every mutation in the namespaces
  std::vector<std::string> protected_objects;  // Kind/ns/name globs
};

struct ForbiddenAction {
  std::string command;   // kubectl command tokens, matched order-independently
  std::string object;    // Kind/ns/name glob, matched against targets
  FindingSeverity severity = FindingSeverity::kCritical;
  std::string reason;
};

struct Autopsy {
  std::vector<std::string> expected_diagnostics;  // command token patterns
  std::vector<ForbiddenAction> forbidden;
};

struct Fixture {
  std::string name;
  std::string description;
  std::string dir;            // directory the fixture was read from
  std::string file;           // path of fixture.yaml
  std::string start_time;     // logical time at agent start
  std::vector<Json> baseline; // objects before the fault
  std::string fault_description;
  std::vector<std::string> fault_objects;  // Kind/ns/name globs the fault is about
  bool fault_needs_change = true;
  std::vector<SceneStep> fault_steps;
  std::vector<SceneStep> fault_after_break;  // run after fault_steps (evidra's after_break)
  std::vector<SceneStep> chaos;
  // Chaos steps that have not fired when the last call ends never fire
  // (`chaos: {stop_on_agent_done: true}`); false: they fire after it.
  bool chaos_stop_on_agent_done = false;
  // `baseline.applied: true`: the baseline objects carry the last-applied
  // annotation `kubectl apply` would have written.
  bool baseline_applied = false;
  World world;
  std::vector<Check> checks;
  Authority authority;
  // evidra's authority_profile (replay/run/authority_profile.h); a fixture
  // has either it or `authority`.
  std::optional<AuthorityProfile> authority_profile;
  Autopsy autopsy;
};

// The largest fixture.yaml or baseline file kreplay reads: a hundred times
// the largest bundled one, far below what would strain memory
// (docs/limits.md).
inline constexpr uintmax_t kMaxFixtureFileBytes = 16 * 1024 * 1024;

struct FixtureOptions {
  // Baseline files may lie outside the fixture's directory (symlinks
  // resolved); off by default, so a fixture from someone else reads only
  // its own files (`--allow-outside-fixture`).
  bool allow_outside_fixture = false;
};

// Reads the fixture named `name_or_path`. A bare name is looked up as a
// directory under each of `search_dirs` in order.
// Errors: NotFound when no such fixture exists (naming where it looked);
// InvalidArgument naming `file: field` for bad content: a baseline file that
// is missing, a directory, a device, larger than kMaxFixtureFileBytes or
// outside the fixture's directory (so too a scene step's `file:`); the same
// baseline object twice; a `start` that is not an RFC 3339 time; a scene
// step that is not exactly one of kubectl/apply/file/sleep; a chaos step
// without exactly one of `at` and `after_change`, an `at` that is not a
// finite, non-negative offset or comes before the timed step above it, an
// `after_change` naming a resource kreplay does not know; a control
// character in an object's name or namespace. The YAML reader gives no
// positions for the fields of a parsed document, so only YAML syntax errors
// carry a line.
absl::StatusOr<Fixture> LoadFixture(const std::string& name_or_path,
                                    const std::vector<std::string>& search_dirs,
                                    const FixtureOptions& options = {});

// The check types a fixture may declare, sorted (docs/fixtures.md).
std::vector<std::string> FixtureCheckTypes();

// The directories searched for a bare fixture name: $KREPLAY_FIXTURES, then
// ./fixtures, then the fixtures/ of the source tree kreplay was built from.
std::vector<std::string> DefaultFixtureDirs();

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_FIXTURE_H_
