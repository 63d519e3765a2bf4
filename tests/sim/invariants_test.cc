// The simulator's invariants (sim/invariants.h) can fail: each test breaks
// one, by writing through the Cluster without reconciling or by pairing
// states and journals that do not belong together, and expects the named
// violation. A settled cluster and a settled step pass.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "absl/strings/match.h"
#include "sim/cluster.h"
#include "sim/controller.h"
#include "sim/invariants.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

constexpr char kApp[] = R"(
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Namespace
metadata: {name: other}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: "nginx:1.27", ports: [{name: http, containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{name: http, port: 8080, targetPort: http}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data: {a: "1"}
)";

// "<invariant>: <object>" of every violation.
std::vector<std::string> Named(const std::vector<Violation>& violations) {
  std::vector<std::string> out;
  for (const Violation& v : violations) out.push_back(v.invariant + ": " + v.object.ToString());
  return out;
}

bool Has(const std::vector<Violation>& violations, const std::string& invariant,
         const std::string& object) {
  for (const Violation& v : violations) {
    if (v.invariant == invariant && v.object.ToString() == object) return true;
  }
  return false;
}

std::string Show(const std::vector<Violation>& violations) {
  std::string out;
  for (const Violation& v : violations) out += v.ToString() + "\n";
  return out;
}

const Json& FirstPod(const Cluster& cluster) { return *cluster.store().List("Pod", "shop").at(0); }

Json Owned(const std::string& name, const Json& ref) {
  return {{"apiVersion", "v1"},
          {"kind", "ConfigMap"},
          {"metadata",
           {{"name", name}, {"namespace", "shop"}, {"ownerReferences", Json::array({ref})}}}};
}

Json RefTo(const std::string& kind, const std::string& name, const std::string& uid) {
  return {{"apiVersion", "v1"}, {"kind", kind}, {"name", name}, {"uid", uid}};
}

TEST_CASE("invariants: a settled cluster and a settled step hold every invariant") {
  World world = TestWorld();
  Cluster before = ClusterFrom(kApp, world);
  CHECK_MESSAGE(CheckInvariants(before).ok(), std::string(CheckInvariants(before).message()));
  Cluster after = before;
  Json deployment = *after.Get(ObjectKey{"Deployment", "shop", "web"});
  deployment["spec"]["replicas"] = 3;
  REQUIRE(after.Update(deployment).ok());
  REQUIRE(Reconcile(after, world).ok());
  std::vector<Change> journal = after.TakeJournal();
  CHECK(journal.size() > 3);
  absl::Status s = CheckStepInvariants(before, after, &journal);
  CHECK_MESSAGE(s.ok(), std::string(s.message()));
}

TEST_CASE("invariants: owner-exists names a dangling, a wrong-kind and a cross-namespace owner") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(kApp, world);
  std::string uid = GetString(*cluster.Get(ObjectKey{"Deployment", "shop", "web"}), "metadata.uid");
  std::string other_uid = GetString(*cluster.Get(ObjectKey{"Namespace", "", "other"}),
                                    "metadata.uid");
  REQUIRE(cluster.Create(Owned("dangling", RefTo("Deployment", "gone", "no-such-uid"))).ok());
  REQUIRE(cluster.Create(Owned("wrong-kind", RefTo("StatefulSet", "web", uid))).ok());
  // Found by uid, as the garbage collector finds owners: the name is not compared.
  REQUIRE(cluster.Create(Owned("renamed", RefTo("Deployment", "api", uid))).ok());
  REQUIRE(cluster.Create(Owned("fine", RefTo("Deployment", "web", uid))).ok());
  Json cm = {{"apiVersion", "v1"}, {"kind", "ConfigMap"},
             {"metadata", {{"name", "elsewhere"}, {"namespace", "other"}}}};
  REQUIRE(cluster.Create(cm).ok());
  std::string elsewhere = GetString(*cluster.Get(ObjectKey{"ConfigMap", "other", "elsewhere"}),
                                    "metadata.uid");
  REQUIRE(cluster.Create(Owned("across", RefTo("ConfigMap", "elsewhere", elsewhere))).ok());
  // A cluster-scoped owner is valid for a namespaced dependent.
  REQUIRE(cluster.Create(Owned("by-namespace", RefTo("Namespace", "other", other_uid))).ok());
  std::vector<Violation> v = FindViolations(cluster);
  INFO(Show(v));
  CHECK(Has(v, "owner-exists", "ConfigMap/shop/dangling"));
  CHECK(Has(v, "owner-exists", "ConfigMap/shop/wrong-kind"));
  CHECK(Has(v, "owner-exists", "ConfigMap/shop/across"));
  CHECK(v.size() == 3);
  CHECK(absl::StrContains(CheckInvariants(cluster).message(),
                          "owner-exists: ConfigMap/shop/dangling: ownerReference Deployment/gone "
                          "(uid no-such-uid) names no object"));
  // Reconciling collects them.
  REQUIRE(Reconcile(cluster, world).ok());
  CHECK(FindViolations(cluster).empty());
  CHECK(cluster.Get(ObjectKey{"ConfigMap", "shop", "dangling"}) == nullptr);
  CHECK(cluster.Get(ObjectKey{"ConfigMap", "shop", "renamed"}) != nullptr);
}

