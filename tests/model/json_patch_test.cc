#include "model/json_patch.h"

#include <doctest/doctest.h>

#include "model/patch.h"

namespace kreplay {
namespace {

const char* const kDoc = R"({"apiVersion":"v1","kind":"ConfigMap",
  "metadata":{"name":"c"},"data":{"a":"1"},"arr":[1,2,3],"n":null})";

struct Case {
  const char* name;
  const char* ops;
  const char* expected;  // the patched document, or null on error
  absl::StatusCode code = absl::StatusCode::kOk;
};

// Each case was checked against `kubectl patch --local --type json` (v1.32).
const Case kCases[] = {
    {"add member", R"([{"op":"add","path":"/data/b","value":"2"}])",
     R"({"a":"1","b":"2"})"},
    {"add replaces member", R"([{"op":"add","path":"/data/a","value":"x"}])",
     R"({"a":"x"})"},
    {"escaped pointer", R"([{"op":"add","path":"/data/a~1b~0c","value":"x"}])",
     R"({"a":"1","a/b~c":"x"})"},
    {"add appends with dash", R"([{"op":"add","path":"/arr/-","value":9}])",
     R"([1,2,3,9])"},
    {"add inserts at index", R"([{"op":"add","path":"/arr/1","value":9}])",
     R"([1,9,2,3])"},
    {"add at size appends", R"([{"op":"add","path":"/arr/3","value":9}])",
     R"([1,2,3,9])"},
    {"add negative index", R"([{"op":"add","path":"/arr/-4","value":7}])",
     R"([7,1,2,3])"},
    {"add leading zero index", R"([{"op":"add","path":"/arr/01","value":9}])",
     R"([1,9,2,3])"},
    {"add without value inserts null", R"([{"op":"add","path":"/arr/-"}])",
     R"([1,2,3,null])"},
    {"remove last by negative index", R"([{"op":"remove","path":"/arr/-1"}])",
     R"([1,2])"},
    {"replace missing member adds it",
     R"([{"op":"replace","path":"/data/zz","value":"x"}])",
     R"({"a":"1","zz":"x"})"},
    {"replace element", R"([{"op":"replace","path":"/arr/-1","value":7}])",
     R"([1,2,7])"},
    {"move", R"([{"op":"move","from":"/data/a","path":"/data/b"}])",
     R"({"b":"1"})"},
    {"copy missing copies null",
     R"([{"op":"copy","from":"/data/zz","path":"/data/q"}])",
     R"({"a":"1","q":null})"},
    {"test equal numbers", R"([{"op":"test","path":"/arr/0","value":1.0}])",
     R"([1,2,3])"},
    {"test null against missing",
     R"([{"op":"test","path":"/data/zz","value":null}])", R"({"a":"1"})"},
    {"add at size+1", R"([{"op":"add","path":"/arr/4","value":9}])", nullptr,
     absl::StatusCode::kFailedPrecondition},
    {"add under missing parent", R"([{"op":"add","path":"/nope/x","value":1}])",
     nullptr, absl::StatusCode::kFailedPrecondition},
    {"add under null parent", R"([{"op":"add","path":"/n/x","value":1}])",
     nullptr, absl::StatusCode::kFailedPrecondition},
    {"remove missing member", R"([{"op":"remove","path":"/data/zz"}])",
     nullptr, absl::StatusCode::kFailedPrecondition},
    {"replace past end", R"([{"op":"replace","path":"/arr/3","value":1}])",
     nullptr, absl::StatusCode::kFailedPrecondition},
    {"replace under scalar", R"([{"op":"replace","path":"/data/a/x","value":1}])",
     nullptr, absl::StatusCode::kFailedPrecondition},
    {"index not a number", R"([{"op":"add","path":"/arr/x","value":9}])",
     nullptr, absl::StatusCode::kFailedPrecondition},
    {"failed test", R"([{"op":"test","path":"/data/a","value":"2"}])", nullptr,
     absl::StatusCode::kFailedPrecondition},
    {"test is not a subset match",
     R"([{"op":"test","path":"/data","value":{}}])", nullptr,
     absl::StatusCode::kFailedPrecondition},
    {"move from missing", R"([{"op":"move","from":"/data/q","path":"/data/b"}])",
     nullptr, absl::StatusCode::kFailedPrecondition},
    {"move into itself",
     R"([{"op":"move","from":"/data","path":"/data/x"}])", nullptr,
     absl::StatusCode::kFailedPrecondition},
    {"empty path", R"([{"op":"add","path":"","value":1}])", nullptr,
     absl::StatusCode::kFailedPrecondition},
    {"unknown op", R"([{"op":"bogus","path":"/n"}])", nullptr,
     absl::StatusCode::kInvalidArgument},
    {"missing path", R"([{"op":"add","value":1}])", nullptr,
     absl::StatusCode::kInvalidArgument},
    {"not an array", R"({"op":"add"})", nullptr,
     absl::StatusCode::kInvalidArgument},
};

const Json* Changed(const Json& result, const char* ops) {
  std::string text = ops;
  if (text.find("/arr") != std::string::npos) return &result["arr"];
  return &result["data"];
}

TEST_CASE("json patch follows evanphx/json-patch v4 as kubectl does") {
  const Json doc = Json::parse(kDoc);
  for (const Case& c : kCases) {
    INFO(std::string(c.name));
    absl::StatusOr<Json> result = ApplyJsonPatch(doc, Json::parse(c.ops));
    if (c.expected == nullptr) {
      CHECK(result.status().code() == c.code);
      continue;
    }
    REQUIRE(result.ok());
    CHECK(*Changed(*result, c.ops) == Json::parse(c.expected));
  }
}

TEST_CASE("json patch is atomic: a late failure changes nothing") {
  const Json doc = Json::parse(kDoc);
  Json ops = Json::parse(R"([{"op":"add","path":"/data/a","value":"x"},
                             {"op":"remove","path":"/q"}])");
  absl::StatusOr<Json> result = ApplyPatch(doc, ops, PatchType::kJson);
  CHECK(result.status().code() == absl::StatusCode::kFailedPrecondition);
  CHECK(result.status().message() ==
        "error in remove for path: '/q': Unable to remove nonexistent key: q: "
        "missing value");
  CHECK(doc == Json::parse(kDoc));
}

TEST_CASE("json patch null is an empty patch") {
  const Json doc = Json::parse(kDoc);
  CHECK(ApplyJsonPatch(doc, Json()).value() == doc);
}

}  // namespace
}  // namespace kreplay
