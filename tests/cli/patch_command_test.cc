// `kreplay patch`: kubectl patch --local's output, and kreplay's exit codes.
// The expected texts were printed by `kubectl patch --local` (v1.32).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "tests/cli/cli_test_util.h"

#include "absl/strings/match.h"
#include "cli/command.h"

namespace kreplay {
namespace {

std::string WriteTemp(const std::string& name, const std::string& text) {
  return WriteTempFile("kreplay_patch_test_" + name, text);
}

constexpr char kTwoConfigMaps[] = R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: a
  annotations:
    note: "<b>&"
data:
  x: "1"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: b
)";

TEST_CASE("kreplay patch -o json prints what kubectl prints") {
  std::string file = WriteTemp("two.yaml", kTwoConfigMaps);
  Outcome run = Kreplay({"patch", "-f", file, "-p", R"({"data":{"y":"2"}})", "-o", "json"});
  CHECK(run.code == 0);
  CHECK(run.err.empty());
  CHECK(run.out ==
        "{\n"
        "    \"apiVersion\": \"v1\",\n"
        "    \"data\": {\n"
        "        \"x\": \"1\",\n"
        "        \"y\": \"2\"\n"
        "    },\n"
        "    \"kind\": \"ConfigMap\",\n"
        "    \"metadata\": {\n"
        "        \"annotations\": {\n"
        "            \"note\": \"\\u003cb\\u003e\\u0026\"\n"
        "        },\n"
        "        \"name\": \"a\"\n"
        "    }\n"
        "}\n"
        "{\n"
        "    \"apiVersion\": \"v1\",\n"
        "    \"data\": {\n"
        "        \"y\": \"2\"\n"
        "    },\n"
        "    \"kind\": \"ConfigMap\",\n"
        "    \"metadata\": {\n"
        "        \"name\": \"b\"\n"
        "    }\n"
        "}\n");
}

TEST_CASE("kreplay patch -o yaml, -o name and the default summary") {
  std::string file = WriteTemp("two.yaml", kTwoConfigMaps);
  Outcome yaml = Kreplay({"patch", "-f", file, "--type", "merge", "-p", "data: {y: '2'}",
                      "-o", "yaml"});
  CHECK(yaml.code == 0);
  // The patch is YAML 1.1, as kubectl reads it: the key `y` is the boolean
  // true, which becomes the string key "true" (kubectl v1.32 prints the same).
  CHECK(absl::StartsWith(yaml.out, "apiVersion: v1\ndata:\n  \"true\": \"2\"\n  x: \"1\"\n"));
  Outcome name = Kreplay({"patch", "-f", file, "-p", "{}", "-o", "name"});
  CHECK(name.out == "configmap/a\nconfigmap/b\n");
  Outcome summary = Kreplay({"patch", "--local", "-f", file, "-p", R"({"data":{"x":"1"}})"});
  CHECK(summary.out == "configmap/a patched (no change)\nconfigmap/b patched\n");
}

TEST_CASE("kreplay patch reports a failing object and patches the others") {
  std::string file = WriteTemp("two.yaml", kTwoConfigMaps);
  Outcome run = Kreplay({"patch", "-f", file, "--type", "json", "-p",
                     R"([{"op":"remove","path":"/data"}])", "-o", "name"});
  CHECK(run.code == kExitDataError);
  CHECK(run.out == "configmap/a\n");
  CHECK(absl::StrContains(run.err, "configmap/b: error in remove for path: '/data'"));
}

TEST_CASE("kreplay patch exit codes") {
  std::string file = WriteTemp("two.yaml", kTwoConfigMaps);
  std::string bad = WriteTemp("bad.yaml", "kind: ConfigMap\nmetadata: [\n");
  std::string crd = WriteTemp("crd.yaml",
                              "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n");
  CHECK(Kreplay({"patch", "-f", "/no/such/file.yaml", "-p", "{}"}).code == kExitNoInput);
  CHECK(Kreplay({"patch", "-f", file, "--patch-file", "/no/such/patch"}).code == kExitNoInput);
  Outcome syntax = Kreplay({"patch", "-f", bad, "-p", "{}"});
  CHECK(syntax.code == kExitDataError);
  CHECK(absl::StrContains(syntax.err, "bad.yaml:"));
  CHECK(Kreplay({"patch", "-f", file, "-p", "{bad"}).code == kExitDataError);
  Outcome refused = Kreplay({"patch", "-f", crd, "-p", R"({"spec":{"a":1}})"});
  CHECK(refused.code == kExitDataError);
  CHECK(absl::StrContains(refused.err, "unknown format"));
  CHECK(Kreplay({"patch", "-f", crd, "--type", "merge", "-p", R"({"spec":{"a":1}})"}).code == 0);
  CHECK(Kreplay({"patch", "-f", file}).code == kExitUsage);
  CHECK(Kreplay({"patch", "-f", file, "-p", "{}", "--patch-file", file}).code == kExitUsage);
  CHECK(Kreplay({"patch", "-f", file, "-p", "{}", "--type", "apply"}).code == kExitUsage);
}

}  // namespace
}  // namespace kreplay
