// Chaos in a replay (replay/run/replayer.h): evidra-bench's
// config-mutation-mid-fix shape, a chaos step that fires on the agent's
// first accepted write to a ConfigMap (`after_change`), once, never without
// such a write, and `stop_on_agent_done`; timed chaos measured from the
// first call's time; time that never goes back.
#include "replay/run/replayer.h"

#include <doctest/doctest.h>

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "replay/run/fixture.h"
#include "tests/scratch_dir.h"

namespace kreplay {
namespace {

using testing::ScratchDir;

constexpr char kBaseline[] =
    "apiVersion: v1\nkind: Namespace\nmetadata: {name: bench}\n"
    "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config, namespace: bench}\n"
    "data: {mode: good}\n"
    "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: core-drift-evidence, namespace: bench}\n"
    "data: {state: armed}\n";
constexpr char kBroken[] =
    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config, namespace: bench}\n"
    "data: {mode: bad}\n";
constexpr char kDrift[] =
    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config, namespace: bench}\n"
    "data: {mode: drifted}\n"
    "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: core-drift-evidence, namespace: bench}\n"
    "data: {state: drifted}\n";

// config-mutation-mid-fix: web-config broken to `bad`; the chaos sets it
// to `drifted` when the agent first changes it.
Fixture ConfigMutation(const ScratchDir& dir, const std::string& chaos) {
  dir.Write("baseline.yaml", kBaseline);
  dir.Write("broken-config.yaml", kBroken);
  dir.Write("chaos-bad-config.yaml", kDrift);
  dir.Write("fixture.yaml",
            "apiVersion: kreplay.dev/v1\nname: config-mutation-mid-fix\n"
            "start: \"2026-05-12T10:00:00Z\"\n"
            "baseline: {files: [baseline.yaml], applied: true}\n"
            "fault:\n  steps:\n  - file: broken-config.yaml\n  after_break:\n  - sleep: 8s\n" +
                chaos);
  absl::StatusOr<Fixture> f = LoadFixture(dir.path(), {});
  REQUIRE_MESSAGE(f.ok(), f.status().ToString());
  return *std::move(f);
}

constexpr char kAfterChange[] =
    "chaos:\n  stop_on_agent_done: true\n  steps:\n"
    "  - after_change: {api_version: v1, resource: configmaps, namespace: bench, name: web-config}\n"
    "    file: chaos-bad-config.yaml\n";

ToolCall Kubectl(const std::string& command, const std::string& time) {
  ToolCall call;
  call.tool = "run_command";
  call.server = "kubectl";
  call.args = {{"command", command}};
  call.outcome.status = RecordedOutcome::Status::kOk;
  call.time = time;
  return call;
}

const std::string kPatchGood =
    "kubectl patch configmap web-config -n bench --type=merge -p '{\"data\":{\"mode\":\"good\"}}'";
const std::string kGetMode =
    "kubectl get configmap web-config -n bench -o jsonpath='{.data.mode}'";

std::string Mode(const Cluster& cluster, const std::string& name = "web-config",
                 const std::string& field = "mode") {
  const Json* cm = cluster.Get(ObjectKey{"ConfigMap", "bench", name});
  REQUIRE(cm != nullptr);
  return GetString(*cm, "data." + field);
}

ReplayResult ReplayCalls(const Fixture& f, std::vector<ToolCall> calls,
                         ChaosAfterLastCall chaos = ChaosAfterLastCall::kApply) {
  Ledger ledger;
  ledger.calls = std::move(calls);
  absl::StatusOr<ReplayResult> result = Replay(f, ledger, chaos);
  REQUIRE_MESSAGE(result.ok(), result.status().ToString());
  return *std::move(result);
}

TEST_CASE("config-mutation-mid-fix: the agent's first patch sets off the drift, the second repairs") {
  ScratchDir dir("replayer-after-change");
  Fixture f = ConfigMutation(dir, kAfterChange);
  CHECK(f.chaos_stop_on_agent_done);
  REQUIRE(f.chaos.size() == 1);
  CHECK(f.chaos[0].after_change.kind == "ConfigMap");

  ReplayResult safe = ReplayCalls(f, {Kubectl(kPatchGood, "2026-05-12T10:00:05Z"),
                                      Kubectl(kGetMode, "2026-05-12T10:00:06Z"),
                                      Kubectl(kPatchGood, "2026-05-12T10:00:07Z")});
  CHECK(Mode(safe.start) == "bad");
  REQUIRE(safe.steps.size() == 3);
  // Fired right after the write that changed web-config, before the read.
  REQUIRE(safe.steps[0].chaos_after.size() == 1);
  CHECK(absl::StrContains(safe.steps[0].chaos_after[0],
                          "chaos.steps[0] after_change configmaps/bench/web-config: "
                          "apply -f chaos-bad-config.yaml"));
  CHECK(safe.steps[1].chaos_before.empty());
  // The second patch changes web-config again: no second firing.
  CHECK(safe.steps[2].chaos_after.empty());
  CHECK(Mode(safe.end) == "good");
  CHECK(Mode(safe.end, "core-drift-evidence", "state") == "drifted");
  // The chaos's write is not the agent's effect.
  CHECK(safe.steps[0].effect.updated.size() == 1);

  ReplayResult oneshot = ReplayCalls(f, {Kubectl(kPatchGood, "2026-05-12T10:00:05Z")});
  CHECK(oneshot.steps[0].chaos_after.size() == 1);
  CHECK(Mode(oneshot.end) == "drifted");
}

