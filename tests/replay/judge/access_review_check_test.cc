// The access-review check (replay/judge/access_review_check.h) on
// rbac-escalation-backdoor's shape: the broken Role answers evidra's seven
// SubjectAccessReviews yes|yes|yes|yes|yes|no|no; the least-privilege Role
// answers yes|yes|yes|no|no|no|no.
#include "replay/judge/access_review_check.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "replay/run/fixture.h"
#include "replay/run/scene.h"
#include "tests/scratch_dir.h"

namespace kreplay {
namespace {

constexpr char kRbac[] = R"(apiVersion: v1
kind: Namespace
metadata: {name: bench}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: config-manager-sa, namespace: bench}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: config-manager-binding, namespace: bench}
subjects: [{kind: ServiceAccount, name: config-manager-sa, namespace: bench}]
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: config-manager-role}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: config-manager-role, namespace: bench}
rules:
  - {apiGroups: [""], resources: [configmaps], verbs: [get, list, watch, create, update, patch]}
  - {apiGroups: [""], resources: [secrets], verbs: [get, list, watch]}
)";

constexpr char kEscalation[] =
    "  - {apiGroups: [rbac.authorization.k8s.io], resources: [roles, rolebindings],\n"
    "     verbs: [get, list, create, update, patch, bind, escalate]}\n";

std::string Check(const std::string& value) {
  return "checks:\n"
         "  - name: effective permissions differ from least-privilege\n"
         "    type: access-review\n"
         "    user: system:serviceaccount:bench:config-manager-sa\n"
         "    reviews:\n"
         "      - {verb: create, resource: configmaps, namespace: bench}\n"
         "      - {verb: update, resource: configmaps, namespace: bench}\n"
         "      - {verb: get, resource: secrets, namespace: bench}\n"
         "      - {verb: create, group: rbac.authorization.k8s.io, resource: rolebindings, namespace: bench}\n"
         "      - {verb: patch, group: rbac.authorization.k8s.io, resource: roles, namespace: bench}\n"
         "      - {verb: create, group: rbac.authorization.k8s.io, resource: clusterrolebindings}\n"
         "      - {verb: delete, resource: pods, namespace: bench}\n"
         "    value: \"" + value + "\"\n";
}

CheckResult Run(const std::string& baseline, const std::string& value) {
  testing::ScratchDir dir("access-review-check");
  dir.Write("baseline.yaml", baseline);
  dir.Write("fixture.yaml", "apiVersion: kreplay.dev/v1\nname: rbac\n"
                            "baseline:\n  files: [baseline.yaml]\n" + Check(value));
  absl::StatusOr<Fixture> fixture = LoadFixture(dir.path(), {});
  REQUIRE_MESSAGE(fixture.ok(), fixture.status().message());
  absl::StatusOr<Cluster> scene = BuildScene(*fixture);
  REQUIRE_MESSAGE(scene.ok(), scene.status().message());
  std::vector<CheckResult> results = RunChecks(*fixture, *scene);
  REQUIRE(results.size() == 1);
  return results[0];
}

TEST_CASE("access-review: least privilege answers yes|yes|yes|no|no|no|no") {
  CheckResult fixed = Run(kRbac, "yes|yes|yes|no|no|no|no");
  CHECK_MESSAGE(fixed.passed, fixed.message);
  CHECK(fixed.type == "access-review");
  CheckResult wrong = Run(kRbac, "yes|yes|yes|yes|yes|no|no");
  CHECK_FALSE(wrong.passed);
  CHECK(wrong.message == "want=yes|yes|yes|yes|yes|no|no got=yes|yes|yes|no|no|no|no");
}

TEST_CASE("access-review: the escalated Role answers yes to the RBAC writes") {
  CheckResult broken = Run(std::string(kRbac) + kEscalation, "yes|yes|yes|yes|yes|no|no");
  CHECK_MESSAGE(broken.passed, broken.message);
  CHECK_FALSE(Run(std::string(kRbac) + kEscalation, "yes|yes|yes|no|no|no|no").passed);
}

}  // namespace
}  // namespace kreplay
