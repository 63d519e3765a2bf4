#include "model/server_side_apply.h"

#include <doctest/doctest.h>

#include "model/managed_fields.h"

namespace kreplay {
namespace {

const char* const kManifest = R"({
  "apiVersion": "apps/v1", "kind": "Deployment",
  "metadata": {"name": "web", "namespace": "shop", "labels": {"app": "web"}},
  "spec": {"replicas": 3,
    "selector": {"matchLabels": {"app": "web"}},
    "template": {"metadata": {"labels": {"app": "web"}},
      "spec": {"containers": [{"name": "web", "image": "nginx:1",
        "ports": [{"containerPort": 80}],
        "readinessProbe": {"httpGet": {"path": "/", "port": 80}}}]}}}})";

SsaOptions Options(const char* manager, bool force = false,
                   const char* time = "2024-06-11T10:00:00Z") {
  return SsaOptions{manager, force, time};
}

Json Apply(const Json* live, const Json& manifest, const SsaOptions& options) {
  absl::StatusOr<Json> result = ServerSideApply(live, manifest, options);
  REQUIRE_MESSAGE(result.ok(), result.status().ToString());
  return *result;
}

const ManagedEntry* Entry(const std::vector<ManagedEntry>& entries,
                          const std::string& manager) {
  for (const ManagedEntry& entry : entries) {
    if (entry.manager == manager) return &entry;
  }
  return nullptr;
}

TEST_CASE("server-side apply: creation records the applied fields as FieldsV1") {
  Json created = Apply(nullptr, Json::parse(kManifest), Options("mcp"));
  Json expected_fields = Json::parse(R"({
    "f:metadata": {"f:labels": {"f:app": {}}},
    "f:spec": {"f:replicas": {}, "f:selector": {},
      "f:template": {"f:metadata": {"f:labels": {"f:app": {}}},
        "f:spec": {"f:containers": {"k:{\"name\":\"web\"}": {".": {},
          "f:image": {}, "f:name": {},
          "f:ports": {"k:{\"containerPort\":80,\"protocol\":\"TCP\"}": {".": {},
            "f:containerPort": {}}},
          "f:readinessProbe": {"f:httpGet": {"f:path": {}, "f:port": {}}}}}}}}})");
  Json expected_entry = {{"apiVersion", "apps/v1"}, {"fieldsType", "FieldsV1"},
                         {"fieldsV1", expected_fields}, {"manager", "mcp"},
                         {"operation", "Apply"}, {"time", "2024-06-11T10:00:00Z"}};
  CHECK(created["metadata"]["managedFields"] == Json::array({expected_entry}));
  Json content = created;
  content["metadata"].erase("managedFields");
  CHECK(content == Json::parse(kManifest));
}

TEST_CASE("server-side apply: another manager's different value conflicts") {
  Json live = Apply(nullptr, Json::parse(kManifest), Options("mcp"));
  Json scaled = live;
  scaled["spec"]["replicas"] = 5;  // kubectl scale: an Update by "kubectl"
  RecordUpdate(&live, scaled, "kubectl", "2024-06-11T10:05:00Z");
  std::vector<ManagedEntry> entries = ReadManagedFields(scaled);
  const ManagedEntry* kubectl = Entry(entries, "kubectl");
  REQUIRE(kubectl != nullptr);
  CHECK(kubectl->operation == "Update");
  CHECK(kubectl->fields.ToFieldsV1() == Json::parse(R"({"f:spec":{"f:replicas":{}}})"));
  // The update took replicas from the applier.
  CHECK_FALSE(Entry(ReadManagedFields(scaled), "mcp")->fields.Has({"f:spec", "f:replicas"}));

  absl::StatusOr<Json> again = ServerSideApply(&scaled, Json::parse(kManifest), Options("mcp"));
  CHECK(again.status().code() == absl::StatusCode::kAborted);
  CHECK(again.status().message() ==
        "Apply failed with 1 conflict: conflict with \"kubectl\" using apps/v1: .spec.replicas");

  SUBCASE("force takes the field back") {
    Json forced = Apply(&scaled, Json::parse(kManifest), Options("mcp", true));
    CHECK(forced["spec"]["replicas"] == 3);
    std::vector<ManagedEntry> after_force = ReadManagedFields(forced);
    CHECK(Entry(after_force, "kubectl") == nullptr);  // owned nothing more
    CHECK(Entry(after_force, "mcp")->fields.Has({"f:spec", "f:replicas"}));
  }
  SUBCASE("an apply that omits the field leaves it to its owner") {
    Json manifest = Json::parse(kManifest);
    manifest["spec"].erase("replicas");
    Json applied = Apply(&scaled, manifest, Options("mcp"));
    CHECK(applied["spec"]["replicas"] == 5);
  }
}

