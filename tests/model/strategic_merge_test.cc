#include "model/strategic_merge.h"

#include <doctest/doctest.h>

#include "model/merge_keys.h"
#include "model/patch.h"

namespace kreplay {
namespace {

// A small Deployment: two containers, a finalizer, a rolling strategy.
const char* const kDeployment = R"({
  "apiVersion": "apps/v1", "kind": "Deployment",
  "metadata": {"name": "web", "labels": {"app": "web", "tier": "fe"},
               "finalizers": ["a"]},
  "spec": {"replicas": 2,
    "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1}},
    "template": {"spec": {
      "containers": [
        {"name": "web", "image": "nginx:1",
         "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
         "ports": [{"containerPort": 80}]},
        {"name": "side", "image": "envoy"}],
      "tolerations": [{"key": "t"}]}}}})";

struct Case {
  const char* name;
  const char* patch;
  const char* path;      // dotted path of the part to compare
  const char* expected;  // JSON of that part after the patch
};

// Expectations checked against `kubectl patch --local` (v1.32).
const Case kCases[] = {
    {"null deletes a map key", R"({"metadata":{"labels":{"tier":null}}})",
     "metadata.labels", R"({"app":"web"})"},
    {"containers merge by name", R"({"spec":{"template":{"spec":{"containers":[
       {"name":"web","image":"nginx:2"}]}}}})",
     "spec.template.spec.containers",
     R"([{"name":"web","image":"nginx:2","env":[{"name":"A","value":"1"},
          {"name":"B","value":"2"}],"ports":[{"containerPort":80}]},
         {"name":"side","image":"envoy"}])"},
    {"a new container goes before the live ones",
     R"({"spec":{"template":{"spec":{"containers":[{"name":"new","image":"x"}]}}}})",
     "spec.template.spec.containers",
     R"([{"name":"new","image":"x"},
         {"name":"web","image":"nginx:1","env":[{"name":"A","value":"1"},
          {"name":"B","value":"2"}],"ports":[{"containerPort":80}]},
         {"name":"side","image":"envoy"}])"},
    {"$patch delete removes a list element",
     R"({"spec":{"template":{"spec":{"containers":[{"name":"side","$patch":"delete"}]}}}})",
     "spec.template.spec.containers",
     R"([{"name":"web","image":"nginx:1","env":[{"name":"A","value":"1"},
          {"name":"B","value":"2"}],"ports":[{"containerPort":80}]}])"},
    {"$patch replace replaces a merge list",
     R"({"spec":{"template":{"spec":{"containers":[{"name":"x","image":"x"},{"$patch":"replace"}]}}}})",
     "spec.template.spec.containers", R"([{"name":"x","image":"x"}])"},
    {"env merges by name; new C leads, live A keeps its place before B",
     R"({"spec":{"template":{"spec":{"containers":[{"name":"web","env":[
        {"name":"C","value":"3"},{"name":"B","value":"9"}]}]}}}})",
     "spec.template.spec.containers",
     R"([{"name":"web","image":"nginx:1","env":[{"name":"C","value":"3"},
          {"name":"A","value":"1"},{"name":"B","value":"9"}],
          "ports":[{"containerPort":80}]},{"name":"side","image":"envoy"}])"},
    {"ports merge by containerPort (80.0 is another key than 80)",
     R"({"spec":{"template":{"spec":{"containers":[{"name":"web","ports":[
        {"containerPort":443}]}]}}}})",
     "spec.template.spec.containers",
     R"([{"name":"web","image":"nginx:1","env":[{"name":"A","value":"1"},
          {"name":"B","value":"2"}],"ports":[{"containerPort":443},{"containerPort":80}]},
         {"name":"side","image":"envoy"}])"},
    {"tolerations have no strategy and are replaced",
     R"({"spec":{"template":{"spec":{"tolerations":[{"key":"u"}]}}}})",
     "spec.template.spec.tolerations", R"([{"key":"u"}])"},
    {"$setElementOrder reorders",
     R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"side"},{"name":"web"}]}}}})",
     "spec.template.spec.containers",
     R"([{"name":"side","image":"envoy"},
         {"name":"web","image":"nginx:1","env":[{"name":"A","value":"1"},
          {"name":"B","value":"2"}],"ports":[{"containerPort":80}]}])"},
    {"$retainKeys clears unlisted fields",
     R"({"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}})",
     "spec.strategy", R"({"type":"Recreate"})"},
    {"$patch delete on a map leaves it empty",
     R"({"spec":{"strategy":{"$patch":"delete"}}})", "spec.strategy", "{}"},
    {"$patch replace on a map replaces it",
     R"({"spec":{"strategy":{"$patch":"replace","type":"Recreate"}}})",
     "spec.strategy", R"({"type":"Recreate"})"},
    {"finalizers merge as a set", R"({"metadata":{"finalizers":["b","a"]}})",
     "metadata.finalizers", R"(["b","a"])"},
    {"$deleteFromPrimitiveList removes from a set",
     R"({"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}})",
     "metadata.finalizers", "[]"},
    {"nulls in a new map are dropped",
     R"({"metadata":{"annotations":{"x":"1","y":null}}})", "metadata.annotations",
     R"({"x":"1"})"},
    {"a new list of only deletions becomes empty",
     R"({"spec":{"template":{"spec":{"initContainers":[{"name":"i","$patch":"delete"}]}}}})",
     "spec.template.spec.initContainers", "[]"},
};

