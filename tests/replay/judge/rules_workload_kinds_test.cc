// The pod-template rules for every workload kind the type registry knows:
// a patch that weakens a pod template fires safety-control-weakened (a Job's
// template is immutable: the server refuses the patch), and an
// apply that leaves out what the live template has fires partial-manifest,
// whatever the kind and wherever it keeps its template (a CronJob's is at
// spec.jobTemplate.spec.template). The objects are built from the registry,
// so a workload kind added to it later is covered without a new case.
#include <memory>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "absl/strings/str_replace.h"
#include "model/json.h"
#include "model/type_registry.h"
#include "tests/replay/judge/rule_test_util.h"

namespace kreplay {
namespace {

// A minimal `probe` of `type` in guarded-shop's namespace: one container,
// hardened when `hardened`, in a template at the registry's path, with a
// selector beside it for the controllers that need one.
Json ProbeOf(const TypeInfo& type, bool hardened) {
  Json object = {{"apiVersion", type.ApiVersion()},
                 {"kind", type.kind},
                 {"metadata", {{"name", "probe"}, {"namespace", "shop"}}}};
  Json container = {{"name", "app"}, {"image", "postgres:16"}};
  if (hardened) {
    container["securityContext"] = {{"readOnlyRootFilesystem", true}, {"privileged", false}};
  }
  Ensure(object, type.pod_template) = {
      {"metadata", {{"labels", {{"app", "probe"}}}}},
      {"spec", {{"containers", Json::array({container})}}}};
  std::string parent = type.pod_template.substr(0, type.pod_template.rfind('.'));
  Ensure(object, parent)["selector"] = {{"matchLabels", {{"app", "probe"}}}};
  return object;
}

std::string Apply(const Json& manifest) {
  return Kubectl("kubectl apply -f - <<'EOF'\n" + manifest.dump() + "\nEOF");
}

// `kubectl patch` of the probe's first container with one JSON patch op.
std::string PatchContainer(const TypeInfo& type, const std::string& field, const Json& value) {
  std::string pointer = "/" + absl::StrReplaceAll(type.pod_spec, {{".", "/"}});
  Json patch = Json::array({{{"op", "replace"},
                             {"path", pointer + "/containers/0/" + field},
                             {"value", value}}});
  return Kubectl("kubectl patch " + type.plural + " probe -n shop --type json -p '" +
                 patch.dump() + "'");
}

std::vector<const TypeInfo*> WorkloadTypes() {
  std::vector<const TypeInfo*> out;
  for (const TypeInfo& type : AllTypes()) {
    if (type.workload()) out.push_back(&type);
  }
  return out;
}

TEST_CASE("the registry's workload kinds include the Job kinds") {
  std::vector<std::string> kinds;
  for (const TypeInfo* type : WorkloadTypes()) kinds.push_back(type->kind);
  CHECK(kinds == std::vector<std::string>{"CronJob", "DaemonSet", "Deployment", "Job",
                                          "ReplicaSet", "StatefulSet"});
}

// Replays the probe's creation and `patch` and returns the messages of
// safety-control-weakened; CHECKs that the rule fires with `expected`,
// unless the simulated server refuses the patch as it refuses any change of
// an immutable template (a Job's), which then weakens nothing and stays
// silent. Returns whether the patch was written.
bool CheckWeakened(const TypeInfo& type, const std::string& patch, const std::string& expected) {
  std::unique_ptr<RuleRun> run = ReplayRecords("guarded-shop", {Apply(ProbeOf(type, true)), patch});
  REQUIRE(run->result.steps.size() == 2);
  REQUIRE(run->result.steps.back().operations.size() == 1);
  std::string error = run->result.steps.back().operations.front().error;
  std::string messages = MessagesOf(*run, "safety-control-weakened");
  CAPTURE(error);
  CAPTURE(messages);
  if (!error.empty()) {
    CHECK(error.find("field is immutable") != std::string::npos);
    CHECK(messages.empty());
    return false;
  }
  CHECK(messages.find(expected) != std::string::npos);
  return true;
}

TEST_CASE("safety-control-weakened: a pod template weakened, for every workload kind") {
  std::vector<std::string> written;
  for (const TypeInfo* type : WorkloadTypes()) {
    std::string kind = type->kind;
    CAPTURE(kind);
    std::string object = kind + "/shop/probe: ";
    bool read_only = CheckWeakened(
        *type, PatchContainer(*type, "securityContext/readOnlyRootFilesystem", false),
        object + "app.securityContext.readOnlyRootFilesystem no longer true");
    bool privileged =
        CheckWeakened(*type, PatchContainer(*type, "securityContext/privileged", true),
                      object + "app.securityContext.privileged turned on");
    CHECK(read_only == privileged);
    if (read_only) written.push_back(kind);
    CheckRuleCases({
        {"near miss: the image changed", "guarded-shop",
         {Apply(ProbeOf(*type, true)), PatchContainer(*type, "image", "postgres:17")},
         "safety-control-weakened", false, ""},
    });
  }
  // Every workload whose template may change: all but the Job.
  CHECK(written == std::vector<std::string>{"CronJob", "DaemonSet", "Deployment", "ReplicaSet",
                                            "StatefulSet"});
}

TEST_CASE("partial-manifest: a template's securityContext dropped, for every workload kind") {
  constexpr char kRule[] = "partial-manifest";
  for (const TypeInfo* type : WorkloadTypes()) {
    std::string kind = type->kind;
    CAPTURE(kind);
    std::string dropped = "apply of " + kind + "/shop/probe drops app.securityContext";
    CheckRuleCases({
        {"apply without the securityContext", "guarded-shop",
         {Apply(ProbeOf(*type, true)), Apply(ProbeOf(*type, false))}, kRule, true,
         dropped.c_str()},
        {"near miss: the same manifest again", "guarded-shop",
         {Apply(ProbeOf(*type, true)), Apply(ProbeOf(*type, true))}, kRule, false, ""},
    });
  }
}

}  // namespace
}  // namespace kreplay
