#include "model/jsonpath.h"

#include <string>

#include <doctest/doctest.h>

namespace kreplay {
namespace {

// A Deployment, a ConfigMap with a dotted key and Endpoints, as the
// verifiers of evidra-bench's scenarios read them with kubectl.
const Json kObject = Json::parse(R"({
  "spec": {"replicas": 2, "paused": false,
           "template": {"spec": {"containers": [
             {"name": "sidecar", "image": "busybox:1.36"},
             {"name": "nginx", "image": "nginx:1.27-alpine", "ports": [{"containerPort": 80}]}]}}},
  "status": {"readyReplicas": 2},
  "data": {"nginx.conf": "server {\n}\n", "mode": "good"},
  "subsets": [{"addresses": [{"ip": "10.0.0.1"}, {"ip": "10.0.0.2"}]},
              {"addresses": [{"ip": "10.0.0.3"}]}],
  "metadata": {"labels": {"app": "web"}}
})");

std::string Eval(const std::string& tmpl) {
  absl::StatusOr<std::string> out = EvaluateJsonPath(tmpl, kObject);
  REQUIRE_MESSAGE(out.ok(), out.status().message());
  return *out;
}

TEST_CASE("jsonpath: fields, literal text, escaped dots, indexes") {
  CHECK(Eval("{.status.readyReplicas}/{.spec.replicas}") == "2/2");
  CHECK(Eval("{.data.nginx\\.conf}") == "server {\n}\n");
  CHECK(Eval("{['data']['nginx.conf']}") == "server {\n}\n");
  CHECK(Eval("{.spec.template.spec.containers[1].image}") == "nginx:1.27-alpine");
  CHECK(Eval("{.spec.template.spec.containers[-1].name}") == "nginx");
  CHECK(Eval("{$.data.mode}") == "good");
  CHECK(Eval("{.spec.paused}") == "false");
  CHECK(Eval("{.metadata.labels}") == R"({"app":"web"})");
  CHECK(Eval("{\"literal\"}-{.data.mode}") == "literal-good");
}

TEST_CASE("jsonpath: a missing field prints nothing, as kubectl get allows missing keys") {
  CHECK(Eval("{.status.unavailableReplicas}") == "");
  CHECK(Eval("[{.spec.template.spec.containers[5].image}]") == "[]");
  CHECK(Eval("{.data.mode.deeper}") == "");
}

TEST_CASE("jsonpath: wildcards, filters and range") {
  CHECK(Eval("{.subsets[*].addresses[*].ip}") == "10.0.0.1 10.0.0.2 10.0.0.3");
  CHECK(Eval("{range .subsets[*].addresses[*]}x{end}") == "xxx");
  CHECK(Eval("{range .spec.template.spec.containers[*]}{.name}={.image};{end}") ==
        "sidecar=busybox:1.36;nginx=nginx:1.27-alpine;");
  CHECK(Eval("{.spec.template.spec.containers[?(@.name==\"nginx\")].image}") ==
        "nginx:1.27-alpine");
  CHECK(Eval("{.spec.template.spec.containers[?(@.name!='nginx')].name}") == "sidecar");
  CHECK(Eval("{.spec.template.spec.containers[?(@.ports[0].containerPort==80)].name}") ==
        "nginx");
  CHECK(Eval("{.data.*}").size() > 0);
}

TEST_CASE("jsonpath: what kreplay cannot read is an error naming the offset") {
  for (const char* bad : {"{.spec", "{range .subsets[*]}x", "{end}", "{..image}",
                          "{.items[1:2]}", "{.a[?(@.x>1)]}", "{.a['unterminated]}"}) {
    CAPTURE(bad);
    absl::StatusOr<std::string> out = EvaluateJsonPath(bad, kObject);
    REQUIRE_FALSE(out.ok());
    CHECK(out.status().code() == absl::StatusCode::kInvalidArgument);
    CHECK(std::string(out.status().message()).find("jsonpath: at offset") == 0);
  }
}

}  // namespace
}  // namespace kreplay
