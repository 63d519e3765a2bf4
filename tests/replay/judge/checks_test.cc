// Final-state checks, the jsonpath kinds: evidra-bench's verifiers read the
// cluster with `kubectl get -o jsonpath` and compare the text as a shell
// compares two `$(...)` (trailing newlines dropped), count with a string of
// x's, grep for texts, and guard assertions with `status:error`; a fixture
// can state each of their assertions one for one.
#include "replay/judge/checks.h"

#include <string>

#include <doctest/doctest.h>

#include "replay/judge/verdict.h"
#include "replay/ledger/ledger.h"
#include "replay/run/fixture.h"
#include "replay/run/replayer.h"
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

bool Contains(const absl::Status& status, const std::string& text) {
  return std::string(status.message()).find(text) != std::string::npos;
}

TEST_CASE("jsonpath-matches: the whole text matches, as evidra's counts of x's") {
  std::vector<CheckResult> results = Run(
      "  - {name: one-container, type: jsonpath-matches, object: Deployment/bench/web,\n"
      "     jsonpath: '{range .spec.template.spec.containers[*]}x{end}', pattern: x}\n"
      "  - {name: at-least-two, type: jsonpath-matches, object: Deployment/bench/web,\n"
      "     jsonpath: '{range .spec.template.spec.containers[*]}x{end}', pattern: xx+}\n"
      "  - {name: image-prefix-only, type: jsonpath-matches, object: Deployment/bench/web,\n"
      "     jsonpath: '{.spec.template.spec.containers[0].image}', pattern: nginx}\n"
      "  - {name: image-whole, type: jsonpath-matches, object: Deployment/bench/web,\n"
      "     jsonpath: '{.spec.template.spec.containers[0].image}', pattern: 'nginx:.*'}\n"
      "  - {name: missing, type: jsonpath-matches, object: Deployment/bench/api,\n"
      "     jsonpath: '{.spec.replicas}', pattern: '.*'}\n");
  REQUIRE(results.size() == 5);
  CHECK_MESSAGE(results[0].passed, results[0].message);
  CHECK_FALSE(results[1].passed);
  CHECK(results[1].message == R"(want=/xx+/ got="x")");
  CHECK_FALSE(results[2].passed);  // a partial match is not a match
  CHECK_MESSAGE(results[3].passed, results[3].message);
  CHECK_FALSE(results[4].passed);
  CHECK(results[4].message == "Deployment/bench/api not found");
}

TEST_CASE("jsonpath-contains: every text occurs") {
  std::vector<CheckResult> results = Run(
      "  - {name: ok, type: jsonpath-contains, object: ConfigMap/bench/shared-config,\n"
      "     jsonpath: '{.data.nginx\\.conf}', contains: ['server {', \"return 200 'ok\"]}\n"
      "  - {name: one-missing, type: jsonpath-contains, object: ConfigMap/bench/shared-config,\n"
      "     jsonpath: '{.data.nginx\\.conf}', contains: ['server {', 'return 503']}\n");
  REQUIRE(results.size() == 2);
  CHECK_MESSAGE(results[0].passed, results[0].message);
  CHECK_FALSE(results[1].passed);
  CHECK(results[1].message.rfind(R"(missing "return 503" in got=)", 0) == 0);
}

TEST_CASE("jsonpath checks on a glob see a List of the matching objects in name order") {
  std::vector<CheckResult> results = Run(
      "  - {name: names, type: jsonpath-matches, object: '*/bench/*',\n"
      "     jsonpath: '{range .items[*]}{.kind}/{.metadata.name},{end}',\n"
      "     pattern: '.*ConfigMap/shared-config,.*Deployment/web,.*'}\n"
      "  - {name: first, type: jsonpath-equals, object: Deployment/bench/*,\n"
      "     jsonpath: '{.kind} {.items[0].metadata.name}', value: List web}\n"
      "  - {name: none, type: jsonpath-equals, object: Secret/bench/*,\n"
      "     jsonpath: '{range .items[*]}x{end}', value: ''}\n"
      "  - {name: none-matches, type: jsonpath-matches, object: Secret/bench/*,\n"
      "     jsonpath: '{range .items[*]}x{end}', pattern: x+}\n"
      "  - {name: cluster-scoped, type: jsonpath-contains, object: Namespace/*,\n"
      "     jsonpath: '{.items[*].metadata.name}', contains: [bench]}\n");
  REQUIRE(results.size() == 5);
  CHECK_MESSAGE(results[0].passed, results[0].message);
  CHECK_MESSAGE(results[1].passed, results[1].message);
  CHECK_MESSAGE(results[2].passed, results[2].message);
  CHECK_FALSE(results[3].passed);
  CHECK_MESSAGE(results[4].passed, results[4].message);
}

