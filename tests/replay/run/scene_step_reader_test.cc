// Reading scene steps and chaos (replay/run/scene_step_reader.h): each
// malformed step is an error naming the fixture file and the field.
#include "replay/run/scene_step_reader.h"

#include <doctest/doctest.h>

#include <string>

#include "absl/strings/match.h"
#include "model/manifest.h"

namespace kreplay {
namespace {

Json Yaml(const std::string& text) {
  absl::StatusOr<std::vector<Json>> docs = ParseYamlStream(text, "test.yaml");
  REQUIRE_MESSAGE(docs.ok(), docs.status().ToString());
  REQUIRE(docs->size() == 1);
  return (*docs)[0];
}

// Files a step may name: ok.yaml holds one ConfigMap.
absl::StatusOr<std::vector<Json>> ReadTestFile(const std::string& file) {
  if (file != "ok.yaml") return absl::NotFoundError(file + ": cannot open file");
  return std::vector<Json>{{{"apiVersion", "v1"}, {"kind", "ConfigMap"},
                            {"metadata", {{"name", "x"}, {"namespace", "bench"}}}}};
}

std::string ChaosError(const std::string& yaml) {
  Json chaos = Yaml(yaml);
  absl::StatusOr<ChaosPlan> plan = ReadChaos("f.yaml", &chaos, ReadTestFile);
  REQUIRE_FALSE(plan.ok());
  CHECK(absl::IsInvalidArgument(plan.status()));
  return std::string(plan.status().message());
}

TEST_CASE("scene steps: each kind is read, a file's manifests with it") {
  Json steps = Yaml("- {kubectl: kubectl get pods}\n- file: ok.yaml\n- sleep: 1500ms\n"
                    "- apply: {apiVersion: v1, kind: ConfigMap, metadata: {name: y}}\n");
  absl::StatusOr<std::vector<SceneStep>> read =
      ReadSceneSteps("f.yaml", &steps, "fault.after_break", ReadTestFile);
  REQUIRE_MESSAGE(read.ok(), read.status().ToString());
  REQUIRE(read->size() == 4);
  CHECK((*read)[1].file_manifests.size() == 1);
  CHECK((*read)[1].Describe() == "apply -f ok.yaml");
  CHECK((*read)[2].sleep_seconds == 2);  // rounded up to whole seconds
  CHECK((*read)[2].field == "fault.after_break[2]");
  Json bad = Yaml("- {kubectl: kubectl get pods, sleep: 1s}\n");
  CHECK(ReadSceneSteps("f.yaml", &bad, "fault.steps", ReadTestFile).status().message() ==
        "f.yaml: fault.steps[0]: expected exactly one of kubectl, apply, file or sleep");
  Json missing = Yaml("- file: gone.yaml\n");
  CHECK(ReadSceneSteps("f.yaml", &missing, "fault.steps", ReadTestFile).status().message() ==
        "f.yaml: fault.steps[0].file: gone.yaml: cannot open file");
  Json at = Yaml("- {at: +1s, kubectl: kubectl get pods}\n");
  CHECK(absl::StrContains(ReadSceneSteps("f.yaml", &at, "fault.steps", ReadTestFile)
                              .status()
                              .message(),
                          "fault.steps[0].at: unknown field"));
  Json sleep = Yaml("- sleep: soon\n");
  CHECK(ReadSceneSteps("f.yaml", &sleep, "fault.steps", ReadTestFile).status().message() ==
        "f.yaml: fault.steps[0].sleep: expected a finite, non-negative duration such as 8s, got "
        "\"soon\"");
}

TEST_CASE("chaos: a list or evidra's mapping, each step with exactly one trigger") {
  Json mapping = Yaml(
      "stop_on_agent_done: true\nsteps:\n"
      "- {after_change: {api_version: apps/v1, resource: deployments, namespace: bench, name: web},"
      " kubectl: kubectl get pods}\n- {at: +5s, file: ok.yaml}\n");
  absl::StatusOr<ChaosPlan> plan = ReadChaos("f.yaml", &mapping, ReadTestFile);
  REQUIRE_MESSAGE(plan.ok(), plan.status().ToString());
  CHECK(plan->stop_on_agent_done);
  REQUIRE(plan->steps.size() == 2);
  CHECK(plan->steps[0].after_change.Matches(ObjectKey{"Deployment", "bench", "web"}));
  CHECK_FALSE(plan->steps[0].after_change.Matches(ObjectKey{"Deployment", "bench", "api"}));
  CHECK(plan->steps[1].Trigger() == "at +5s");

  CHECK(ChaosError("- {kubectl: kubectl get pods}\n") ==
        "f.yaml: chaos[0]: expected exactly one of at or after_change");
  CHECK(ChaosError("steps:\n- {at: +1s, after_change: {resource: pods, namespace: b, name: x}, "
                   "kubectl: k}\n") ==
        "f.yaml: chaos.steps[0]: expected exactly one of at or after_change");
  CHECK(ChaosError("steps:\n- {after_change: {resource: widgets, namespace: b, name: x}, "
                   "kubectl: k}\n") ==
        "f.yaml: chaos.steps[0].after_change.resource: \"widgets\" is not a resource kreplay knows");
  CHECK(ChaosError("steps:\n- {after_change: {api_version: apps/v1, resource: configmaps, "
                   "namespace: b, name: x}, kubectl: k}\n") ==
        "f.yaml: chaos.steps[0].after_change.api_version: configmaps are v1, not apps/v1");
  CHECK(ChaosError("steps:\n- {after_change: {resource: configmaps, name: x}, kubectl: k}\n") ==
        "f.yaml: chaos.steps[0].after_change.namespace: configmaps are namespaced: name the "
        "namespace");
  CHECK(ChaosError("steps:\n- {after_change: {resource: configmaps, namespace: b}, kubectl: k}\n") ==
        "f.yaml: chaos.steps[0].after_change.name: required string is missing");
  CHECK(absl::StrContains(ChaosError("stop: true\n"), "f.yaml: chaos.stop: unknown field"));
  CHECK(ChaosError("stop_on_agent_done: yes please\n") ==
        "f.yaml: chaos.stop_on_agent_done: expected true or false");
  // Timed steps stay in order; after_change steps may sit anywhere.
  Json mixed = Yaml("- {at: +5s, kubectl: k}\n"
                    "- {after_change: {resource: configmaps, namespace: b, name: x}, kubectl: k}\n"
                    "- {at: +6s, kubectl: k}\n");
  CHECK(ReadChaos("f.yaml", &mixed, ReadTestFile).ok());
  CHECK(absl::StrContains(ChaosError("- {at: +5s, kubectl: k}\n- {at: +1s, kubectl: k}\n"),
                          "chaos[1].at: +1s is before chaos[0].at (5s)"));
}

}  // namespace
}  // namespace kreplay
