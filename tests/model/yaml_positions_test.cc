#include <string>

#include <doctest/doctest.h>

#include "model/yaml_reader.h"

namespace kreplay {
namespace {

constexpr char kFixture[] =
    "name: x\n"                      // 1
    "checks:\n"                      // 2
    "  - name: a\n"                  // 3
    "    type: field-equals\n"       // 4
    "  - {name: b, jsonpath: '{.x}'}\n"  // 5
    "labels:\n"                      // 6
    "  app/name: web\n"              // 7
    "base: &b {k: 1}\n"              // 8
    "merged:\n"                      // 9
    "  <<: *b\n"                     // 10
    "  own: 2\n";                    // 11

FieldPositions Positions(const std::string& text) {
  absl::StatusOr<std::vector<YamlDocument>> docs =
      ReadYamlDocuments(text, "f.yaml", YamlReadOptions{.field_positions = true});
  REQUIRE(docs.ok());
  REQUIRE(docs->size() == 1);
  return (*docs)[0].fields;
}

TEST_CASE("field positions: keys and sequence elements by JSON pointer") {
  FieldPositions at = Positions(kFixture);
  CHECK(at.at("/name").line == 1);
  CHECK(at.at("/checks").line == 2);
  CHECK(at.at("/checks/0").line == 3);
  CHECK(at.at("/checks/0/type").line == 4);
  CHECK(at.at("/checks/0/type").column == 5);
  CHECK(at.at("/checks/1").line == 5);
  CHECK(at.at("/checks/1/jsonpath").line == 5);
  CHECK(at.at("/labels/app~1name").line == 7);  // RFC 6901 escape
  CHECK(at.at("/merged/own").line == 11);
  CHECK_FALSE(at.contains("/merged/k"));  // merged keys carry no position of their own
}

TEST_CASE("field positions: a missing field takes its nearest enclosing field's line") {
  FieldPositions at = Positions(kFixture);
  CHECK(PositionOfField(at, "/checks/0/pointer").line == 3);
  CHECK(PositionOfField(at, "/checks/1/value").line == 5);
  CHECK(PositionOfField(at, "/merged/k").line == 9);
  CHECK(PositionOfField(at, "/nothing").line == 0);
}

TEST_CASE("field positions: off unless asked for, and per document") {
  absl::StatusOr<std::vector<YamlDocument>> plain = ReadYamlDocuments(kFixture, "f.yaml");
  REQUIRE(plain.ok());
  CHECK((*plain)[0].fields.empty());
  absl::StatusOr<std::vector<YamlDocument>> two = ReadYamlDocuments(
      "a: 1\n---\nb: 2\n", "f.yaml", YamlReadOptions{.field_positions = true});
  REQUIRE(two.ok());
  REQUIRE(two->size() == 2);
  CHECK((*two)[1].fields.at("/b").line == 3);
  CHECK_FALSE((*two)[1].fields.contains("/a"));
}

}  // namespace
}  // namespace kreplay
