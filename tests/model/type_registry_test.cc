#include "model/type_registry.h"

#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/merge_keys.h"

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

TEST_CASE("type registry: LookupKind takes the exact kind") {
  for (const TypeInfo& type : AllTypes()) CHECK(LookupKind(type.kind) == &type);
  CHECK(LookupKind("deployment") == nullptr);
  CHECK(LookupKind("deployments") == nullptr);
  CHECK(LookupKind("Widget") == nullptr);
  CHECK(LookupKind("") == nullptr);
}

TEST_CASE("type registry: where each kind keeps its pod template") {
  struct Case { const char* kind; const char* pod_template; const char* pod_spec; const char* pod_labels; };
  const Case cases[] = {
      {"Deployment", "spec.template", "spec.template.spec", "spec.template.metadata.labels"},
      {"ReplicaSet", "spec.template", "spec.template.spec", "spec.template.metadata.labels"},
      {"StatefulSet", "spec.template", "spec.template.spec", "spec.template.metadata.labels"},
      {"DaemonSet", "spec.template", "spec.template.spec", "spec.template.metadata.labels"},
      {"Job", "spec.template", "spec.template.spec", "spec.template.metadata.labels"},
      {"CronJob", "spec.jobTemplate.spec.template", "spec.jobTemplate.spec.template.spec",
       "spec.jobTemplate.spec.template.metadata.labels"},
      {"Pod", "", "spec", "metadata.labels"},  // its own template, not a workload
      {"Service", "", "", ""},
      {"ConfigMap", "", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.kind);
    const TypeInfo* type = LookupKind(c.kind);
    REQUIRE(type != nullptr);
    CHECK(type->pod_template == c.pod_template);
    CHECK(type->pod_spec == c.pod_spec);
    CHECK(type->pod_labels == c.pod_labels);
    CHECK(type->workload() == !std::string(c.pod_template).empty());
    CHECK(IsWorkloadKind(c.kind) == type->workload());
    CHECK(HasPodSpec(c.kind) == !std::string(c.pod_spec).empty());
  }
  std::set<std::string> workloads;
  for (const TypeInfo& type : AllTypes()) {
    if (type.workload()) workloads.insert(type.kind);
  }
  CHECK(workloads == std::set<std::string>{"CronJob", "DaemonSet", "Deployment", "Job",
                                           "ReplicaSet", "StatefulSet"});
  CHECK_FALSE(IsWorkloadKind("Widget"));
  CHECK_FALSE(HasPodSpec("Widget"));
}

TEST_CASE("type registry: scale, the all category, derived bookkeeping") {
  std::set<std::string> scalable;
  std::set<std::string> derived;
  for (const TypeInfo& type : AllTypes()) {
    if (type.scalable) scalable.insert(type.kind);
    if (type.derived) derived.insert(type.kind);
  }
  CHECK(scalable == std::set<std::string>{"Deployment", "ReplicaSet", "StatefulSet"});
  CHECK(IsScalableKind("Deployment"));
  CHECK_FALSE(IsScalableKind("DaemonSet"));
  CHECK_FALSE(IsScalableKind("Job"));
  CHECK_FALSE(IsScalableKind("ReplicationController"));  // not registered
  CHECK(derived == std::set<std::string>{"EndpointSlice", "Endpoints", "Event"});
  CHECK(IsDerivedKind("Endpoints"));
  CHECK_FALSE(IsDerivedKind("Service"));
  CHECK_FALSE(IsDerivedKind("Widget"));
  // Upstream's `all` category (less ReplicationController, not registered),
  // in the order kreplay lists them.
  CHECK(AllCategoryKinds() ==
        std::vector<std::string>{"Pod", "Service", "Deployment", "ReplicaSet", "StatefulSet",
                                 "DaemonSet", "Job", "CronJob", "HorizontalPodAutoscaler"});
}

TEST_CASE("type registry: registered kinds are built in, others are custom resources") {
  CHECK(RootSchemaType("Deployment", "apps/v1") == "Deployment");
  CHECK(RootSchemaType("ConfigMap", "v1") == "ConfigMap");
  CHECK(RootSchemaType("Deployment", "example.com/v1") == "");  // a CRD named alike
  CHECK(RootSchemaType("Widget", "example.com/v1") == "");
}

}  // namespace
}  // namespace kreplay
