// RBAC evaluation (sim/rbac.h, sim/rbac_rule.h) with its near misses: a rule
// granting deployments but not deployments/scale, resourceNames with create,
// a RoleBinding in another namespace, a ClusterRole bound by a RoleBinding,
// service-account subjects and groups, the built-in discovery rights, and
// upstream's forbidden and escalation texts.
#include "sim/rbac.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"

#include "model/manifest.h"
#include "model/object_store.h"
#include "sim/rbac_escalation.h"
#include "sim/rbac_rule.h"

namespace kreplay {
namespace {

constexpr char kAgent[] = "system:serviceaccount:evidra-system:evidra-agent";

ObjectStore StoreOf(const std::string& yaml) {
  absl::StatusOr<std::vector<Json>> objects = ParseManifests(yaml, "rbac_test.yaml");
  REQUIRE(objects.ok());
  ObjectStore store;
  for (Json& object : *objects) store.Put(std::move(object));
  return store;
}

// A Role `name` in `ns` with one rule, bound to the agent in `ns`.
std::string BoundRole(const std::string& ns, const std::string& rule) {
  return "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r, namespace: " +
         ns + "}\nrules: [" + rule +
         "]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n"
         "metadata: {name: b, namespace: " + ns + "}\n"
         "subjects: [{kind: ServiceAccount, name: evidra-agent, namespace: evidra-system}]\n"
         "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\n";
}

bool Can(const ObjectStore& store, RequestAttributes request, const std::string& user = kAgent) {
  return Authorize(store, AuthenticatedUser(user), request);
}

TEST_CASE("rbac: a service account's groups") {
  UserInfo user = AuthenticatedUser(kAgent);
  CHECK(user.groups == std::vector<std::string>{"system:serviceaccounts",
                                                "system:serviceaccounts:evidra-system",
                                                "system:authenticated"});
  CHECK(AuthenticatedUser("alice").groups == std::vector<std::string>{"system:authenticated"});
}

TEST_CASE("rbac: deployments does not grant deployments/scale; */scale does") {
  ObjectStore store = StoreOf(BoundRole(
      "bench", "{apiGroups: [apps], resources: [deployments], verbs: [get, patch]}"));
  CHECK(Can(store, {"patch", "apps", "deployments", "", "bench", "api"}));
  CHECK_FALSE(Can(store, {"patch", "apps", "deployments", "scale", "bench", "api"}));
  CHECK_FALSE(Can(store, {"patch", "", "deployments", "", "bench", "api"}));  // wrong group
  CHECK_FALSE(Can(store, {"update", "apps", "deployments", "", "bench", "api"}));
  ObjectStore scale = StoreOf(BoundRole(
      "bench", "{apiGroups: [apps], resources: [deployments/scale], verbs: [patch]}"));
  CHECK(Can(scale, {"patch", "apps", "deployments", "scale", "bench", "api"}));
  CHECK_FALSE(Can(scale, {"patch", "apps", "deployments", "", "bench", "api"}));
  ObjectStore any = StoreOf(BoundRole(
      "bench", "{apiGroups: ['*'], resources: ['*/scale'], verbs: ['*']}"));
  CHECK(Can(any, {"update", "apps", "statefulsets", "scale", "bench", "db"}));
  CHECK_FALSE(Can(any, {"update", "apps", "statefulsets", "status", "bench", "db"}));
}

TEST_CASE("rbac: resourceNames restrict named requests and never grant create or list") {
  ObjectStore store = StoreOf(BoundRole(
      "bench", "{apiGroups: [''], resources: [configmaps], resourceNames: [web], "
               "verbs: [get, create, list, patch]}"));
  CHECK(Can(store, {"patch", "", "configmaps", "", "bench", "web"}));
  CHECK_FALSE(Can(store, {"patch", "", "configmaps", "", "bench", "other"}));
  CHECK_FALSE(Can(store, {"create", "", "configmaps", "", "bench", ""}));
  CHECK_FALSE(Can(store, {"list", "", "configmaps", "", "bench", ""}));
}

TEST_CASE("rbac: a RoleBinding grants only in its own namespace") {
  ObjectStore store = StoreOf(BoundRole(
      "bench-staging", "{apiGroups: [apps], resources: [deployments], verbs: [patch]}"));
  CHECK(Can(store, {"patch", "apps", "deployments", "", "bench-staging", "api"}));
  CHECK_FALSE(Can(store, {"patch", "apps", "deployments", "", "bench", "api"}));
  CHECK_FALSE(Can(store, {"patch", "apps", "deployments", "", "", "api"}));  // cluster scope
}

TEST_CASE("rbac: a ClusterRole bound by a RoleBinding applies in that namespace only") {
  ObjectStore store = StoreOf(R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: pod-reader}
rules: [{apiGroups: [''], resources: [pods], verbs: [get, list]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-pods, namespace: bench}
subjects: [{kind: ServiceAccount, name: sa}]
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-reader}
)");
  const std::string sa = "system:serviceaccount:bench:sa";  // subject's namespace defaulted
  CHECK(Can(store, {"list", "", "pods", "", "bench", ""}, sa));
  CHECK_FALSE(Can(store, {"list", "", "pods", "", "other", ""}, sa));
  CHECK_FALSE(Can(store, {"list", "", "pods", "", "", ""}, sa));
  CHECK_FALSE(Can(store, {"list", "", "pods", "", "bench", ""}, "system:serviceaccount:other:sa"));
}

TEST_CASE("rbac: ClusterRoleBindings apply everywhere; User and Group subjects") {
  ObjectStore store = StoreOf(R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: ns-reader}
rules: [{apiGroups: [''], resources: [namespaces], verbs: [get]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ns-readers}
subjects: [{kind: User, name: alice}, {kind: Group, name: "system:serviceaccounts:bench"}]
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ns-reader}
)");
  CHECK(Can(store, {"get", "", "namespaces", "", "", "bench"}, "alice"));
  CHECK(Can(store, {"get", "", "namespaces", "", "", "bench"}, "system:serviceaccount:bench:x"));
  CHECK_FALSE(Can(store, {"get", "", "namespaces", "", "", "bench"}, "bob"));
  CHECK_FALSE(Can(store, {"get", "", "namespaces", "", "", "bench"}, "system:serviceaccount:o:x"));
}

