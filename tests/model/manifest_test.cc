#include "model/manifest.h"

#include <string>

#include <doctest/doctest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/match.h"

namespace kreplay {
namespace {

// The single value of `v: <scalar>`, rendered compactly so that 1 and 1.0,
// "1" and 1 differ.
std::string ValueOf(const std::string& scalar) {
  absl::StatusOr<Json> doc = ParseJsonOrYaml(absl::StrCat("v: ", scalar, "\n"), "t.yaml");
  if (!doc.ok()) return std::string(doc.status().message());
  return doc->at("v").dump();
}

std::string ErrorOf(absl::string_view text, absl::string_view source = "x.yaml") {
  absl::StatusOr<std::vector<Json>> docs = ParseManifests(text, source);
  if (docs.ok()) return "no error";
  CHECK(absl::IsInvalidArgument(docs.status()));
  return std::string(docs.status().message());
}

TEST_CASE("manifest: YAML 1.1 scalars resolve as sigs.k8s.io/yaml does") {
  struct Case { std::string yaml, json; };
  const Case cases[] = {
      // Booleans: YAML 1.1 words, only in these three spellings.
      {"yes", "true"}, {"Yes", "true"}, {"YES", "true"}, {"y", "true"}, {"Y", "true"},
      {"on", "true"}, {"ON", "true"}, {"true", "true"}, {"True", "true"},
      {"no", "false"}, {"n", "false"}, {"N", "false"}, {"off", "false"},
      {"Off", "false"}, {"FALSE", "false"},
      {"yEs", "\"yEs\""}, {"tRUE", "\"tRUE\""}, {"enabled", "\"enabled\""},
      // Null.
      {"~", "null"}, {"null", "null"}, {"Null", "null"}, {"NULL", "null"}, {"", "null"},
      {"nULL", "\"nULL\""},
      // Integers: Go ParseInt(s, 0, 64) after removing underscores.
      {"0", "0"}, {"42", "42"}, {"+12", "12"}, {"-12", "-12"}, {"0644", "420"},
      {"0o17", "15"}, {"0x1F", "31"}, {"0X1f", "31"}, {"0b101", "5"}, {"-0b101", "-5"},
      {"1_000", "1000"}, {"1__0_", "10"}, {"-0x10", "-16"},
      {"9223372036854775807", "9223372036854775807"},
      {"-9223372036854775808", "-9223372036854775808"},
      {"18446744073709551615", "18446744073709551615"},
      {"18446744073709551616", "1.8446744073709552e+19"},
      {"-9223372036854775809", "-9.223372036854776e+18"},
      {"0xFFFFFFFFFFFFFFFFFF", "\"0xFFFFFFFFFFFFFFFFFF\""},
      // Not integers: ParseInt and ParseUint fail, so the float pattern decides.
      {"09", "9"}, {"0x", "\"0x\""}, {"0b", "\"0b\""}, {"0x1G", "\"0x1G\""},
      {"_1", "\"_1\""}, {"1:30", "\"1:30\""}, {"-x", "\"-x\""}, {"+", "\"+\""},
      // Floats: integral ones reach the API server as integers.
      {"1.5", "1.5"}, {"1.10", "1.1"}, {"-.5", "-0.5"}, {".5", "0.5"}, {"1.", "1"},
      {"1.0", "1"}, {"1e3", "1000"}, {"6.02e23", "6.02e+23"}, {"1_000.5", "1000.5"},
      {"1e-400", "0"}, {"1e400", "\"1e400\""}, {"1.10.3", "\"1.10.3\""},
      {".5_0", "0.5"}, {".5__0", "\".5__0\""}, {"._5", "\"._5\""}, {".5e1_0", "5000000000"}, {"0.0.0.0", "\"0.0.0.0\""}, {".x", "\".x\""},
      // Timestamps and other text stay strings.
      {"2024-01-02", "\"2024-01-02\""}, {"v1", "\"v1\""}, {"nginx:1.25", "\"nginx:1.25\""},
      {"<<", "\"<<\""},
      // Quoted, block and explicitly tagged scalars.
      {"\"yes\"", "\"yes\""}, {"'0644'", "\"0644\""}, {"'it''s'", "\"it's\""},
      {"\"null\"", "\"null\""}, {"\"\"", "\"\""}, {"|\n  yes\n", "\"yes\\n\""},
      {">-\n  a\n  b", "\"a b\""}, {"!!str 123", "\"123\""}, {"!!str", "\"\""},
      {"!!int \"42\"", "42"}, {"!!float 2", "2"}, {"!!bool on", "true"},
      {"!!null ~", "null"}, {"!custom 7", "\"7\""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.yaml);
    CHECK(ValueOf(c.yaml) == c.json);
  }
}

TEST_CASE("manifest: scalar errors name the position") {
  struct Case { std::string yaml, error; };
  const Case cases[] = {
      {"a: !!int abc\n", "t.yaml:1:4: cannot decode !!str `abc` as a !!int"},
      {"a: !!bool 1\n", "t.yaml:1:4: cannot decode !!int `1` as a !!bool"},
      {"a: .inf\n", "t.yaml:1:4: `.inf` (infinity or NaN) has no JSON form"},
      {"a: -.Inf\n", "t.yaml:1:4: `-.Inf` (infinity or NaN) has no JSON form"},
      {"a: 1\nb: \"abc\n", "t.yaml:2:4: quoted scalar not closed: missing \""},
      {"a: 'abc''\n", "t.yaml:1:4: quoted scalar not closed: missing '"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.yaml);
    absl::StatusOr<std::vector<Json>> docs = ParseYamlStream(c.yaml, "t.yaml");
    REQUIRE_FALSE(docs.ok());
    CHECK(docs.status().message() == c.error);
  }
}

TEST_CASE("manifest: non-string keys become strings as sigs.k8s.io/yaml renders them") {
  absl::StatusOr<Json> doc =
      ParseJsonOrYaml("1: int\nyes: bool\n1.5: float\n0x10: hex\n1e6: exp\n\"2\": quoted\n", "k");
  REQUIRE(doc.ok());
  CHECK(doc->dump() ==
        R"({"1":"int","1.5":"float","16":"hex","1e+06":"exp","2":"quoted","true":"bool"})");
  CHECK(ErrorOf("~: x\n") == "x.yaml:1:1: a null mapping key cannot become a JSON object key");
  CHECK(ErrorOf("? [a]\n: x\n") ==
        "x.yaml:1:3: a mapping key must be a scalar, not a mapping or sequence");
}

TEST_CASE("manifest: merge keys apply in order, as kubectl reads them") {
  const char* text = R"(base: &base
  image: nginx
  port: 80
second: &second
  port: 81
  replicas: 2
single:
  <<: *base
  port: 8080
list:
  port: 1
  <<: [*base, *second]
twice:
  <<: *second
  <<: {replicas: 3}
inline:
  <<: {a: 1}
  b: 2
quoted:
  "<<": literal
)";
  absl::StatusOr<Json> doc = ParseJsonOrYaml(text, "m.yaml");
  REQUIRE(doc.ok());
  // A key after the merge overrides the merged value.
  CHECK(doc->at("single").dump() == R"({"image":"nginx","port":8080})");
  // A merge after a key overrides it; in a sequence the earlier mapping wins.
  CHECK(doc->at("list").dump() == R"({"image":"nginx","port":80,"replicas":2})");
  CHECK(doc->at("twice").dump() == R"({"port":81,"replicas":3})");
  CHECK(doc->at("inline").dump() == R"({"a":1,"b":2})");
  CHECK(doc->at("quoted").dump() == R"({"<<":"literal"})");
  CHECK(doc->at("base").dump() == R"({"image":"nginx","port":80})");
  CHECK(ErrorOf("a:\n  <<: 5\n") ==
        "x.yaml:2:7: a merge key '<<' needs a mapping or a sequence of mappings");
  CHECK(ErrorOf("x: &x {a: 1}\ny:\n  <<: [*x, 3]\n") ==
        "x.yaml:3:7: a merge key '<<' needs a mapping or a sequence of mappings");
  CHECK(ErrorOf("a: 1\n<<: {a: 2}\na: 3\n") == "x.yaml:3:1: duplicate key \"a\"");
}

TEST_CASE("manifest: syntax and structure errors carry 1-based line and column") {
  struct Case { std::string text, error; };
  const Case cases[] = {
      {"apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: a\n"
       "    image: b\n",
       "x.yaml:7:5: duplicate key \"image\""},
      {"kind: Pod\nkind: Pod\n", "x.yaml:2:1: duplicate key \"kind\""},
      {"yes: 1\ntrue: 2\n", "x.yaml:2:1: duplicate key \"true\""},
      {"a:\n\tb: 1\n", "x.yaml:2:1: tab character in indentation (YAML indents with spaces only)"},
      {"a: 1\nb: [x, *zz]\n", "x.yaml:2:8: undefined alias \"*zz\""},
      {"a: &x [*x]\n", "x.yaml:1:8: an alias refers to the anchored value that contains it"},
      {"a: &x {b: *x}\n", "x.yaml:1:11: an alias refers to the anchored value that contains it"},
      {"a: [1, 2\n", "x.yaml:2:1: flow sequence not closed: missing ']'"},
      {"a: {b: 1\n", "x.yaml:2:1: flow mapping not closed: missing '}'"},
      {"a: b: c\n",
       "x.yaml:1:5: unexpected ':' (check the indentation, or quote a value containing \": \")"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(ErrorOf(c.text) == c.error);
  }
}

TEST_CASE("manifest: a stray comma outside flow collections does not hang yaml-cpp") {
  // yaml-cpp 0.7 emits empty documents forever on these; the reader stops it.
  for (const std::string text : {",", "[1],", "{a: 1},", "{\"a\": 1},{\"b\": 2}"}) {
    CAPTURE(text);
    absl::StatusOr<std::vector<Json>> docs = ParseYamlStream(text, "c.yaml");
    REQUIRE_FALSE(docs.ok());
    CHECK(absl::StrContains(docs.status().message(), "makes no progress"));
  }
}

TEST_CASE("manifest: an alias can name a key") {
  absl::StatusOr<Json> doc = ParseJsonOrYaml("a: &k name\n*k : x\n", "k.yaml");
  REQUIRE(doc.ok());
  CHECK(doc->dump() == R"({"a":"name","name":"x"})");
  CHECK(ErrorOf("a: &k [1]\n*k : x\n") ==
        "x.yaml:2:1: an alias used as a mapping key must name a string, number or boolean");
}

TEST_CASE("manifest: excessive alias expansion is refused") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  const std::string names = "abcdefg";
  for (size_t i = 1; i < names.size(); ++i) {
    const std::string alias = absl::StrCat("*", names.substr(i - 1, 1));
    absl::StrAppend(&text, names.substr(i, 1), ": &", names.substr(i, 1), " [", alias);
    for (int k = 0; k < 9; ++k) absl::StrAppend(&text, ", ", alias);
    absl::StrAppend(&text, "]\n");
  }
  absl::StatusOr<std::vector<Json>> docs = ParseYamlStream(text, "laughs.yaml");
  REQUIRE_FALSE(docs.ok());
  CHECK(absl::StrContains(docs.status().message(), "excessive aliasing"));
}

TEST_CASE("manifest: multi-document streams skip empty documents and comments") {
  const char* text = R"(# a comment before the first document
---
apiVersion: v1
kind: ConfigMap
metadata: {name: a}
---
# a document with only a comment
---
---
null
---
apiVersion: v1
kind: Secret
metadata:
  name: b   # trailing comment
...
)";
  absl::StatusOr<std::vector<Json>> manifests = ParseManifests(text, "multi.yaml");
  REQUIRE(manifests.ok());
  REQUIRE(manifests->size() == 2);
  CHECK((*manifests)[0].at("kind") == "ConfigMap");
  CHECK((*manifests)[1].dump() == R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"b"}})");
  absl::StatusOr<std::vector<Json>> empty = ParseManifests("---\n# nothing\n---\n", "e.yaml");
  REQUIRE(empty.ok());
  CHECK(empty->empty());
}

