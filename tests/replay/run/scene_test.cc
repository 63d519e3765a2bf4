// The scene's steps (replay/run/scene.h): `file:` steps applied as
// `kubectl apply` (client-side three-way merge on the last-applied
// annotation), a baseline created as `kubectl apply` creates it
// (`baseline.applied`), `sleep:` pauses and `fault.after_break`. The breaks
// are evidra-bench's: readonly-filesystem (a Deployment re-declared without
// its volumes) and impossible-scheduling (without limits, the fixture's
// nodeSelector key and its toleration).
#include "replay/run/scene.h"

#include <doctest/doctest.h>

#include <string>

#include "absl/strings/match.h"
#include "model/client_side_apply.h"
#include "replay/run/fixture.h"
#include "tests/scratch_dir.h"

namespace kreplay {
namespace {

using testing::ScratchDir;

constexpr char kHeader[] =
    "apiVersion: kreplay.dev/v1\nname: scene\nstart: \"2026-05-12T10:00:00Z\"\n";
constexpr char kNamespace[] = "apiVersion: v1\nkind: Namespace\nmetadata: {name: bench}\n";

// readonly-filesystem's Deployment; `volumes` false: as its break re-declares it.
std::string ReadonlyApp(bool volumes) {
  std::string text =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app, namespace: bench}\n"
      "spec:\n  replicas: 1\n  selector: {matchLabels: {app: app}}\n"
      "  template:\n    metadata: {labels: {app: app}}\n    spec:\n"
      "      containers:\n      - name: app\n        image: nginx:1.27-alpine\n"
      "        securityContext: {readOnlyRootFilesystem: true}\n";
  if (volumes) {
    text +=
        "        volumeMounts:\n        - {name: tmp, mountPath: /tmp}\n"
        "        - {name: var-log-app, mountPath: /var/log/app}\n"
        "      volumes:\n      - {name: tmp, emptyDir: {}}\n      - {name: var-log-app, emptyDir: {}}\n";
  }
  return text;
}

Cluster Scene(const ScratchDir& dir, const std::string& fixture) {
  dir.Write("fixture.yaml", std::string(kHeader) + fixture);
  absl::StatusOr<Fixture> f = LoadFixture(dir.path(), {});
  REQUIRE_MESSAGE(f.ok(), f.status().ToString());
  absl::StatusOr<Cluster> scene = BuildScene(*f);
  REQUIRE_MESSAGE(scene.ok(), scene.status().ToString());
  return *std::move(scene);
}

const Json& Live(const Cluster& cluster, const std::string& ref) {
  absl::StatusOr<ObjectKey> key = ParseObjectKey(ref);
  REQUIRE(key.ok());
  const Json* object = cluster.Get(*key);
  REQUIRE_MESSAGE(object != nullptr, ref);
  return *object;
}

TEST_CASE("a baseline applied with kubectl carries the last-applied annotation kubectl writes") {
  ScratchDir dir("scene-applied");
  dir.Write("baseline.yaml", std::string(kNamespace) +
                                 "---\napiVersion: v1\nkind: ConfigMap\n"
                                 "metadata: {name: web-config, namespace: bench}\ndata: {mode: good}\n");
  Cluster applied = Scene(dir, "baseline: {files: [baseline.yaml], applied: true}\n");
  // The manifest as given, compact JSON with sorted keys, an empty
  // annotations map, and the newline kubectl's encoder ends it with.
  CHECK(GetAnnotation(Live(applied, "ConfigMap/bench/web-config"), kLastAppliedAnnotation) ==
        "{\"apiVersion\":\"v1\",\"data\":{\"mode\":\"good\"},\"kind\":\"ConfigMap\",\"metadata\":"
        "{\"annotations\":{},\"name\":\"web-config\",\"namespace\":\"bench\"}}\n");
  Cluster created = Scene(dir, "baseline: {files: [baseline.yaml]}\n");
  CHECK(Find(Live(created, "ConfigMap/bench/web-config"), "metadata.annotations") == nullptr);
}

TEST_CASE("readonly-filesystem's break applied over the applied baseline removes volumes and mounts") {
  ScratchDir dir("scene-readonly");
  dir.Write("baseline.yaml", std::string(kNamespace) + "---\n" + ReadonlyApp(true));
  dir.Write("broken.yaml", ReadonlyApp(false));
  const std::string fault = "fault:\n  steps:\n  - file: broken.yaml\n";
  Cluster broken = Scene(dir, "baseline: {files: [baseline.yaml], applied: true}\n" + fault);
  const Json& app = Live(broken, "Deployment/bench/app");
  CHECK(Find(app, "spec.template.spec.volumes") == nullptr);
  const Json& container = app["spec"]["template"]["spec"]["containers"][0];
  CHECK_FALSE(container.contains("volumeMounts"));
  CHECK(GetBool(container, "securityContext.readOnlyRootFilesystem"));
  // Without the annotation kubectl has nothing to remove: a two-way merge keeps them.
  Cluster kept = Scene(dir, "baseline: {files: [baseline.yaml]}\n" + fault);
  CHECK(Find(Live(kept, "Deployment/bench/app"), "spec.template.spec.volumes") != nullptr);
}

TEST_CASE("impossible-scheduling's break drops the limits, the fixture nodeSelector key and the "
          "toleration") {
  ScratchDir dir("scene-impossible");
  const std::string head =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: scheduler-test, namespace: bench}\n"
      "spec:\n  replicas: 1\n  selector: {matchLabels: {app: scheduler-test}}\n"
      "  template:\n    metadata: {labels: {app: scheduler-test}}\n    spec:\n";
  dir.Write("baseline.yaml",
            std::string(kNamespace) + "---\n" + head +
                "      nodeSelector: {evidra.io/scheduler-fixture: \"true\"}\n"
                "      tolerations:\n      - {key: evidra.dev/core-blocker, operator: Exists, "
                "effect: NoSchedule}\n"
                "      containers:\n      - name: app\n        image: nginx:1.27\n"
                "        resources:\n          requests: {cpu: 100m, memory: 64Mi}\n"
                "          limits: {cpu: 200m, memory: 128Mi}\n");
  dir.Write("impossible-pod.yaml",
            head +
                "      nodeSelector: {kubernetes.io/arch: s390x}\n      tolerations: []\n"
                "      containers:\n      - name: app\n        image: nginx:1.27\n"
                "        resources:\n          requests: {cpu: \"16\", memory: 64Gi}\n");
  Cluster broken = Scene(dir,
                         "baseline: {files: [baseline.yaml], applied: true}\n"
                         "fault:\n  steps:\n  - file: impossible-pod.yaml\n"
                         "  after_break:\n  - sleep: 6s\n");
  const Json& spec = *Find(Live(broken, "Deployment/bench/scheduler-test"), "spec.template.spec");
  CHECK(spec["nodeSelector"] == Json({{"kubernetes.io/arch", "s390x"}}));
  CHECK(Find(spec["containers"][0], "resources.limits") == nullptr);
  CHECK(GetString(spec["containers"][0], "resources.requests.cpu") == "16");
  const Json* tolerations = Find(spec, "tolerations");
  CHECK((tolerations == nullptr || tolerations->empty()));
}