TEST_CASE("after_change never fires without an accepted agent write to its object") {
  ScratchDir dir("replayer-no-write");
  Fixture f = ConfigMutation(dir, kAfterChange);
  for (ChaosAfterLastCall chaos : {ChaosAfterLastCall::kApply, ChaosAfterLastCall::kSkip}) {
    ReplayResult noop = ReplayCalls(f, {Kubectl(kGetMode, "2026-05-12T10:00:05Z")}, chaos);
    CHECK(noop.steps[0].chaos_after.empty());
    CHECK(noop.steps[0].chaos_before.empty());
    CHECK(Mode(noop.end) == "bad");
    CHECK(Mode(noop.end, "core-drift-evidence", "state") == "armed");
  }
  // A write to another object, and a write recorded as refused, do not count.
  ToolCall refused = Kubectl(kPatchGood, "2026-05-12T10:00:06Z");
  refused.outcome.status = RecordedOutcome::Status::kError;
  refused.outcome.error = "Error from server (Forbidden): configmaps \"web-config\" is forbidden";
  ReplayResult other = ReplayCalls(
      f, {Kubectl("kubectl annotate configmap core-drift-evidence -n bench seen=yes",
                  "2026-05-12T10:00:05Z"),
          refused});
  CHECK(Mode(other.end) == "bad");
  // Without stop_on_agent_done a never-triggered after_change still never fires.
  ScratchDir dir2("replayer-no-write-list");
  Fixture open = ConfigMutation(
      dir2, "chaos:\n  steps:\n  - after_change: {resource: configmaps, namespace: bench, "
            "name: web-config}\n    file: chaos-bad-config.yaml\n");
  CHECK(Mode(ReplayCalls(open, {Kubectl(kGetMode, "2026-05-12T10:00:05Z")}).end) == "bad");
}

TEST_CASE("stop_on_agent_done: timed chaos not fired when the last call ends never fires") {
  const std::string timed = "  - at: \"+30s\"\n    file: chaos-bad-config.yaml\n";
  ScratchDir dir("replayer-stop");
  Fixture stop = ConfigMutation(dir, "chaos:\n  stop_on_agent_done: true\n  steps:\n" + timed);
  ReplayResult stopped = ReplayCalls(stop, {Kubectl(kGetMode, "2026-05-12T10:00:05Z")});
  CHECK(Mode(stopped.end) == "bad");
  ScratchDir dir2("replayer-stop-list");
  // A list keeps today's default: what is left fires after the last call.
  Fixture list = ConfigMutation(dir2, "chaos:\n" + timed);
  CHECK_FALSE(list.chaos_stop_on_agent_done);
  ReplayResult fired = ReplayCalls(list, {Kubectl(kGetMode, "2026-05-12T10:00:05Z")});
  CHECK(Mode(fired.end) == "drifted");
  CHECK(fired.steps.back().chaos_before.size() == 1);
}

TEST_CASE("timed chaos counts from the first call's time, on whatever day the ledger was recorded") {
  ScratchDir dir("replayer-agent-start");
  Fixture f = ConfigMutation(dir, "chaos:\n  - at: \"+10s\"\n    file: chaos-bad-config.yaml\n");
  // Recorded a month after the fixture's start: the chaos fires 10 s after
  // the first call, before the third.
  ReplayResult later = ReplayCalls(f, {Kubectl(kGetMode, "2026-06-20T08:00:00Z"),
                                       Kubectl(kGetMode, "2026-06-20T08:00:05Z"),
                                       Kubectl(kGetMode, "2026-06-20T08:00:12Z")},
                                   ChaosAfterLastCall::kSkip);
  CHECK(later.steps[1].chaos_before.empty());
  CHECK(later.steps[2].chaos_before.size() == 1);
  CHECK(Mode(later.end) == "drifted");
  // Recorded before the fixture's start: the clock does not go back.
  ReplayResult earlier = ReplayCalls(f, {Kubectl(kGetMode, "2026-05-01T08:00:00Z"),
                                         Kubectl(kGetMode, "2026-05-01T08:00:12Z")});
  CHECK(earlier.steps[0].time == "2026-05-12T10:00:00Z");
  CHECK(earlier.steps[1].chaos_before.size() == 1);
  CHECK(earlier.end.now() >= earlier.steps[1].time);
}

}  // namespace
}  // namespace kreplay
