// The API server's validation of replicas and names (sim/validation.h), the
// simulator's pod limits (sim/limits.h) and RE2 on fixture env rules: bad
// input gives an error naming the object, never a crash or a hang.
#include <doctest/doctest.h>

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "model/manifest.h"
#include "sim/controller.h"
#include "sim/limits.h"
#include "sim/node.h"
#include "sim/validation.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

Json Workload(const std::string& kind, const std::string& api, int64_t replicas) {
  return Json::parse(absl::StrCat(R"({"apiVersion":")", api, R"(","kind":")", kind,
                                  R"(","metadata":{"name":"web","namespace":"bench"},)",
                                  R"("spec":{"replicas":)", replicas,
                                  R"(,"selector":{"matchLabels":{"app":"web"}},)",
                                  R"("template":{"metadata":{"labels":{"app":"web"}},)",
                                  R"("spec":{"containers":[{"name":"c","image":"nginx:1.27"}]}}}})"));
}

// A namespace and the default node the pods run on (sim/node.h).
Cluster WithNamespace() {
  Cluster cluster;
  REQUIRE(cluster.Create(Json::parse(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"bench"}})")).ok());
  REQUIRE(EnsureDefaultNode(cluster).ok());
  return cluster;
}

TEST_CASE("negative replicas are a 422 Invalid on create, for every kind with replicas") {
  struct Case { const char* kind; const char* api; const char* qualified; };
  const Case cases[] = {{"Deployment", "apps/v1", "Deployment.apps"},
                        {"ReplicaSet", "apps/v1", "ReplicaSet.apps"},
                        {"StatefulSet", "apps/v1", "StatefulSet.apps"},
                        {"ReplicationController", "v1", "ReplicationController"}};
  for (const Case& c : cases) {
    INFO(c.kind);
    Cluster cluster = WithNamespace();
    absl::StatusOr<Json> created = cluster.Create(Workload(c.kind, c.api, -5));
    REQUIRE_FALSE(created.ok());
    CHECK(absl::IsInvalidArgument(created.status()));
    CHECK(created.status().message() ==
          absl::StrCat(c.qualified, " \"web\" is invalid: spec.replicas: Invalid value: -5: "
                                    "must be greater than or equal to 0"));
    CHECK(cluster.Get(ObjectKey{c.kind, "bench", "web"}) == nullptr);
  }
}

TEST_CASE("negative replicas are refused on update and leave the stored object as it was") {
  Cluster cluster = WithNamespace();
  REQUIRE(cluster.Create(Workload("Deployment", "apps/v1", 2)).ok());
  REQUIRE(Reconcile(cluster, TestWorld()).ok());
  Json edited = *cluster.Get(ObjectKey{"Deployment", "bench", "web"});
  edited["spec"]["replicas"] = -5;
  absl::StatusOr<Json> updated = cluster.Update(edited);
  REQUIRE_FALSE(updated.ok());
  CHECK(absl::StrContains(updated.status().message(),
                          "Deployment.apps \"web\" is invalid: spec.replicas: Invalid value: -5"));
  CHECK(GetInt(*cluster.Get(ObjectKey{"Deployment", "bench", "web"}), "spec.replicas") == 2);
  CHECK(Reconcile(cluster, TestWorld()).ok());
  CHECK(CountPods(cluster, "bench", "web-") == 2);
  // Zero is valid and scales the pods away.
  edited["spec"]["replicas"] = 0;
  REQUIRE(cluster.Update(edited).ok());
  REQUIRE(Reconcile(cluster, TestWorld()).ok());
  CHECK(CountPods(cluster, "bench", "web-") == 0);
}

TEST_CASE("a name with a control character is refused with upstream's wording, quoted as Go does") {
  Cluster cluster = WithNamespace();
  Json object = Workload("Deployment", "apps/v1", 1);
  object["metadata"]["name"] = std::string("we\0b", 4);
  absl::StatusOr<Json> created = cluster.Create(object);
  REQUIRE_FALSE(created.ok());
  CHECK(absl::StartsWith(created.status().message(),
                         "Deployment.apps \"we\\x00b\" is invalid: metadata.name: Invalid value: "
                         "\"we\\x00b\": a lowercase RFC 1123 subdomain"));
  CHECK(GoQuote("a\"b\\\n") == "\"a\\\"b\\\\\\n\"");
}