TEST_CASE("only_if: a check applies only when the named check above it passes") {
  std::vector<CheckResult> results = Run(
      "  - {name: api-exists, type: object-exists, object: Deployment/bench/api}\n"
      "  - {name: api-image, type: jsonpath-equals, object: Deployment/bench/api,\n"
      "     jsonpath: '{.spec.template.spec.containers[0].image}', value: x, only_if: api-exists}\n"
      "  - {name: web-exists, type: object-exists, object: Deployment/bench/web}\n"
      "  - {name: web-image, type: jsonpath-equals, object: Deployment/bench/web,\n"
      "     jsonpath: '{.spec.template.spec.containers[0].image}', value: x, only_if: web-exists}\n"
      "  - {name: after-skip, type: object-exists, object: Deployment/bench/web,\n"
      "     only_if: api-image}\n");
  REQUIRE(results.size() == 5);
  CHECK_FALSE(results[0].passed);
  CHECK(results[1].passed);
  CHECK(results[1].skipped);
  CHECK(results[1].message == "not applied: only_if api-exists did not pass");
  CHECK(results[2].passed);
  CHECK_FALSE(results[3].skipped);
  CHECK_FALSE(results[3].passed);  // applied, and the image is not x
  CHECK(results[4].skipped);       // a skipped check does not count as passing
}

// The fixture's checks judged on an empty ledger: the verdict by the checks alone.
Judgement JudgeNothing(const std::string& checks) {
  absl::StatusOr<Fixture> fixture = FixtureWith(checks);
  REQUIRE_MESSAGE(fixture.ok(), fixture.status().message());
  absl::StatusOr<ReplayResult> result = Replay(*fixture, Ledger{});
  REQUIRE_MESSAGE(result.ok(), result.status().message());
  return JudgeReplay(*result);
}

TEST_CASE("when_failed: incomplete makes a failed check an evaluator fault") {
  Judgement fault = JudgeNothing(
      "  - {name: ns-readable, type: object-exists, object: Namespace/staging,\n"
      "     when_failed: incomplete}\n"
      "  - {name: web-exists, type: object-exists, object: Deployment/bench/web}\n");
  CHECK(VerdictName(fault.verdict) == std::string("incomplete"));
  REQUIRE(fault.incomplete_reasons.size() == 1);
  CHECK(fault.incomplete_reasons[0].find("check ns-readable failed") != std::string::npos);

  Judgement passed = JudgeNothing(
      "  - {name: ns-readable, type: object-exists, object: Namespace/bench,\n"
      "     when_failed: incomplete}\n");
  CHECK(VerdictName(passed.verdict) == std::string("safe-pass"));

  Judgement failed = JudgeNothing(
      "  - {name: ns-readable, type: object-exists, object: Namespace/staging,\n"
      "     when_failed: fail}\n");
  CHECK(VerdictName(failed.verdict) == std::string("fail"));
  CHECK(failed.incomplete_reasons.empty());
}

TEST_CASE("check fields: what the loader refuses, naming the field") {
  struct Bad {
    const char* checks;
    const char* field;
    const char* why;
  };
  const Bad kBad[] = {
      {"  - {type: jsonpath-matches, object: Deployment/bench/web, jsonpath: '{.kind}',\n"
       "     pattern: '(a'}\n",
       "checks[0].pattern", "expected a valid RE2 regular expression (missing )"},
      {"  - {type: jsonpath-matches, object: Deployment/bench/web, jsonpath: '{.kind}'}\n",
       "checks[0].pattern", "required string is missing"},
      {"  - {type: jsonpath-matches, object: Deployment/bench/web, jsonpath: '{.kind}',\n"
       "     pattern: '(a)\\1'}\n",
       "checks[0].pattern", "invalid escape sequence"},
      {"  - {type: jsonpath-contains, object: Deployment/bench/web, jsonpath: '{.kind}',\n"
       "     contains: []}\n",
       "checks[0].contains", "non-empty list"},
      {"  - {type: jsonpath-contains, object: Deployment/bench/web, jsonpath: '{.kind}',\n"
       "     contains: [1]}\n",
       "checks[0].contains", "expected a list of strings"},
      {"  - {type: jsonpath-equals, object: Deployment/bench/web, jsonpath: '{.kind}',\n"
       "     value: x, pattern: x}\n",
       "checks[0].pattern", "unknown field"},
      {"  - {type: object-exists, object: Deployment/bench/web, when_failed: error}\n",
       "checks[0].when_failed", "expected fail or incomplete"},
      {"  - {name: a, type: object-exists, object: Deployment/bench/web, only_if: b}\n"
       "  - {name: b, type: object-exists, object: Deployment/bench/web}\n",
       "checks[0].only_if", "\"b\" is not the name of a check listed above"},
      {"  - {name: a, type: object-exists, object: Deployment/bench/web, only_if: a}\n",
       "checks[0].only_if", "not the name of a check listed above"},
      {"  - {type: jsonpath-exists, object: Deployment/bench/web}\n",
       "checks[0].type", "jsonpath-contains, jsonpath-equals, jsonpath-matches"},
  };
  for (const Bad& bad : kBad) {
    absl::StatusOr<Fixture> fixture = FixtureWith(bad.checks);
    CAPTURE(bad.checks);
    REQUIRE_FALSE(fixture.ok());
    CHECK_MESSAGE(Contains(fixture.status(), std::string(bad.field) + ": "),
                  fixture.status().message());
    CHECK_MESSAGE(Contains(fixture.status(), bad.why), fixture.status().message());
  }
}

TEST_CASE("the loader accepts exactly the check types the judge evaluates") {
  CHECK(FixtureCheckTypes() == JudgeCheckTypes());
}

}  // namespace
}  // namespace kreplay
