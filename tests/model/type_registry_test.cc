#include "model/type_registry.h"

#include <doctest/doctest.h>

namespace kreplay {
namespace {

TEST_CASE("type registry resolves kinds, plurals, short names and groups") {
  struct Case { const char* name; const char* kind; };
  const Case cases[] = {
      {"deploy", "Deployment"},   {"deployments", "Deployment"},
      {"Deployment", "Deployment"}, {"deployment.apps", "Deployment"},
      {"deployments.apps", "Deployment"}, {"svc", "Service"},
      {"cm", "ConfigMap"},        {"po", "Pod"},
      {"rs", "ReplicaSet"},       {"ns", "Namespace"},
      {"netpol", "NetworkPolicy"}, {"pdb", "PodDisruptionBudget"},
      {"sa", "ServiceAccount"},   {"secrets", "Secret"},
      {"ep", "Endpoints"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const TypeInfo* type = LookupType(c.name);
    REQUIRE(type != nullptr);
    CHECK(type->kind == c.kind);
  }
  CHECK(LookupType("deployments.batch") == nullptr);
  CHECK(LookupType("widgets") == nullptr);
  CHECK_FALSE(LookupType("ns")->namespaced);
  CHECK(LookupType("deploy")->ApiVersion() == "apps/v1");
  CHECK(LookupType("cm")->ApiVersion() == "v1");
}

}  // namespace
}  // namespace kreplay
