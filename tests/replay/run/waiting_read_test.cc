// Waiting reads (replay/run/waiting_read.h): `kubectl rollout status` and
// `kubectl wait` let the logical clock run until their condition holds or
// their timeout, no time when it holds already; the next call never goes
// back in time.
#include "replay/run/waiting_read.h"

#include <doctest/doctest.h>

#include <string>

#include "replay/run/fixture.h"
#include "replay/run/replayer.h"
#include "tests/scratch_dir.h"

namespace kreplay {
namespace {

using testing::ScratchDir;

// web runs `image`: nginx:1.27 is in the world and becomes ready; any other
// image never pulls, so web's rollout never completes.
Fixture Web(const ScratchDir& dir, const std::string& image) {
  dir.Write("baseline.yaml",
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: bench}\n---\n"
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: bench}\n"
            "spec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n"
            "  template:\n    metadata: {labels: {app: web}}\n    spec:\n"
            "      containers:\n      - {name: web, image: \"" + image + "\"}\n");
  dir.Write("fixture.yaml",
            "apiVersion: kreplay.dev/v1\nname: waits\nstart: \"2026-05-12T10:00:00Z\"\n"
            "baseline: {files: [baseline.yaml]}\n"
            "world:\n  images:\n  - {image: \"nginx:1.27\", ports: [80]}\n");
  absl::StatusOr<Fixture> f = LoadFixture(dir.path(), {});
  REQUIRE_MESSAGE(f.ok(), f.status().ToString());
  return *std::move(f);
}

ToolCall Kubectl(const std::string& command, const std::string& time, bool ok = true) {
  ToolCall call;
  call.tool = "run_command";
  call.server = "kubectl";
  call.args = {{"command", command}};
  call.outcome.status = ok ? RecordedOutcome::Status::kOk : RecordedOutcome::Status::kError;
  call.time = time;
  return call;
}

// The time of each step and the clock at the end.
std::vector<std::string> Times(const Fixture& f, const std::vector<ToolCall>& calls) {
  Ledger ledger;
  ledger.calls = calls;
  absl::StatusOr<ReplayResult> result = Replay(f, ledger, ChaosAfterLastCall::kSkip);
  REQUIRE_MESSAGE(result.ok(), result.status().ToString());
  std::vector<std::string> out;
  for (const StepReport& step : result->steps) out.push_back(step.time);
  out.push_back(result->end.now());
  return out;
}

const char kT0[] = "2026-05-12T10:00:05Z";
const char kT1[] = "2026-05-12T10:00:06Z";

TEST_CASE("a waiting read whose condition holds lets no time pass") {
  ScratchDir dir("wait-holds");
  Fixture f = Web(dir, "nginx:1.27");
  for (const char* command :
       {"kubectl rollout status deployment/web -n bench --timeout=150s",
        "kubectl wait --for=condition=Available deployment/web -n bench --timeout=120s"}) {
    INFO(command);
    CHECK(Times(f, {Kubectl(command, kT0), Kubectl("kubectl get pods -n bench", kT1)}) ==
          std::vector<std::string>{kT0, kT1, kT1});
  }
}

TEST_CASE("a waiting read whose condition never holds waits out its timeout") {
  ScratchDir dir("wait-timeout");
  Fixture f = Web(dir, "nginx:99.99-nonexistent");
  struct Case { const char* command; const char* end; };
  const Case cases[] = {
      {"kubectl rollout status deployment/web -n bench --timeout=150s", "2026-05-12T10:02:35Z"},
      {"kubectl wait --for=condition=Available deployment/web -n bench --timeout=20s",
       "2026-05-12T10:00:25Z"},
      {"kubectl wait --for=condition=Available deployment/web -n bench", "2026-05-12T10:00:35Z"},
      {"kubectl rollout status deployment/web -n bench", "2026-05-12T10:10:05Z"},
      {"kubectl rollout status deployment/web -n bench --watch=false", kT0},
      {"kubectl wait --for=jsonpath='{.status.readyReplicas}'=1 deployment/web -n bench", kT0},
  };
  for (const Case& c : cases) {
    INFO(c.command);
    // Recorded as timed out: the attempt took its time too. The next call,
    // recorded a second later, happens when the wait ended.
    std::vector<std::string> times =
        Times(f, {Kubectl(c.command, kT0, false), Kubectl("kubectl get pods -n bench", kT1)});
    REQUIRE(times.size() == 3);
    CHECK(times[0] == kT0);
    CHECK(times[1] == (std::string(c.end) == kT0 ? std::string(kT1) : std::string(c.end)));
  }
}

TEST_CASE("wait --for=condition compares the condition's status, case-insensitively") {
  ScratchDir dir("wait-false");
  Fixture f = Web(dir, "nginx:99.99-nonexistent");
  // web is not Available: waiting for Available=false holds at once.
  CHECK(Times(f, {Kubectl("kubectl wait --for=condition=available=false deployment/web -n bench",
                          kT0)})
            .back() == kT0);
}

}  // namespace
}  // namespace kreplay
