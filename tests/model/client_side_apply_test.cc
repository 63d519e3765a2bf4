#include "model/client_side_apply.h"

#include <doctest/doctest.h>

#include "model/strategic_diff.h"

namespace kreplay {
namespace {

// The first apply of the kubernetes.io "declarative management" example.
const char* const kFirstManifest = R"({
  "apiVersion": "apps/v1", "kind": "Deployment",
  "metadata": {"name": "web", "namespace": "default"},
  "spec": {"minReadySeconds": 5,
    "selector": {"matchLabels": {"app": "nginx"}},
    "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1}},
    "template": {"metadata": {"labels": {"app": "nginx"}},
      "spec": {"containers": [
        {"name": "nginx", "image": "nginx:1.14.2",
         "ports": [{"containerPort": 80}],
         "readinessProbe": {"httpGet": {"path": "/", "port": 80}}},
        {"name": "side", "image": "envoy"}]}}}})";

// The second apply: new image, minReadySeconds, ports, probe and the
// sidecar dropped, strategy switched to Recreate.
const char* const kSecondManifest = R"({
  "apiVersion": "apps/v1", "kind": "Deployment",
  "metadata": {"name": "web", "namespace": "default"},
  "spec": {"selector": {"matchLabels": {"app": "nginx"}},
    "strategy": {"type": "Recreate"},
    "template": {"metadata": {"labels": {"app": "nginx"}},
      "spec": {"containers": [{"name": "nginx", "image": "nginx:1.16.1"}]}}}})";

Json Created() {
  absl::StatusOr<Json> created = ClientSideApply(nullptr, Json::parse(kFirstManifest));
  REQUIRE(created.ok());
  return *created;
}

// The live object after others touched it: `kubectl scale` set replicas, a
// webhook injected a container, an operator added a label.
Json TouchedByOthers() {
  Json live = Created();
  live["spec"]["replicas"] = 4;
  live["spec"]["template"]["spec"]["containers"].push_back(
      {{"name", "injected"}, {"image", "proxy"}});
  live["metadata"]["labels"] = {{"owner", "ops"}};
  return live;
}

TEST_CASE("client-side apply: creation records the last-applied annotation") {
  Json created = Created();
  CHECK(created["metadata"]["annotations"][kLastAppliedAnnotation] ==
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{"
        "\"annotations\":{},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{"
        "\"minReadySeconds\":5,\"selector\":{\"matchLabels\":{\"app\":\"nginx\"}},"
        "\"strategy\":{\"rollingUpdate\":{\"maxSurge\":1},\"type\":\"RollingUpdate\"},"
        "\"template\":{\"metadata\":{\"labels\":{\"app\":\"nginx\"}},\"spec\":{"
        "\"containers\":[{\"image\":\"nginx:1.14.2\",\"name\":\"nginx\",\"ports\":"
        "[{\"containerPort\":80}],\"readinessProbe\":{\"httpGet\":{\"path\":\"/\","
        "\"port\":80}}},{\"image\":\"envoy\",\"name\":\"side\"}]}}}}\n");
  Json without = created;
  without["metadata"].erase("annotations");
  CHECK(without == Json::parse(kFirstManifest));
}

TEST_CASE("client-side apply: the annotation is written as Go writes JSON") {
  Json manifest = Json::parse(R"({"apiVersion":"v1","kind":"ConfigMap",
      "metadata":{"name":"c","annotations":{"note":"a<b>&c"}},"data":{"x":"1"}})");
  CHECK(LastAppliedConfiguration(manifest) ==
        "{\"apiVersion\":\"v1\",\"data\":{\"x\":\"1\"},\"kind\":\"ConfigMap\","
        "\"metadata\":{\"annotations\":{\"note\":\"a\\u003cb\\u003e\\u0026c\"},"
        "\"name\":\"c\"}}\n");
}

TEST_CASE("client-side apply: three-way merge deletes dropped fields, keeps others'") {
  Json live = TouchedByOthers();
  absl::StatusOr<Json> applied = ClientSideApply(&live, Json::parse(kSecondManifest));
  REQUIRE(applied.ok());
  const Json& spec = (*applied)["spec"];
  CHECK_FALSE(spec.contains("minReadySeconds"));  // dropped from the manifest
  CHECK(spec["replicas"] == 4);                     // never in last-applied
  CHECK((*applied)["metadata"]["labels"]["owner"] == "ops");
  CHECK(spec["strategy"] == Json::parse(R"({"type":"Recreate"})"));  // $retainKeys
  CHECK(spec["template"]["spec"]["containers"] == Json::parse(R"([
      {"name":"nginx","image":"nginx:1.16.1"},
      {"name":"injected","image":"proxy"}])"));  // ports, probe and sidecar gone
  Json annotation = Json::parse(
      (*applied)["metadata"]["annotations"][kLastAppliedAnnotation].get<std::string>());
  annotation["metadata"].erase("annotations");
  CHECK(annotation == Json::parse(kSecondManifest));
}