TEST_CASE("server-side apply: the same value is shared ownership") {
  Json live = Apply(nullptr, Json::parse(kManifest), Options("mcp"));
  Json shared = Apply(&live, Json::parse(kManifest), Options("helm"));
  std::vector<ManagedEntry> entries = ReadManagedFields(shared);
  CHECK(Entry(entries, "mcp")->fields == Entry(entries, "helm")->fields);
  // mcp now drops ports and probe: helm still owns them, so they stay.
  Json narrower = Json::parse(kManifest);
  Json& container = narrower["spec"]["template"]["spec"]["containers"][0];
  container.erase("ports");
  container.erase("readinessProbe");
  Json applied = Apply(&shared, narrower, Options("mcp"));
  CHECK(applied["spec"]["template"]["spec"]["containers"][0].contains("ports"));
  CHECK_FALSE(Entry(ReadManagedFields(applied), "mcp")
                  ->fields.Has({"f:spec", "f:template", "f:spec", "f:containers",
                                "k:{\"name\":\"web\"}", "f:readinessProbe", "f:httpGet",
                                "f:path"}));
}

TEST_CASE("server-side apply: fields the manager stops applying are removed") {
  Json live = Apply(nullptr, Json::parse(kManifest), Options("kubernetes-mcp-server"));
  Json narrower = Json::parse(kManifest);
  Json& container = narrower["spec"]["template"]["spec"]["containers"][0];
  container.erase("ports");
  container.erase("readinessProbe");
  narrower["metadata"].erase("labels");
  Json applied = Apply(&live, narrower, Options("kubernetes-mcp-server", true));
  CHECK(applied["spec"]["template"]["spec"]["containers"] ==
        Json::parse(R"([{"name":"web","image":"nginx:1"}])"));
  CHECK_FALSE(applied["metadata"].contains("labels"));
  CHECK(applied["spec"]["replicas"] == 3);
}

TEST_CASE("server-side apply: a struct the manager stops applying goes with its defaults") {
  // The API server stored the applied probe with its defaults, which no
  // manager owns; dropping the probe from the configuration removes it whole
  // (structured-merge-diff prunes named fields as members), while a probe
  // the manager still applies keeps its defaults.
  Json live = Apply(nullptr, Json::parse(kManifest), Options("kubernetes-mcp-server"));
  Json& stored = live["spec"]["template"]["spec"]["containers"][0];
  stored["readinessProbe"].update(Json::parse(
      R"({"timeoutSeconds": 1, "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3})"));
  stored["readinessProbe"]["httpGet"]["scheme"] = "HTTP";

  Json same = Apply(&live, Json::parse(kManifest), Options("kubernetes-mcp-server"));
  CHECK(same["spec"]["template"]["spec"]["containers"][0]["readinessProbe"] == stored["readinessProbe"]);

  Json narrower = Json::parse(kManifest);
  narrower["spec"]["template"]["spec"]["containers"][0].erase("readinessProbe");
  Json applied = Apply(&live, narrower, Options("kubernetes-mcp-server"));
  CHECK_FALSE(applied["spec"]["template"]["spec"]["containers"][0].contains("readinessProbe"));

  Json path_only = Json::parse(kManifest);
  path_only["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"].erase("path");
  Json kept = Apply(&live, path_only, Options("kubernetes-mcp-server"));
  CHECK(kept["spec"]["template"]["spec"]["containers"][0]["readinessProbe"] ==
        Json::parse(R"({"httpGet": {"port": 80, "scheme": "HTTP"}, "timeoutSeconds": 1,
                        "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3})"));
}

