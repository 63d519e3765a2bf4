// DiffJson (replay/json_diff) against what it replaces, nlohmann's
// Json::diff: the same operations in the same order, on pairs that reach
// every branch (types changed, members added/removed, arrays grown and
// shrunk, escaped keys, numbers of different types that compare equal).
#include <string>

#include <doctest/doctest.h>

#include "model/json_diff.h"

namespace kreplay {
namespace {

struct Row {
  const char* source;
  const char* target;
  const char* expected;  // DiffJson's output, checked by hand
};

constexpr Row kRows[] = {
    {R"({"a":1})", R"({"a":1})", R"([])"},
    {R"({"a":1})", R"({"a":2})", R"([{"op":"replace","path":"/a","value":2}])"},
    {R"({"a":1,"b":2})", R"({"b":2,"c":3})",
     R"([{"op":"remove","path":"/a"},{"op":"add","path":"/c","value":3}])"},
    {R"({"a":[1,2,3,4]})", R"({"a":[1,5]})",
     R"([{"op":"replace","path":"/a/1","value":5},{"op":"remove","path":"/a/3"},)"
     R"({"op":"remove","path":"/a/2"}])"},
    {R"([1])", R"([1,{"x":null},3])",
     R"([{"op":"add","path":"/-","value":{"x":null}},{"op":"add","path":"/-","value":3}])"},
    {R"({"a/b":{"c~d":1}})", R"({"a/b":{"c~d":2}})",
     R"([{"op":"replace","path":"/a~1b/c~0d","value":2}])"},
    {R"({"a":{"b":1}})", R"({"a":[1]})", R"([{"op":"replace","path":"/a","value":[1]}])"},
    {R"({"a":1})", R"({"a":1.0})", R"([])"},
    {R"({"a":-1})", R"({"a":1.5})", R"([{"op":"replace","path":"/a","value":1.5}])"},
    {R"({"a":null})", R"({"a":{}})", R"([{"op":"replace","path":"/a","value":{}}])"},
    {R"("x")", R"("y")", R"([{"op":"replace","path":"","value":"y"}])"},
    {R"({"m":{"labels":{"a":"1"},"n":[{"k":1},{"k":2}]}})",
     R"({"m":{"labels":{"a":"1","b":"2"},"n":[{"k":1},{"k":3,"j":0}]}})",
     R"([{"op":"add","path":"/m/labels/b","value":"2"},)"
     R"({"op":"replace","path":"/m/n/1/k","value":3},{"op":"add","path":"/m/n/1/j","value":0}])"},
};

TEST_CASE("DiffJson writes what Json::diff writes") {
  for (const Row& row : kRows) {
    std::string source_text = row.source;
    std::string target_text = row.target;
    CAPTURE(source_text);
    CAPTURE(target_text);
    Json source = Json::parse(row.source);
    Json target = Json::parse(row.target);
    Json diff = DiffJson(source, target);
    CHECK(diff.dump() == Json::parse(row.expected).dump());
    CHECK(diff.dump() == Json::diff(source, target).dump());
  }
}

TEST_CASE("DiffJson's unsigned and signed equal numbers yield no operation") {
  Json source = {{"a", 1}};
  Json target = {{"a", 1u}};
  CHECK(DiffJson(source, target).empty());
  CHECK(Json::diff(source, target).empty());
}

}  // namespace
}  // namespace kreplay