TEST_CASE("client-side apply: the patch kubectl would send") {
  Json live = TouchedByOthers();
  Json original = Json::parse(
      live["metadata"]["annotations"][kLastAppliedAnnotation].get<std::string>());
  Json modified = Json::parse(kSecondManifest);
  modified["metadata"]["annotations"][kLastAppliedAnnotation] =
      LastAppliedConfiguration(modified);
  absl::StatusOr<Json> patch =
      CreateThreeWayMergePatch(original, modified, live, "Deployment");
  REQUIRE(patch.ok());
  Json expected = Json::parse(R"({"spec":{"minReadySeconds":null,
      "strategy":{"$retainKeys":["type"],"rollingUpdate":null,"type":"Recreate"},
      "template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],
        "containers":[{"image":"nginx:1.16.1","name":"nginx","ports":null,
                       "readinessProbe":null},
                      {"$patch":"delete","name":"side"}]}}}})");
  expected["metadata"]["annotations"][kLastAppliedAnnotation] =
      modified["metadata"]["annotations"][kLastAppliedAnnotation];
  CHECK(*patch == expected);
}

TEST_CASE("client-side apply: without last-applied nothing is deleted") {
  Json live = Json::parse(kFirstManifest);  // made by `kubectl create`
  absl::StatusOr<Json> applied = ClientSideApply(&live, Json::parse(kSecondManifest));
  REQUIRE(applied.ok());
  CHECK((*applied)["spec"]["minReadySeconds"] == 5);
  CHECK((*applied)["spec"]["template"]["spec"]["containers"].size() == 2);
  CHECK((*applied)["spec"]["template"]["spec"]["containers"][0]["image"] ==
        "nginx:1.16.1");
  CHECK((*applied)["metadata"]["annotations"].contains(kLastAppliedAnnotation));
}

TEST_CASE("client-side apply: an unchanged manifest changes nothing") {
  Json live = Created();
  absl::StatusOr<Json> applied = ClientSideApply(&live, Json::parse(kFirstManifest));
  REQUIRE(applied.ok());
  CHECK(*applied == live);
}

TEST_CASE("client-side apply: set lists delete removed members") {
  Json first = Json::parse(R"({"apiVersion":"v1","kind":"ConfigMap",
      "metadata":{"name":"c","finalizers":["a","b"]},"data":{"k":"v"}})");
  Json live = *ClientSideApply(nullptr, first);
  live["metadata"]["finalizers"].push_back("others");
  Json second = first;
  second["metadata"]["finalizers"] = {"b"};
  absl::StatusOr<Json> applied = ClientSideApply(&live, second);
  REQUIRE(applied.ok());
  CHECK((*applied)["metadata"]["finalizers"] == Json::parse(R"(["b","others"])"));
}

TEST_CASE("client-side apply: custom resources get a three-way JSON merge patch") {
  Json first = Json::parse(R"({"apiVersion":"example.com/v1","kind":"Widget",
      "metadata":{"name":"w"},"spec":{"size":1,"color":"red","items":[1,2]}})");
  Json live = *ClientSideApply(nullptr, first);
  live["spec"]["owner"] = "controller";
  Json second = Json::parse(R"({"apiVersion":"example.com/v1","kind":"Widget",
      "metadata":{"name":"w"},"spec":{"size":2,"items":[3]}})");
  absl::StatusOr<Json> applied = ClientSideApply(&live, second);
  REQUIRE(applied.ok());
  CHECK((*applied)["spec"] == Json::parse(R"({"size":2,"items":[3],"owner":"controller"})"));
}

TEST_CASE("client-side apply: a corrupt annotation is refused") {
  Json live = Created();
  live["metadata"]["annotations"][kLastAppliedAnnotation] = "{not json";
  CHECK(ClientSideApply(&live, Json::parse(kSecondManifest)).status().code() ==
        absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kreplay
