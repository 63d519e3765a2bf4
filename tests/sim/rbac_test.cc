// RBAC evaluation (sim/rbac.h, sim/rbac_rule.h) with its near misses: a rule
// granting deployments but not deployments/scale, resourceNames with create,
// a RoleBinding in another namespace, a ClusterRole bound by a RoleBinding,
// service-account subjects and groups, the built-in discovery rights, and
// upstream's forbidden and escalation texts.
#include "sim/rbac.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/manifest.h"
#include "model/object_store.h"
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

}  // namespace
}  // namespace kreplay