TEST_CASE("a workload beyond the pod limit is a controller error naming it, not a hang") {
  Cluster cluster = WithNamespace();
  REQUIRE(cluster.Create(Workload("Deployment", "apps/v1", 100000000)).ok());
  absl::Status settled = Reconcile(cluster, TestWorld());
  REQUIRE_FALSE(settled.ok());
  CHECK(absl::IsResourceExhausted(settled));
  std::string message(settled.message());
  CHECK_MESSAGE(absl::StartsWith(message, "replicaset-controller: ReplicaSet bench/web-"), message);
  CHECK_MESSAGE(absl::StrContains(message, "(of Deployment web) wants 100000000 pods; kreplay "
                                           "simulates at most 1000 pods per workload"), message);
  CHECK(CountPods(cluster, "bench", "web-") == 0);
}

TEST_CASE("a workload at the pod limit is simulated in full") {
  Cluster cluster = WithNamespace();
  REQUIRE(cluster.Create(Workload("ReplicaSet", "apps/v1", kMaxPodsPerWorkload)).ok());
  REQUIRE(Reconcile(cluster, TestWorld()).ok());
  CHECK(CountPods(cluster, "bench", "web-") == kMaxPodsPerWorkload);
}

TEST_CASE("the cluster's pod limit stops the workload that would pass it") {
  Cluster cluster = WithNamespace();
  int64_t full = kMaxPodsPerCluster / kMaxPodsPerWorkload;
  for (int64_t i = 0; i < full; ++i) {
    Json rs = Workload("ReplicaSet", "apps/v1", kMaxPodsPerWorkload);
    rs["metadata"]["name"] = absl::StrCat("web", i);
    REQUIRE(cluster.Create(rs).ok());
  }
  REQUIRE(Reconcile(cluster, TestWorld()).ok());
  Json extra = Workload("ReplicaSet", "apps/v1", 1);
  extra["metadata"]["name"] = "extra";
  REQUIRE(cluster.Create(extra).ok());
  absl::Status settled = Reconcile(cluster, TestWorld());
  REQUIRE_FALSE(settled.ok());
  CHECK_MESSAGE(absl::StrContains(settled.message(),
                                  "ReplicaSet bench/extra wants 1 more pods, beyond the 10000 pods "
                                  "kreplay simulates in one cluster (10000 exist"),
                settled.message());
}

World EnvWorld(const std::string& pattern) {
  Json spec = Json::parse(R"({"images":[{"image":"app:1","ports":[80],
      "requires":{"env":[{"name":"MODE"}]}}]})");
  spec["images"][0]["requires"]["env"][0]["matches"] = pattern;
  absl::StatusOr<World> world = WorldFromJson(spec);
  REQUIRE_MESSAGE(world.ok(), world.status().ToString());
  return *world;
}

Cluster EnvCluster(const std::string& value, const World& world) {
  Cluster cluster = WithNamespace();
  Json d = Workload("Deployment", "apps/v1", 1);
  d["spec"]["template"]["spec"]["containers"][0]["image"] = "app:1";
  d["spec"]["template"]["spec"]["containers"][0]["env"] =
      Json::array({{{"name", "MODE"}, {"value", value}}});
  REQUIRE(cluster.Create(d).ok());
  REQUIRE(Reconcile(cluster, world).ok());
  return cluster;
}

TEST_CASE("env rules are RE2: (a|b)* against 200,000 characters neither recurses nor fails") {
  World world = EnvWorld("(a|b)*");
  Cluster matching = EnvCluster(std::string(200000, 'a'), world);
  CHECK(CountReadyPods(matching, "bench", "web-") == 1);
  Cluster failing = EnvCluster(std::string(200000, 'a') + "c", world);
  CHECK(CountReadyPods(failing, "bench", "web-") == 0);
  CHECK(CountPods(failing, "bench", "web-") == 1);
}

TEST_CASE("an env rule RE2 cannot compile is a world error naming the field") {
  for (const char* pattern : {"(a", "(a)\\1", "(?=a)"}) {
    INFO(pattern);
    Json spec = Json::parse(R"({"images":[{"image":"app:1","requires":{"env":[{"name":"M"}]}}]})");
    spec["images"][0]["requires"]["env"][0]["matches"] = pattern;
    absl::StatusOr<World> world = WorldFromJson(spec);
    REQUIRE_FALSE(world.ok());
    CHECK_MESSAGE(absl::StartsWith(world.status().message(),
                                   "world.images[0].requires.env.matches: expected a valid RE2 "
                                   "regular expression ("),
                  world.status().message());
  }
}

}  // namespace
}  // namespace kreplay