TEST_CASE("a field set by kubectl annotate survives a file: apply that does not mention it") {
  ScratchDir dir("scene-annotate");
  dir.Write("baseline.yaml", std::string(kNamespace) + "---\n" + ReadonlyApp(true));
  dir.Write("again.yaml", ReadonlyApp(false));
  Cluster cluster = Scene(dir,
                          "baseline: {files: [baseline.yaml], applied: true}\n"
                          "fault:\n  steps:\n"
                          "  - kubectl: kubectl annotate deployment app -n bench owner=oncall\n"
                          "  - file: again.yaml\n");
  const Json& app = Live(cluster, "Deployment/bench/app");
  CHECK(GetAnnotation(app, "owner") == "oncall");
  CHECK(Find(app, "spec.template.spec.volumes") == nullptr);
  // The annotation now records the second manifest.
  CHECK_FALSE(absl::StrContains(
      GetAnnotation(app, kLastAppliedAnnotation), "volumes"));
}

TEST_CASE("a file: step creates objects that do not exist, with the last-applied annotation") {
  ScratchDir dir("scene-create");
  dir.Write("baseline.yaml", kNamespace);
  dir.Write("config.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: bench}\ndata: {k: v}\n"
            "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: bench}\n");
  Cluster cluster = Scene(dir, "baseline: {files: [baseline.yaml]}\nfault:\n  steps:\n  - file: config.yaml\n");
  for (const char* ref : {"ConfigMap/bench/a", "ConfigMap/bench/b"}) {
    CHECK(absl::StartsWith(
        GetAnnotation(Live(cluster, ref), kLastAppliedAnnotation),
        "{\"apiVersion\":\"v1\""));
  }
}

TEST_CASE("sleep steps pass before agent start: the scene starts that much earlier") {
  ScratchDir dir("scene-sleep");
  dir.Write("baseline.yaml", kNamespace);
  Cluster cluster = Scene(dir,
                          "baseline: {files: [baseline.yaml]}\n"
                          "fault:\n  steps:\n  - sleep: 2s\n  after_break:\n  - sleep: 8s\n");
  CHECK(cluster.now() == "2026-05-12T10:00:00Z");
  CHECK(GetString(Live(cluster, "Namespace/bench"), "metadata.creationTimestamp") ==
        "2026-05-12T09:59:50Z");
  Cluster plain = Scene(dir, "baseline: {files: [baseline.yaml]}\n");
  CHECK(GetString(Live(plain, "Namespace/bench"), "metadata.creationTimestamp") ==
        "2026-05-12T10:00:00Z");
}

}  // namespace
}  // namespace kreplay
