#include "model/merge_patch.h"

#include <doctest/doctest.h>

#include "model/patch.h"

namespace kreplay {
namespace {

const char* const kDoc = R"({"apiVersion":"v1","kind":"ConfigMap",
  "metadata":{"name":"c"},"data":{"a":"1"},"arr":[1,2,3],"n":null})";

struct Case {
  const char* name;
  const char* patch;
  const char* expected;  // whole result
};

// Each case was checked against `kubectl patch --local --type merge` (v1.32).
const Case kCases[] = {
    {"empty patch", "{}", kDoc},
    {"null deletes", R"({"data":{"a":null},"n":null})",
     R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},
         "data":{},"arr":[1,2,3]})"},
    {"arrays replace", R"({"arr":[4]})",
     R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},
         "data":{"a":"1"},"arr":[4],"n":null})"},
    {"object over array is stored without nulls", R"({"arr":{"x":null,"y":1}})",
     R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},
         "data":{"a":"1"},"arr":{"y":1},"n":null})"},
    {"array over object keeps its nulls", R"({"data":[{"x":null}]})",
     R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},
         "data":[{"x":null}],"arr":[1,2,3],"n":null})"},
    {"array over array is pruned", R"({"arr":[{"x":null},null]})",
     R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},
         "data":{"a":"1"},"arr":[{},null],"n":null})"},
    {"new value over null is pruned", R"({"n":{"x":null,"y":[{"z":null}]}})",
     R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},
         "data":{"a":"1"},"arr":[1,2,3],"n":{"y":[{}]}})"},
    {"object over scalar", R"({"data":{"a":{"q":null}}})",
     R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},
         "data":{"a":{}},"arr":[1,2,3],"n":null})"},
};

TEST_CASE("merge patch follows evanphx/json-patch v4 as kubectl does") {
  const Json doc = Json::parse(kDoc);
  for (const Case& c : kCases) {
    INFO(std::string(c.name));
    absl::StatusOr<Json> result =
        ApplyPatch(doc, Json::parse(c.patch), PatchType::kMerge);
    REQUIRE(result.ok());
    CHECK(*result == Json::parse(c.expected));
  }
}

TEST_CASE("merge patch refuses a patch that is not an object") {
  const Json doc = Json::parse(kDoc);
  for (const char* patch : {"null", "\"s\"", "[1]", "3"}) {
    INFO(std::string(patch));
    CHECK(ApplyPatch(doc, Json::parse(patch), PatchType::kMerge).status().code() ==
          absl::StatusCode::kInvalidArgument);
  }
}

TEST_CASE("patch type words are kubectl's") {
  CHECK(ParsePatchType("strategic") == PatchType::kStrategic);
  CHECK(ParsePatchType("merge") == PatchType::kMerge);
  CHECK(ParsePatchType("json") == PatchType::kJson);
  CHECK_FALSE(ParsePatchType("apply").has_value());
  CHECK(std::string(PatchTypeName(PatchType::kJson)) == "json");
}

}  // namespace
}  // namespace kreplay