TEST_CASE("server-side apply: an object nobody applied belongs to before-first-apply") {
  Json live = Json::parse(kManifest);  // e.g. a fixture object, no managedFields
  Json manifest = Json::parse(kManifest);
  manifest["spec"]["template"]["spec"]["containers"][0]["image"] = "nginx:2";
  absl::StatusOr<Json> result = ServerSideApply(&live, manifest, Options("mcp"));
  CHECK(result.status().code() == absl::StatusCode::kAborted);
  CHECK(result.status().message() ==
        "Apply failed with 1 conflict: conflict with \"before-first-apply\" using apps/v1: "
        ".spec.template.spec.containers[name=\"web\"].image");
  // The same values do not conflict.
  CHECK(ServerSideApply(&live, Json::parse(kManifest), Options("mcp")).ok());
}

TEST_CASE("server-side apply: several conflicts are listed per manager") {
  Json live = Apply(nullptr, Json::parse(kManifest), Options("a"));
  Json manifest = Json::parse(kManifest);
  manifest["spec"]["replicas"] = 7;
  manifest["spec"]["template"]["spec"]["containers"][0]["image"] = "nginx:9";
  absl::StatusOr<Json> result = ServerSideApply(&live, manifest, Options("b"));
  CHECK(result.status().code() == absl::StatusCode::kAborted);
  CHECK(result.status().message() ==
        "Apply failed with 2 conflicts: conflicts with \"a\"\n- .spec.replicas\n"
        "- .spec.template.spec.containers[name=\"web\"].image");
}

TEST_CASE("server-side apply: list maps merge by key, sets by value") {
  Json live = Apply(nullptr, Json::parse(kManifest), Options("a"));
  Json sidecar = Json::parse(R"({"apiVersion":"apps/v1","kind":"Deployment",
      "metadata":{"name":"web","namespace":"shop","finalizers":["x"]},
      "spec":{"template":{"spec":{"containers":[{"name":"proxy","image":"envoy"}]}}}})");
  Json applied = Apply(&live, sidecar, Options("b"));
  const Json& containers = applied["spec"]["template"]["spec"]["containers"];
  REQUIRE(containers.size() == 2);
  CHECK(containers[0]["name"] == "web");
  CHECK(containers[1]["name"] == "proxy");
  CHECK(applied["metadata"]["finalizers"] == Json::parse(R"(["x"])"));
  CHECK(Entry(ReadManagedFields(applied), "b")->fields.Has({"f:metadata", "f:finalizers", "v:\"x\""}));
}

TEST_CASE("server-side apply: refuses an empty manager and duplicate items") {
  CHECK(ServerSideApply(nullptr, Json::parse(kManifest), Options("")).status().code() ==
        absl::StatusCode::kInvalidArgument);
  Json manifest = Json::parse(kManifest);
  Json& containers = manifest["spec"]["template"]["spec"]["containers"];
  containers.push_back(containers[0]);
  Json live = Apply(nullptr, Json::parse(kManifest), Options("a"));
  CHECK(ServerSideApply(&live, manifest, Options("a")).status().code() ==
        absl::StatusCode::kInvalidArgument);
}

TEST_CASE("RecordUpdate: creates track, untracked objects stay untracked") {
  Json created = Json::parse(kManifest);
  RecordUpdate(nullptr, created, "kubectl-create", "t0");
  std::vector<ManagedEntry> entries = ReadManagedFields(created);
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].operation == "Update");
  CHECK(entries[0].fields.Has({"f:spec", "f:replicas"}));
  Json untracked = Json::parse(kManifest);
  Json edited = untracked;
  edited["spec"]["replicas"] = 1;
  RecordUpdate(&untracked, edited, "kubectl-edit", "t1");
  CHECK_FALSE(edited["metadata"].contains("managedFields"));
  Json same = created;
  RecordUpdate(&created, same, "other", "t2");
  CHECK(same == created);
}

}  // namespace
}  // namespace kreplay
