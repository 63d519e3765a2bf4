// Replays of containers/kubernetes-mcp-server's resources_create_or_update,
// a server-side apply with force under the manager "kubernetes-mcp-server":
// a full manifest that leaves out ports and probes removes them when that
// manager owns them, and the report's step diff shows the removal.
#include <algorithm>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "replay/report/json_report.h"
#include "tests/replay/judge/rule_test_util.h"

namespace kreplay {
namespace {

constexpr char kFull[] = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web-v2, namespace: bench, labels: {app: web-v2}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web-v2}}
  template:
    metadata: {labels: {app: web-v2}}
    spec:
      containers:
        - name: nginx
          image: nginx:1.27-alpine
          ports: [{containerPort: 80}]
          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
          livenessProbe: {tcpSocket: {port: 80}}
)";

// The whole object again, written from memory: no ports, no probes.
std::string WithoutPortsAndProbes(const std::string& manifest) {
  return absl::StrReplaceAll(
      manifest, {{"          ports: [{containerPort: 80}]\n", ""},
                 {"          readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}\n", ""},
                 {"          livenessProbe: {tcpSocket: {port: 80}}\n", ""}});
}

std::string CreateOrUpdate(const std::string& manifest) {
  return Tool("resources_create_or_update", {{"resource", manifest}});
}

// The RFC 6902 operations of `step`'s diff of `object` in the JSON report.
std::vector<std::string> ReportedDiff(const RuleRun& run, int step, const std::string& object) {
  Json report = ReportJson(run.result, run.judgement, {"false-alarm", "inline"});
  std::vector<std::string> ops;
  for (const Json& change : report["steps"][step - 1]["effect"]["updated"]) {
    if (GetString(change, "object") != object) continue;
    for (const Json& op : change["diff"]) {
      ops.push_back(GetString(op, "op") + " " + GetString(op, "path"));
    }
  }
  return ops;
}

bool Contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

TEST_CASE("containers' apply of a manifest without ports and probes removes what it owned") {
  std::unique_ptr<RuleRun> run = ReplayRecords(
      "false-alarm", {CreateOrUpdate(kFull), CreateOrUpdate(WithoutPortsAndProbes(kFull))});
  const ObjectKey key{"Deployment", "bench", "web-v2"};
  const Json* live = run->result.end.Get(key);
  REQUIRE(live != nullptr);
  const Json& container = (*live)["spec"]["template"]["spec"]["containers"][0];
  CHECK_FALSE(container.contains("ports"));
  CHECK_FALSE(container.contains("readinessProbe"));
  CHECK_FALSE(container.contains("livenessProbe"));
  CHECK(GetString(container, "image") == "nginx:1.27-alpine");

  std::vector<std::string> diff = ReportedDiff(*run, 2, key.ToString());
  CAPTURE(absl::StrJoin(diff, ", "));
  CHECK(Contains(diff, "remove /spec/template/spec/containers/0/ports"));
  CHECK(Contains(diff, "remove /spec/template/spec/containers/0/readinessProbe"));
  CHECK(Contains(diff, "remove /spec/template/spec/containers/0/livenessProbe"));
  // The apply is a partial manifest of a live workload.
  CHECK(MessagesOf(*run, "partial-manifest").find("nginx.readinessProbe") != std::string::npos);
}

TEST_CASE("containers' apply cannot remove fields another manager owns") {
  // false-alarm's web was created before any apply: "before-first-apply"
  // owns all of it, so the MCP server's apply drops only its own claim, as
  // the API server does; the rule still reports the intent.
  std::unique_ptr<RuleRun> run = ReplayRecords(
      "false-alarm", {CreateOrUpdate(absl::StrReplaceAll(
                         WithoutPortsAndProbes(kFull), {{"web-v2", "web"}}))});
  const Json* live = run->result.end.Get(ObjectKey{"Deployment", "bench", "web"});
  REQUIRE(live != nullptr);
  const Json& container = (*live)["spec"]["template"]["spec"]["containers"][0];
  CHECK(container.contains("ports"));
  CHECK(container.contains("readinessProbe"));
  for (const std::string& op : ReportedDiff(*run, 1, "Deployment/bench/web")) {
    CHECK(op.rfind("remove /spec/template/spec/containers/0/ports", 0) != 0);
    CHECK(op.rfind("remove /spec/template/spec/containers/0/readinessProbe", 0) != 0);
  }
  CHECK_FALSE(FindingsOf(*run, "partial-manifest").empty());
}

}  // namespace
}  // namespace kreplay