// A dependent that someone else's finalizer keeps: the collector deletes it
// (it gets a deletionTimestamp) and then has nothing left to do, so the
// cluster settles. (It once did not: the collector said it wrote on every
// pass, and Reconcile gave up after its bound.)
Cluster WithLingeringDependent(Propagation propagation) {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(kApp, world);
  std::string uid = GetString(*cluster.Get(ObjectKey{"Deployment", "shop", "web"}), "metadata.uid");
  Json kept = Owned("kept", RefTo("Deployment", "web", uid));
  kept["metadata"]["finalizers"] = Json::array({"example.com/keep"});
  REQUIRE(cluster.Create(kept).ok());
  REQUIRE(cluster.Delete(ObjectKey{"Deployment", "shop", "web"}, propagation).ok());
  absl::Status settled = Reconcile(cluster, world);
  REQUIRE_MESSAGE(settled.ok(), std::string(settled.message()));
  const Json* lingering = cluster.Get(ObjectKey{"ConfigMap", "shop", "kept"});
  REQUIRE(lingering != nullptr);
  CHECK(Find(*lingering, "metadata.deletionTimestamp") != nullptr);
  return cluster;
}

TEST_CASE("invariants: an object being collected may outlive its owner") {
  Cluster cluster = WithLingeringDependent(Propagation::kBackground);
  CHECK(cluster.Get(ObjectKey{"Deployment", "shop", "web"}) == nullptr);
  absl::Status s = CheckInvariants(cluster);
  CHECK_MESSAGE(s.ok(), std::string(s.message()));
}

TEST_CASE("invariants: a foreground deletion waits on a lingering dependent and settles") {
  Cluster cluster = WithLingeringDependent(Propagation::kForeground);
  const Json* owner = cluster.Get(ObjectKey{"Deployment", "shop", "web"});
  REQUIRE(owner != nullptr);  // waits, with its foregroundDeletion finalizer
  CHECK(Find(*owner, "metadata.deletionTimestamp") != nullptr);
  CHECK(cluster.store().List("ReplicaSet", "shop").empty());
  absl::Status s = CheckInvariants(cluster);
  CHECK_MESSAGE(s.ok(), std::string(s.message()));
}

TEST_CASE("invariants: endpoints-match-pods names an Endpoints listing an unready pod") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(kApp, world);
  const Json& pod = FirstPod(cluster);
  Json status = pod["status"];
  for (Json& c : status["conditions"]) {
    if (c["type"] == "Ready") c["status"] = "False";
  }
  REQUIRE(cluster.UpdateStatus(KeyOf(pod), status).ok());
  std::vector<Violation> v = FindViolations(cluster);
  INFO(Show(v));
  CHECK(Has(v, "endpoints-match-pods", "Endpoints/shop/web"));
  CHECK(absl::StrContains(CheckInvariants(cluster).message(), "the ready pods selected are"));
  CHECK(absl::StrContains(CheckInvariants(cluster).message(), "the unready pods selected are"));
  REQUIRE(Reconcile(cluster, world).ok());  // the controller moves it
  CHECK(CheckInvariants(cluster).ok());
}

TEST_CASE("invariants: endpoints-match-pods checks the resolved ports") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(kApp, world);
  Json endpoints = *cluster.Get(ObjectKey{"Endpoints", "shop", "web"});
  REQUIRE(endpoints["subsets"][0]["ports"][0]["port"] == 80);  // targetPort http -> 80
  endpoints["subsets"][0]["ports"][0]["port"] = 8080;
  REQUIRE(cluster.Update(endpoints).ok());
  std::vector<Violation> v = FindViolations(cluster);
  INFO(Show(v));
  CHECK(Named(v) == std::vector<std::string>{"endpoints-match-pods: Endpoints/shop/web"});
}

TEST_CASE("invariants: a Service without Endpoints and Endpoints without a Service") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(kApp, world);
  Cluster no_endpoints = cluster;
  no_endpoints.Remove(ObjectKey{"Endpoints", "shop", "web"});
  CHECK(Has(FindViolations(no_endpoints), "endpoints-match-pods", "Service/shop/web"));
  cluster.Remove(ObjectKey{"Service", "shop", "web"});
  std::vector<Violation> v = FindViolations(cluster);
  INFO(Show(v));
  CHECK(Named(v) == std::vector<std::string>{"endpoints-have-service: Endpoints/shop/web"});
}