TEST_CASE("manifest: Lists expand into their items") {
  const char* text = R"(apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: a}
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
---
apiVersion: v1
kind: ServiceList
items:
- {apiVersion: v1, kind: Service, metadata: {name: s}}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: List}
)";
  absl::StatusOr<std::vector<Json>> manifests = ParseManifests(text, "list.yaml");
  REQUIRE(manifests.ok());
  REQUIRE(manifests->size() == 4);
  CHECK((*manifests)[0].at("kind") == "ConfigMap");
  CHECK((*manifests)[1].at("kind") == "Deployment");
  CHECK((*manifests)[2].at("kind") == "Service");
  CHECK((*manifests)[3].at("metadata").at("name") == "List");
}

TEST_CASE("manifest: objects need apiVersion and kind") {
  struct Case { std::string text, error; };
  const Case cases[] = {
      {"apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nmetadata: {name: a}\n",
       "x.yaml:4:1: document 2: missing \"kind\""},
      {"metadata: {name: a}\n", "x.yaml:1:1: document 1: missing \"apiVersion\"; missing \"kind\""},
      {"apiVersion: v1\nkind: \"\"\n", "x.yaml:1:1: document 1: \"kind\" must be a non-empty string"},
      {"apiVersion: 1\nkind: Pod\n",
       "x.yaml:1:1: document 1: \"apiVersion\" must be a non-empty string"},
      {"- a\n- b\n", "x.yaml:1:1: document 1: expected a mapping with apiVersion and kind, got a sequence"},
      {"---\nhello\n", "x.yaml:2:1: document 1: expected a mapping with apiVersion and kind, got a string"},
      {"kind: List\napiVersion: v1\nitems:\n- {apiVersion: v1, kind: Pod}\n- apiVersion: v1\n"
       "  metadata: {}\n",
       "x.yaml:5:3: document 1, item 2: missing \"kind\""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(ErrorOf(c.text) == c.error);
  }
}

TEST_CASE("manifest: JSON input keeps its numbers and reports duplicates by position") {
  const char* text =
      R"({"apiVersion": "v1", "kind": "ConfigMap", "data": {"flag": "yes"}, "ratio": 1.0, "big": 18446744073709551615})";
  absl::StatusOr<std::vector<Json>> manifests = ParseManifests(text, "cm.json");
  REQUIRE(manifests.ok());
  REQUIRE(manifests->size() == 1);
  const Json& cm = (*manifests)[0];
  CHECK(cm.at("data").at("flag") == "yes");
  CHECK(cm.at("ratio").dump() == "1.0");
  CHECK(cm.at("big").is_number_unsigned());
  CHECK(ErrorOf("{\"kind\": \"Pod\",\n \"kind\": \"Pod\"}", "p.json") ==
        "p.json:2:2: duplicate key \"kind\"");
  CHECK(absl::StartsWith(ErrorOf("{\"kind\": [1,\n", "p.json"), "p.json:"));
  absl::StatusOr<Json> patch = ParseJsonOrYaml(
      R"([{"op": "replace", "path": "/spec/replicas", "value": 3}])", "patch");
  REQUIRE(patch.ok());
  CHECK(patch->at(0).at("value") == 3);
}

TEST_CASE("manifest: ParseJsonOrYaml wants exactly one document") {
  absl::StatusOr<Json> one = ParseJsonOrYaml("spec:\n  replicas: 3\n", "patch");
  REQUIRE(one.ok());
  CHECK(one->dump() == R"({"spec":{"replicas":3}})");
  absl::StatusOr<Json> two = ParseJsonOrYaml("a: 1\n---\nb: 2\n", "patch");
  REQUIRE_FALSE(two.ok());
  CHECK(two.status().message() == "patch: expected exactly one YAML or JSON document, found 2");
  absl::StatusOr<Json> none = ParseJsonOrYaml("# nothing\n", "patch");
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().message() == "patch: expected exactly one YAML or JSON document, found 0");
}

}  // namespace
}  // namespace kreplay