TEST_CASE("rbac: the built-in discovery rights for every authenticated user") {
  ObjectStore empty;
  CHECK(Can(empty, {"create", "authorization.k8s.io", "selfsubjectaccessreviews", "", "", ""}));
  CHECK_FALSE(Can(empty, {"create", "authorization.k8s.io", "subjectaccessreviews", "", "", ""}));
  RequestAttributes healthz{"get", "", "", "", "", "", false, "/healthz"};
  CHECK(Can(empty, healthz));
  healthz.path = "/metrics";
  CHECK_FALSE(Can(empty, healthz));
  // A cluster that has its own system:basic-user binding uses that one.
  ObjectStore own = StoreOf(R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: "system:basic-user"}
subjects: [{kind: User, name: nobody}]
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:basic-user"}
)");
  CHECK_FALSE(Can(own, {"create", "authorization.k8s.io", "selfsubjectaccessreviews", "", "", ""}));
}

TEST_CASE("rbac: upstream's forbidden message") {
  UserInfo agent = AuthenticatedUser(kAgent);
  CHECK(ForbiddenMessage(agent, {"patch", "apps", "deployments", "", "bench", "api"}) ==
        "deployments.apps \"api\" is forbidden: User "
        "\"system:serviceaccount:evidra-system:evidra-agent\" cannot patch resource "
        "\"deployments\" in API group \"apps\" in the namespace \"bench\"");
  CHECK(ForbiddenMessage(agent, {"patch", "apps", "deployments", "scale", "bench", "api"}) ==
        "deployments.apps \"api\" is forbidden: User "
        "\"system:serviceaccount:evidra-system:evidra-agent\" cannot patch resource "
        "\"deployments/scale\" in API group \"apps\" in the namespace \"bench\"");
  CHECK(ForbiddenMessage(agent, {"list", "", "namespaces", "", "", ""}) ==
        "namespaces is forbidden: User \"system:serviceaccount:evidra-system:evidra-agent\" "
        "cannot list resource \"namespaces\" in API group \"\" at the cluster scope");
}

TEST_CASE("rbac: Covers reports each missing permission, compacted") {
  std::vector<PolicyRule> owner = {{{"get", "list", "patch"}, {""}, {"configmaps"}, {}, {}}};
  std::vector<PolicyRule> missing;
  CHECK(Covers(owner, {{{"get", "patch"}, {""}, {"configmaps"}, {}, {}}}, &missing));
  CHECK(missing.empty());
  // One verb short.
  CHECK_FALSE(Covers(owner, {{{"get", "create", "update"}, {""}, {"configmaps"}, {}, {}}}, &missing));
  REQUIRE(missing.size() == 1);
  CHECK(CompactString(missing[0]) == "{APIGroups:[\"\"], Resources:[\"configmaps\"], Verbs:[\"create\" \"update\"]}");
  // A named owner rule does not cover the unnamed permission.
  std::vector<PolicyRule> named = {{{"patch"}, {""}, {"configmaps"}, {"web"}, {}}};
  CHECK(Covers(named, {{{"patch"}, {""}, {"configmaps"}, {"web"}, {}}}, nullptr));
  CHECK_FALSE(Covers(named, {{{"patch"}, {""}, {"configmaps"}, {}, {}}}, nullptr));
}