TEST_CASE("invariants: replicaset-status counts the pods a ReplicaSet controls") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(kApp, world);
  cluster.Remove(KeyOf(FirstPod(cluster)));
  std::vector<Violation> v = FindViolations(cluster);
  INFO(Show(v));
  std::string message(CheckInvariants(cluster).message());
  CHECK(absl::StrContains(message, "replicaset-status: ReplicaSet/shop/web-"));
  CHECK(absl::StrContains(message, "status says replicas 2, ready 2"));
  CHECK(absl::StrContains(message, "it controls 1 active pods, 1 ready"));
  // The Endpoints still list the removed pod too.
  CHECK(Has(v, "endpoints-match-pods", "Endpoints/shop/web"));
}

TEST_CASE("invariants: namespace-exists names objects left in a removed namespace") {
  World world = TestWorld();
  Cluster cluster = ClusterFrom(kApp, world);
  Json cm = {{"apiVersion", "v1"}, {"kind", "ConfigMap"},
             {"metadata", {{"name", "left"}, {"namespace", "other"}}}};
  REQUIRE(cluster.Create(cm).ok());
  cluster.Remove(ObjectKey{"Namespace", "", "other"});
  CHECK(Named(FindViolations(cluster)) ==
        std::vector<std::string>{"namespace-exists: ConfigMap/other/left"});
}

TEST_CASE("invariants: resourceVersions that go back are refused") {
  World world = TestWorld();
  Cluster before = ClusterFrom(kApp, world);
  Cluster after = before;
  Json cm = *after.Get(ObjectKey{"ConfigMap", "shop", "settings"});
  cm["data"]["a"] = "2";
  REQUIRE(after.Update(cm).ok());
  // The step run backwards: the counter and the ConfigMap's version fall.
  std::vector<Violation> v = FindStepViolations(after, before, nullptr);
  INFO(Show(v));
  CHECK(Has(v, "counter-grows", ObjectKey{}.ToString()));
  CHECK(Has(v, "resource-version-grows", "ConfigMap/shop/settings"));
  CHECK(absl::StrContains(CheckStepInvariants(after, before, nullptr).message(),
                          "resource-version-grows: ConfigMap/shop/settings: resourceVersion went "
                          "from"));
  CHECK(FindStepViolations(before, after, nullptr).empty());
}

TEST_CASE("invariants: an object changed without a new resourceVersion is refused") {
  World world = TestWorld();
  Cluster base = ClusterFrom(kApp, world);
  // Both write the ConfigMap once from the same state: the same version for
  // different contents, as a lost update would look.
  Cluster one = base;
  Cluster two = base;
  Json cm = *base.Get(ObjectKey{"ConfigMap", "shop", "settings"});
  cm["data"]["a"] = "one";
  REQUIRE(one.Update(cm).ok());
  cm["data"]["a"] = "two";
  REQUIRE(two.Update(cm).ok());
  std::vector<Violation> v = FindStepViolations(one, two, nullptr);
  INFO(Show(v));
  CHECK(Named(v) == std::vector<std::string>{"resource-version-grows: ConfigMap/shop/settings"});
}

TEST_CASE("invariants: the journal must agree with the store") {
  World world = TestWorld();
  Cluster before = ClusterFrom(kApp, world);
  Cluster after = before;
  Json cm = *after.Get(ObjectKey{"ConfigMap", "shop", "settings"});
  cm["data"]["a"] = "2";
  REQUIRE(after.Update(cm).ok());
  std::vector<Change> journal = after.TakeJournal();
  CHECK(FindStepViolations(before, after, &journal).empty());
  // A write journaled but not in the store.
  std::vector<Violation> v = FindStepViolations(before, before, &journal);
  INFO(Show(v));
  CHECK(Named(v) == std::vector<std::string>{"journal-matches-store: ConfigMap/shop/settings"});
  // A change in the store that no write journaled.
  std::vector<Change> none;
  v = FindStepViolations(before, after, &none);
  CHECK(Named(v) == std::vector<std::string>{"store-change-journaled: ConfigMap/shop/settings"});
  // A delete journaled while the object stays.
  Cluster deleted = after;
  ObjectKey settings{"ConfigMap", "shop", "settings"};
  REQUIRE(deleted.Delete(settings, Propagation::kBackground).ok());
  std::vector<Change> deletion = deleted.TakeJournal();
  v = FindStepViolations(after, after, &deletion);
  CHECK(Named(v) == std::vector<std::string>{"journal-matches-store: ConfigMap/shop/settings"});
  CHECK(absl::StrContains(v.at(0).detail, "deletes it, but the store has it"));
}

}  // namespace
}  // namespace kreplay
