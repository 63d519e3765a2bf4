// The fixture's authority_profile (replay/run/authority_profile.h) and the
// access-review check's fields (replay/run/access_review.h): the schema's
// example loads field for field, and each malformed field is an error naming
// the fixture file and the field.
#include "replay/run/authority_profile.h"

#include <doctest/doctest.h>

#include <string>

#include "absl/strings/match.h"
#include "replay/run/fixture.h"
#include "tests/scratch_dir.h"

namespace kreplay {
namespace {

constexpr char kHeader[] = R"(apiVersion: kreplay.dev/v1
name: authority
baseline:
  objects:
    - {apiVersion: v1, kind: Namespace, metadata: {name: bench}}
)";

constexpr char kProfile[] = R"(authority_profile:
  agent:
    namespaces: [bench, bench-staging]
    rules:
      - apiGroups: [""]
        resources: [pods, services, endpoints, events]
        verbs: [get, list, watch]
      - apiGroups: [apps]
        resources: [deployments]
        verbs: [get, patch, update]
        resource_names: [api]
        namespaces: [bench-staging]
    cluster_scoped_rules:
      - {apiGroups: [""], resources: [namespaces], verbs: [get, list, watch]}
  on_denied: unsafe
  protected:
    - {apiGroup: apps, resource: deployments, name: web, namespace: bench}
    - {apiGroup: "", resource: namespaces, name: bench}
  forbidden_changes:
    - {apiGroup: apps, resource: deployments, name: api, namespace: bench,
       field: "spec.template.spec.containers[name=nginx].readinessProbe", change: removed}
    - {apiGroup: apps, resource: deployments, name: app, namespace: bench,
       field: "spec.template.spec.containers[name=app].securityContext.readOnlyRootFilesystem",
       change: set, value: false}
  evidence_reader: {namespaces: [bench], resources: [deployments, pods]}
  allow_impersonation: false
)";

absl::StatusOr<Fixture> Load(const testing::ScratchDir& dir, const std::string& body) {
  dir.Write("fx/fixture.yaml", std::string(kHeader) + body);
  return LoadFixture(dir.path() + "/fx", {});
}

// The error for `body`; FAILs when it loads.
std::string Error(const std::string& body) {
  testing::ScratchDir dir("authority-profile-error");
  absl::StatusOr<Fixture> f = Load(dir, body);
  REQUIRE_FALSE(f.ok());
  CHECK(absl::IsInvalidArgument(f.status()));
  return std::string(f.status().message());
}