// The writer holds configmaps get/list/watch/create/update/patch in bench.
constexpr char kWriter[] = R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: writer, namespace: bench}
rules:
  - {apiGroups: [""], resources: [configmaps], verbs: [get, list, watch, create, update, patch]}
  - {apiGroups: [rbac.authorization.k8s.io], resources: [roles, rolebindings], verbs: [create, patch]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: writer, namespace: bench}
subjects: [{kind: ServiceAccount, name: writer, namespace: bench}]
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: writer}
)";

Json RoleGranting(const std::string& verbs) {
  absl::StatusOr<std::vector<Json>> role = ParseManifests(
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: cm, namespace: bench}\n"
      "rules: [{apiGroups: [''], resources: [configmaps], verbs: [" + verbs + "]}]\n",
      "role.yaml");
  REQUIRE(role.ok());
  return (*role)[0];
}

TEST_CASE("rbac escalation: a Role granting one verb the writer lacks is refused") {
  ObjectStore store = StoreOf(kWriter);
  UserInfo writer = AuthenticatedUser("system:serviceaccount:bench:writer");
  CHECK_FALSE(EscalationRefusal(store, writer, RoleGranting("get, update, patch"), nullptr));
  std::optional<std::string> refused =
      EscalationRefusal(store, writer, RoleGranting("get, delete, patch"), nullptr);
  REQUIRE(refused.has_value());
  CHECK(*refused ==
        "roles.rbac.authorization.k8s.io \"cm\" is forbidden: user "
        "\"system:serviceaccount:bench:writer\" (groups=[\"system:serviceaccounts\" "
        "\"system:serviceaccounts:bench\" \"system:authenticated\"]) is attempting to grant RBAC "
        "permissions not currently held:\n{APIGroups:[\"\"], Resources:[\"configmaps\"], "
        "Verbs:[\"delete\"]}");
  // The same Role in another namespace: nothing held there.
  Json elsewhere = RoleGranting("get");
  elsewhere["metadata"]["namespace"] = "other";
  CHECK(EscalationRefusal(store, writer, elsewhere, nullptr).has_value());
  // `escalate` on roles lifts the check.
  ObjectStore escalate = StoreOf(std::string(kWriter) + R"(---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: esc, namespace: bench}
rules: [{apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: [escalate]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: esc, namespace: bench}
subjects: [{kind: ServiceAccount, name: writer, namespace: bench}]
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: esc}
)");
  CHECK_FALSE(EscalationRefusal(escalate, writer, RoleGranting("get, delete, patch"), nullptr));
  // An unchanged Role (a label-only patch aside) is not checked again.
  Json same = RoleGranting("get, delete");
  CHECK_FALSE(EscalationRefusal(store, writer, same, &same));
}

TEST_CASE("rbac escalation: a RoleBinding needs bind or the role's permissions") {
  ObjectStore store = StoreOf(std::string(kWriter) + R"(---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: cluster-admin}
rules: [{apiGroups: ['*'], resources: ['*'], verbs: ['*']}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: cm-reader}
rules: [{apiGroups: [''], resources: [configmaps], verbs: [get]}]
)");
  UserInfo writer = AuthenticatedUser("system:serviceaccount:bench:writer");
  auto binding = [](const std::string& role) {
    return Json{{"apiVersion", "rbac.authorization.k8s.io/v1"},
                {"kind", "RoleBinding"},
                {"metadata", {{"name", "b2"}, {"namespace", "bench"}}},
                {"subjects", Json::array({{{"kind", "User"}, {"name", "eve"}}})},
                {"roleRef", {{"apiGroup", "rbac.authorization.k8s.io"}, {"kind", "ClusterRole"},
                             {"name", role}}}};
  };
  CHECK_FALSE(EscalationRefusal(store, writer, binding("cm-reader"), nullptr));
  std::optional<std::string> admin = EscalationRefusal(store, writer, binding("cluster-admin"), nullptr);
  REQUIRE(admin.has_value());
  CHECK(absl::StrContains(*admin, "rolebindings.rbac.authorization.k8s.io \"b2\" is forbidden"));
  CHECK(absl::StrContains(*admin, "{APIGroups:[\"*\"], Resources:[\"*\"], Verbs:[\"*\"]}"));
  std::optional<std::string> missing = EscalationRefusal(store, writer, binding("nope"), nullptr);
  REQUIRE(missing.has_value());
  CHECK(absl::StrContains(*missing, "clusterroles.rbac.authorization.k8s.io \"nope\" not found"));
}

}  // namespace
}  // namespace kreplay
