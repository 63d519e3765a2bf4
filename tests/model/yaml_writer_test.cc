#include "model/yaml_writer.h"

#include <limits>
#include <string>

#include <doctest/doctest.h>

#include "model/manifest.h"

namespace kreplay {
namespace {

TEST_CASE("yaml writer: block layout in kubectl's style, keys sorted") {
  const Json deployment = Json::parse(R"({
    "kind": "Deployment", "apiVersion": "apps/v1",
    "metadata": {"name": "web", "labels": {"app": "web"}, "annotations": {}},
    "spec": {"replicas": 2, "paused": false, "template": {"spec": {
      "containers": [{"name": "app", "image": "nginx:1.25", "ports": [{"containerPort": 80}],
                      "args": ["--flag", "yes"], "command": []}],
      "matrix": [[1, 2], []]}}}})");
  CHECK(ToYaml(deployment) == R"(apiVersion: apps/v1
kind: Deployment
metadata:
  annotations: {}
  labels:
    app: web
  name: web
spec:
  paused: false
  replicas: 2
  template:
    spec:
      containers:
      - args:
        - --flag
        - "yes"
        command: []
        image: nginx:1.25
        name: app
        ports:
        - containerPort: 80
      matrix:
      - - 1
        - 2
      - []
)");
}

TEST_CASE("yaml writer: strings are quoted when YAML 1.1 would read something else") {
  struct Case { std::string text, yaml; };
  const Case cases[] = {
      {"web", "web"}, {"nginx:1.25", "nginx:1.25"}, {"http://x/y", "http://x/y"},
      {"a b", "a b"}, {"ünïcode", "ünïcode"}, {"0x", "0x"}, {"v1.10", "v1.10"},
      {"yes", "\"yes\""}, {"No", "\"No\""}, {"on", "\"on\""}, {"y", "\"y\""},
      {"true", "\"true\""}, {"null", "\"null\""}, {"~", "\"~\""}, {"", "\"\""},
      {"0644", "\"0644\""}, {"1.10", "\"1.10\""}, {"1e3", "\"1e3\""}, {".5", "\".5\""},
      {"1_000", "\"1_000\""}, {".inf", "\".inf\""}, {"-.inf", "\"-.inf\""},
      {"2024-01-02", "\"2024-01-02\""}, {"1:30", "\"1:30\""},
      {" lead", "\" lead\""}, {"trail ", "\"trail \""}, {"a: b", "\"a: b\""},
      {"a #b", "\"a #b\""}, {"key:", "\"key:\""}, {"#c", "\"#c\""}, {"- x", "\"- x\""},
      {"*x", "\"*x\""}, {"&x", "\"&x\""}, {"!x", "\"!x\""}, {"|", "\"|\""}, {"> x", "\"> x\""},
      {"@x", "\"@x\""}, {"`x", "\"`x\""}, {"%x", "\"%x\""}, {"<<", "\"<<\""},
      {"[x", "\"[x\""}, {"{x", "\"{x\""}, {",x", "\",x\""}, {"...", "\"...\""},
      {"say \"hi\"", "say \"hi\""}, {"'s'", "\"'s'\""}, {"\"q\"", "\"\\\"q\\\"\""},
      {"tab\there", "\"tab\\there\""}, {std::string("nul\0x", 5), "\"nul\\x00x\""},
      {"back\\slash", "back\\slash"}, {"--flag", "--flag"}, {"-x", "-x"}, {"-", "\"-\""},
      {"---", "\"---\""}, {"-1", "\"-1\""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(ToYaml(Json(c.text)) == c.yaml + "\n");
  }
}

TEST_CASE("yaml writer: multi-line strings become literal blocks when exact") {
  CHECK(ToYaml(Json::parse(R"({"script": "set -e\necho hi\n\nexit 0\n"})")) ==
        "script: |\n  set -e\n  echo hi\n\n  exit 0\n");
  CHECK(ToYaml(Json::parse(R"({"a": ["x\ny"]})")) == "a:\n- |-\n  x\n  y\n");
  CHECK(ToYaml(Json::parse(R"({"k": "two\n\n"})")) == "k: \"two\\n\\n\"\n");
  CHECK(ToYaml(Json::parse(R"({"k": " lead\nx"})")) == "k: \" lead\\nx\"\n");
  CHECK(ToYaml(Json::parse(R"({"k": "trail \nx"})")) == "k: \"trail \\nx\"\n");
}

TEST_CASE("yaml writer: output reads back as the same value") {
  const Json values[] = {
      Json::parse(R"({"apiVersion": "v1", "kind": "ConfigMap", "data": {
        "yes": "yes", "no": "NO", "on": "on", "mode": "0644", "version": "1.10", "empty": "",
        "nul": "null", "tilde": "~", "lead": " x", "trail": "x ", "colon": "a: b",
        "hash": "a #b", "dash": "- a", "merge": "<<", "date": "2024-01-02", "time": "12:30",
        "quote": "\"", "apos": "'", "backslash": "\\", "ctrl": "\u0001\u007f", "tab": "\t",
        "multi": "line one\nline two\n", "strip": "a\nb", "keep": "a\n\n\n", "crlf": "a\r\nb",
        "hex": "0x1F", "float": "6.02e23", "inf": ".inf", "unicode": "héllo wörld",
        "script": "#!/bin/sh\n  indented: yes\n- not a list\n"}})"),
      Json::parse(R"({"numbers": [0, -1, 42, 1.5, -0.25, 1e300, 2.5e-10, 18446744073709551615,
        -9223372036854775808, 9223372036854775807], "flags": [true, false, null],
        "empty": {"map": {}, "list": [], "string": ""},
        "keys": {"yes": 1, "1": 2, "": 3, "a: b": 4, " sp": 5, "null": 6, "<<": 7, "1.5": 8},
        "nested": [[["deep"]], [{"a": [{"b": {}}]}]]})"),
      Json("top-level string"), Json("yes"), Json(3), Json(nullptr), Json::array(), Json::object(),
      Json("multi\nline"),
  };
  for (const Json& value : values) {
    const std::string yaml = ToYaml(value);
    CAPTURE(yaml);
    absl::StatusOr<std::vector<Json>> back = ParseYamlStream(yaml, "roundtrip.yaml");
    REQUIRE(back.ok());
    if (value.is_null()) {
      CHECK(back->empty());
      continue;
    }
    REQUIRE(back->size() == 1);
    CHECK((*back)[0] == value);
  }
}

TEST_CASE("yaml writer: integral floats read back as integers, non-finite as YAML words") {
  CHECK(ToYaml(Json(3.0)) == "3.0\n");
  absl::StatusOr<Json> back = ParseJsonOrYaml(ToYaml(Json(3.0)), "f");
  REQUIRE(back.ok());
  CHECK(back->is_number_integer());
  CHECK(ToYaml(Json(std::numeric_limits<double>::infinity())) == ".inf\n");
  CHECK(ToYaml(Json(std::nan(""))) == ".nan\n");
}

}  // namespace
}  // namespace kreplay
