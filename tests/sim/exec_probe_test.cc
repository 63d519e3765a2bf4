#include "sim/exec_probe.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace kreplay {
namespace {

// A busybox container with /config (a ConfigMap mount) holding `mode`.
ContainerFs ConfigFs(const std::string& mode) {
  FsMount config{"/config", false, false, {{"/config/mode", mode}}};
  return ContainerFs(ImageRoot("busybox:1.36", {}), {config}, false);
}

// A context whose network reaches exactly `open` (host:port).
struct Net {
  std::set<std::pair<std::string, int64_t>> open;
  std::vector<std::pair<std::string, int64_t>> tried;
};

ProbeContext Context(const ContainerFs& fs, Net& net) {
  ProbeContext context;
  context.fs = &fs;
  context.connect = [&net](const std::string& host, int64_t port) {
    net.tried.emplace_back(host, port);
    return net.open.contains({host, port});
  };
  return context;
}

ProbeOutcome Run(const std::string& script, const ContainerFs& fs, Net& net) {
  return RunExecProbe({"sh", "-c", script}, Context(fs, net)).outcome;
}

TEST_CASE("exec probe: test \"$(cat FILE)\" = VALUE reads the mounted file") {
  Net net;
  const std::string probe = R"p(test "$(cat /config/mode)" = good)p";
  CHECK(Run(probe, ConfigFs("good"), net) == ProbeOutcome::kSuccess);
  // Command substitution drops trailing newlines only.
  CHECK(Run(probe, ConfigFs("good\n\n"), net) == ProbeOutcome::kSuccess);
  CHECK(Run(probe, ConfigFs("bad"), net) == ProbeOutcome::kFailure);
  CHECK(Run(probe, ConfigFs("goodx"), net) == ProbeOutcome::kFailure);
  CHECK(Run(probe, ConfigFs(" good"), net) == ProbeOutcome::kFailure);
  // A missing file substitutes "" (cat fails, the test compares "" = good).
  CHECK(Run(R"p(test "$(cat /config/other)" = good)p", ConfigFs("good"), net) ==
        ProbeOutcome::kFailure);
  CHECK(Run(R"p([ "$(cat /config/mode)" != bad ])p", ConfigFs("good"), net) ==
        ProbeOutcome::kSuccess);
  // Single quotes keep `$(...)` literal.
  CHECK(Run(R"p(test '$(cat /config/mode)' = good)p", ConfigFs("good"), net) ==
        ProbeOutcome::kFailure);
}

TEST_CASE("exec probe: wget succeeds iff the connection does; $? and test -gt invert it") {
  ContainerFs fs = ConfigFs("good");
  Net net;
  net.open = {{"backend", 80}};
  CHECK(Run("wget -qO- -T 2 http://backend/", fs, net) == ProbeOutcome::kSuccess);
  CHECK(Run("wget -qO- -T 2 http://database/", fs, net) == ProbeOutcome::kFailure);
  CHECK(Run("wget -qO- -T 2 http://database/; test $? -gt 0", fs, net) ==
        ProbeOutcome::kSuccess);
  CHECK(Run("wget -qO- -T 2 http://backend/; test $? -gt 0", fs, net) ==
        ProbeOutcome::kFailure);
  // wget exits 1 on failure: 1 is not greater than 1.
  CHECK(Run("wget -qO- -T 2 http://database/; test $? -gt 1", fs, net) ==
        ProbeOutcome::kFailure);
  net.tried.clear();
  CHECK(Run("wget -q -O /dev/null http://backend.bench.svc:8080/healthz", fs, net) ==
        ProbeOutcome::kFailure);
  REQUIRE(net.tried.size() == 1);
  CHECK(net.tried[0] == std::make_pair(std::string("backend.bench.svc"), int64_t{8080}));
  CHECK(Run("wget --spider -q http://backend/ && true", fs, net) == ProbeOutcome::kSuccess);
  CHECK(Run("wget -q http://database/ || exit 3", fs, net) == ProbeOutcome::kFailure);
  CHECK(Run("nc -z -w 2 backend 80", fs, net) == ProbeOutcome::kSuccess);
  CHECK(Run("nc -z backend 81", fs, net) == ProbeOutcome::kFailure);
}

TEST_CASE("exec probe: lists, exit and plain argv commands") {
  ContainerFs fs = ConfigFs("good");
  Net net;
  CHECK(Run("false; true", fs, net) == ProbeOutcome::kSuccess);
  CHECK(Run("true; false", fs, net) == ProbeOutcome::kFailure);
  CHECK(Run("false || true", fs, net) == ProbeOutcome::kSuccess);
  CHECK(Run("true && false", fs, net) == ProbeOutcome::kFailure);
  CHECK(Run("exit 0; false", fs, net) == ProbeOutcome::kSuccess);
  CHECK(Run("test -f /config/mode", fs, net) == ProbeOutcome::kSuccess);
  CHECK(Run("test -f /config", fs, net) == ProbeOutcome::kFailure);
  CHECK(Run("test -d /config", fs, net) == ProbeOutcome::kSuccess);
  // A non-number in an integer test: busybox exits 2.
  ProbeResult invalid = RunExecProbe({"sh", "-c", "test abc -gt 0"}, Context(fs, net));
  CHECK(invalid.outcome == ProbeOutcome::kFailure);
  CHECK(invalid.exit_code == 2);
  CHECK(RunExecProbe({"cat", "/config/mode"}, Context(fs, net)).outcome ==
        ProbeOutcome::kSuccess);
  CHECK(RunExecProbe({"cat", "/tmp/healthy"}, Context(fs, net)).outcome ==
        ProbeOutcome::kFailure);
  // Without a shell, `$?` is an ordinary argument.
  CHECK(RunExecProbe({"test", "$?", "=", "$?"}, Context(fs, net)).outcome ==
        ProbeOutcome::kSuccess);
}

TEST_CASE("exec probe: what is outside the model is unknown, never a guess") {
  ContainerFs fs = ConfigFs("good");
  Net net;
  for (const char* script : {"curl -f http://backend/", "test \"$MODE\" = good",
                             "cat /config/mode | grep good", "test \"$(date)\" = x",
                             "wget -qO- https://backend/", "while true; do true; done",
                             "test -a /config/mode -a -f /config/mode"}) {
    CAPTURE(script);
    ProbeResult r = RunExecProbe({"sh", "-c", script}, Context(fs, net));
    CHECK(r.outcome == ProbeOutcome::kUnknown);
    CHECK_FALSE(r.unknown.empty());
  }
  // Unquoted, a one-field substitution is fine; an empty one is unknown.
  CHECK(Run("test $(cat /config/mode) = good", fs, net) == ProbeOutcome::kSuccess);
  CHECK(Run("test $(cat /config/none) = good", fs, net) == ProbeOutcome::kUnknown);
  CHECK(RunExecProbe({"sh", "-x"}, Context(fs, net)).outcome == ProbeOutcome::kUnknown);
}

}  // namespace
}  // namespace kreplay
