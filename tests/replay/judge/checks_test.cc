// Final-state checks, the jsonpath-equals kind: evidra-bench's verifiers read
// the cluster with `kubectl get -o jsonpath` and compare the text as a shell
// compares two `$(...)` (trailing newlines dropped); a fixture can state each
// of their assertions one for one.
#include "replay/judge/checks.h"

#include <string>

#include <doctest/doctest.h>

#include "replay/run/fixture.h"
#include "replay/run/scene.h"
#include "tests/scratch_dir.h"

namespace kreplay {
namespace {

constexpr char kBaseline[] = R"(apiVersion: v1
kind: Namespace
metadata: {name: bench}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: shared-config, namespace: bench}
data:
  nginx.conf: |
    server {
        return 200 'ok\n';
    }
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: bench}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.27-alpine"}]
)";

// A fixture with `checks` (YAML list items), loaded from a scratch directory.
absl::StatusOr<Fixture> FixtureWith(const std::string& checks) {
  testing::ScratchDir dir("checks");
  dir.Write("baseline.yaml", kBaseline);
  dir.Write("fixture.yaml",
            "apiVersion: kreplay.dev/v1\nname: checks\nstart: \"2026-05-12T10:00:00Z\"\n"
            "baseline:\n  files: [baseline.yaml]\n"
            "world:\n  images:\n    - {image: \"nginx:1.27-alpine\", ports: [80]}\n"
            "checks:\n" + checks);
  return LoadFixture(dir.path(), {});
}

std::vector<CheckResult> Run(const std::string& checks) {
  absl::StatusOr<Fixture> fixture = FixtureWith(checks);
  REQUIRE_MESSAGE(fixture.ok(), fixture.status().message());
  absl::StatusOr<Cluster> scene = BuildScene(*fixture);
  REQUIRE_MESSAGE(scene.ok(), scene.status().message());
  return RunChecks(*fixture, *scene);
}

TEST_CASE("jsonpath-equals: evidra's text comparisons, trailing newlines ignored") {
  std::vector<CheckResult> results = Run(
      "  - {name: ready-2-of-2, type: jsonpath-equals, object: Deployment/bench/web,\n"
      "     jsonpath: '{.status.readyReplicas}/{.spec.replicas}', value: 2/2}\n"
      "  - {name: image-unchanged, type: jsonpath-equals, object: Deployment/bench/web,\n"
      "     jsonpath: '{.spec.template.spec.containers[0].image}', value: 'nginx:1.27-alpine'}\n"
      "  - name: exact-known-good\n"
      "    type: jsonpath-equals\n"
      "    object: ConfigMap/bench/shared-config\n"
      "    jsonpath: '{.data.nginx\\.conf}'\n"
      "    value: \"server {\\n    return 200 'ok\\\\n';\\n}\"\n"
      "  - {name: wrong-image, type: jsonpath-equals, object: Deployment/bench/web,\n"
      "     jsonpath: '{.spec.template.spec.containers[0].image}', value: 'nginx:1.28'}\n"
      "  - {name: absent-object, type: jsonpath-equals, object: Deployment/bench/api,\n"
      "     jsonpath: '{.spec.replicas}', value: '2'}\n");
  REQUIRE(results.size() == 5);
  CHECK_MESSAGE(results[0].passed, results[0].message);
  CHECK_MESSAGE(results[1].passed, results[1].message);
  // The baseline's block scalar ends in a newline, the expected text does not.
  CHECK_MESSAGE(results[2].passed, results[2].message);
  CHECK_FALSE(results[3].passed);
  CHECK(results[3].message == R"(want="nginx:1.28" got="nginx:1.27-alpine")");
  CHECK_FALSE(results[4].passed);
  CHECK(results[4].message == "Deployment/bench/api not found");
}

TEST_CASE("jsonpath-equals: a template kreplay cannot read is a fixture error") {
  absl::StatusOr<Fixture> no_template = FixtureWith(
      "  - {type: jsonpath-equals, object: Deployment/bench/web, value: x}\n");
  REQUIRE_FALSE(no_template.ok());
  CHECK(std::string(no_template.status().message()).find("checks[0].jsonpath") !=
        std::string::npos);
  absl::StatusOr<Fixture> bad = FixtureWith(
      "  - {type: jsonpath-equals, object: Deployment/bench/web, jsonpath: '{..image}', "
      "value: x}\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(std::string(bad.status().message()).find("recursive descent") != std::string::npos);
}

}  // namespace
}  // namespace kreplay