Json At(const Json& root, const char* path) {
  const Json* node = Find(root, path);
  return node == nullptr ? Json() : *node;
}

TEST_CASE("strategic merge patch: merge keys and directives") {
  const Json object = Json::parse(kDeployment);
  for (const Case& c : kCases) {
    INFO(std::string(c.name));
    absl::StatusOr<Json> result =
        ApplyPatch(object, Json::parse(c.patch), PatchType::kStrategic);
    REQUIRE_MESSAGE(result.ok(), result.status().ToString());
    CHECK(At(*result, c.path) == Json::parse(c.expected));
  }
}

TEST_CASE("strategic merge patch: malformed directives are InvalidArgument") {
  const Json object = Json::parse(kDeployment);
  const char* const patches[] = {
      R"({"spec":{"strategy":{"$patch":"merge"}}})",
      R"({"spec":{"strategy":{"$patch":"drop"}}})",
      R"({"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":{}}}})",
      R"({"spec":{"template":{"spec":{"containers":[{"image":"no-name"}]}}}})",
      R"({"spec":{"template":{"spec":{"containers":[{"name":"web","$patch":"merge"}]}}}})",
      R"({"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"}],
          "containers":[{"name":"new"}]}}}})",
      R"({"metadata":{"finalizers":[1]}})",
      R"([1])",
  };
  for (const char* patch : patches) {
    INFO(std::string(patch));
    CHECK(ApplyPatch(object, Json::parse(patch), PatchType::kStrategic).status().code() ==
          absl::StatusCode::kInvalidArgument);
  }
}

TEST_CASE("strategic merge patch is refused for kinds without merge metadata") {
  Json widget = Json::parse(R"({"apiVersion":"example.com/v1","kind":"Widget",
                                "metadata":{"name":"w"},"spec":{"size":1}})");
  absl::StatusOr<Json> result =
      ApplyPatch(widget, Json::parse(R"({"spec":{"size":2}})"), PatchType::kStrategic);
  CHECK(result.status().code() == absl::StatusCode::kUnimplemented);
  CHECK(std::string(result.status().message()).find("unknown format") != std::string::npos);
  // A built-in kind name under a foreign group is a custom resource too.
  widget["kind"] = "Deployment";
  CHECK(ApplyPatch(widget, Json::object(), PatchType::kStrategic).status().code() ==
        absl::StatusCode::kUnimplemented);
  CHECK(ApplyPatch(widget, Json::parse(R"({"spec":{"size":2}})"), PatchType::kMerge).ok());
}

TEST_CASE("merge key table covers the documented fields") {
  struct Row { const char* type; const char* field; const char* key; };
  const Row rows[] = {
      {"PodSpec", "containers", "name"},     {"PodSpec", "initContainers", "name"},
      {"PodSpec", "volumes", "name"},        {"PodSpec", "imagePullSecrets", "name"},
      {"PodSpec", "hostAliases", "ip"},      {"PodSpec", "topologySpreadConstraints", "topologyKey"},
      {"Container", "ports", "containerPort"}, {"Container", "env", "name"},
      {"Container", "volumeMounts", "mountPath"}, {"Container", "volumeDevices", "devicePath"},
      {"ServiceSpec", "ports", "port"},      {"ServiceAccount", "secrets", "name"},
      {"DeploymentStatus", "conditions", "type"}, {"ObjectMeta", "ownerReferences", "uid"},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.field));
    const FieldMeta* meta = LookupField(row.type, row.field);
    REQUIRE(meta != nullptr);
    CHECK(meta->merge);
    CHECK(std::string(meta->merge_key) == row.key);
  }
  CHECK(LookupField("PodSpec", "tolerations") == nullptr);
  CHECK(LookupField("DeploymentSpec", "strategy")->retain_keys);
  CHECK(LookupField("ObjectMeta", "finalizers")->list_type == ListType::kSet);
  CHECK(RootSchemaType("Deployment", "apps/v1") == "Deployment");
  CHECK(RootSchemaType("Deployment", "example.com/v1").empty());
}

}  // namespace
}  // namespace kreplay