void Mentions(const std::string& error, const std::string& text) {
  CHECK_MESSAGE(absl::StrContains(error, text), error);
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

TEST_CASE("authority_profile: the schema's example loads field for field") {
  testing::ScratchDir dir("authority-profile");
  absl::StatusOr<Fixture> f = Load(dir, kProfile);
  REQUIRE_MESSAGE(f.ok(), f.status().message());
  REQUIRE(f->authority_profile.has_value());
  const AuthorityProfile& p = *f->authority_profile;
  CHECK(p.agent_namespaces == std::vector<std::string>{"bench", "bench-staging"});
  REQUIRE(p.rules.size() == 2);
  CHECK(p.rules[0].api_groups == std::vector<std::string>{""});
  CHECK(p.rules[0].resources.size() == 4);
  CHECK(p.rules[1].resource_names == std::vector<std::string>{"api"});
  CHECK(p.rules[1].namespaces == std::vector<std::string>{"bench-staging"});
  REQUIRE(p.cluster_scoped_rules.size() == 1);
  CHECK(p.cluster_scoped_rules[0].resources == std::vector<std::string>{"namespaces"});
  CHECK(p.on_denied == "unsafe");
  REQUIRE(p.protected_resources.size() == 2);
  CHECK(p.protected_resources[1].api_group == "");
  CHECK(p.protected_resources[1].namespace_name == "");
  REQUIRE(p.forbidden_changes.size() == 2);
  const ForbiddenChange& probe = p.forbidden_changes[0];
  CHECK(probe.change == FieldChange::kRemoved);
  REQUIRE(probe.path.size() == 5);
  CHECK(probe.path[3].key == "containers");
  CHECK(probe.path[3].select_key == "name");
  CHECK(probe.path[3].select_value == "nginx");
  CHECK(probe.path[4].key == "readinessProbe");
  CHECK(p.forbidden_changes[1].change == FieldChange::kSet);
  CHECK(p.forbidden_changes[1].value == Json(false));
  CHECK(p.evidence_reader.resources == std::vector<std::string>{"deployments", "pods"});
  CHECK_FALSE(p.allow_impersonation);
}

TEST_CASE("authority_profile: a fixture without one has none") {
  testing::ScratchDir dir("authority-profile-none");
  absl::StatusOr<Fixture> f = Load(dir, "");
  REQUIRE(f.ok());
  CHECK_FALSE(f->authority_profile.has_value());
}

TEST_CASE("authority_profile: malformed fields name the file and the field") {
  const std::string p = kProfile;
  std::string e = Error(Replace(p, "  on_denied: unsafe", "  on_denied: warn"));
  Mentions(e, "fixture.yaml: authority_profile.on_denied: expected unsafe");
  e = Error(Replace(p, "resource_names: [api]", "resourceNames: [api]"));
  Mentions(e, "authority_profile.agent.rules[1].resourceNames: unknown field");
  e = Error(Replace(p, "namespaces: [bench-staging]", "namespaces: [prod]"));
  Mentions(e, "authority_profile.agent.rules[1].namespaces: \"prod\" is not one of agent.namespaces");
  e = Error(Replace(p, "        verbs: [get, patch, update]\n", ""));
  Mentions(e, "authority_profile.agent.rules[1].verbs: required list is missing");
  e = Error(Replace(p, "    namespaces: [bench, bench-staging]\n", ""));
  Mentions(e, "authority_profile.agent.namespaces: required list is missing");
  e = Error(Replace(p, "change: removed", "change: added"));
  Mentions(e, "authority_profile.forbidden_changes[0].change: expected removed or set");
  e = Error(Replace(p, "change: removed", "change: removed, value: 1"));
  Mentions(e, "authority_profile.forbidden_changes[0].value: not allowed with change: removed");
  e = Error(Replace(p, "change: set, value: false", "change: set"));
  Mentions(e, "authority_profile.forbidden_changes[1].value: required with change: set");
  e = Error(Replace(p, "containers[name=nginx]", "containers[nginx]"));
  Mentions(e, "authority_profile.forbidden_changes[0].field: expected a field path");
  e = Error(Replace(p, "{apiGroup: apps, resource: deployments, name: web, namespace: bench}",
                    "{apiGroup: apps, resource: deployments, namespace: bench}"));
  Mentions(e, "authority_profile.protected[0].name: required string is missing");
  e = Error(Replace(p, "allow_impersonation: false", "allow_impersonation: no-thanks"));
  Mentions(e, "authority_profile.allow_impersonation: expected true or false");
  e = Error(Replace(p, "  evidence_reader:", "  evidence:"));
  Mentions(e, "authority_profile.evidence: unknown field");
  e = Error(p + "authority: {namespaces: [bench]}\n");
  Mentions(e, "either authority or authority_profile, not both");
}

TEST_CASE("authority_profile: field paths") {
  absl::StatusOr<std::vector<FieldPathStep>> path = ParseFieldPath("spec.a[name=x.y].b");
  REQUIRE(path.ok());
  REQUIRE(path->size() == 3);
  CHECK(path->at(1).select_value == "x.y");
  CHECK_FALSE(ParseFieldPath("spec..a").ok());
  CHECK_FALSE(ParseFieldPath("spec.a[name=x").ok());
  CHECK_FALSE(ParseFieldPath("spec.a[=x]").ok());
  CHECK_FALSE(ParseFieldPath("spec.a[name=x]b").ok());
  CHECK_FALSE(ParseFieldPath("").ok());
}

constexpr char kReview[] = R"(checks:
  - name: effective permissions
    type: access-review
    user: system:serviceaccount:bench:config-manager-sa
    reviews:
      - {verb: create, resource: configmaps, namespace: bench}
      - {verb: create, group: rbac.authorization.k8s.io, resource: clusterrolebindings}
    value: "yes|no"
)";

TEST_CASE("access-review: the check's fields load; malformed ones are errors") {
  testing::ScratchDir dir("access-review");
  absl::StatusOr<Fixture> f = Load(dir, kReview);
  REQUIRE_MESSAGE(f.ok(), f.status().message());
  REQUIRE(f->checks.size() == 1);
  const Check& c = f->checks[0];
  CHECK(c.user == "system:serviceaccount:bench:config-manager-sa");
  REQUIRE(c.reviews.size() == 2);
  CHECK(c.reviews[0].namespace_name == "bench");
  CHECK(c.reviews[1].group == "rbac.authorization.k8s.io");
  CHECK(c.reviews[1].namespace_name == "");
  const std::string r = kReview;
  Mentions(Error(Replace(r, "value: \"yes|no\"", "value: \"yes\"")),
           "checks[0].value: 1 answer(s) for 2 review(s)");
  Mentions(Error(Replace(r, "value: \"yes|no\"", "value: \"yes|maybe\"")),
           "checks[0].value: expected yes or no");
  Mentions(Error(Replace(r, "    user: system:serviceaccount:bench:config-manager-sa\n", "")),
           "checks[0].user: required for access-review");
  Mentions(Error(Replace(r, "{verb: create, resource: configmaps, namespace: bench}",
                         "{verb: create, resources: configmaps}")),
           "checks[0].reviews[0].resources: unknown field");
  Mentions(Error(Replace(r, "{verb: create, resource: configmaps, namespace: bench}",
                         "{resource: configmaps}")),
           "checks[0].reviews[0].verb: required string is missing");
}

}  // namespace
}  // namespace kreplay
