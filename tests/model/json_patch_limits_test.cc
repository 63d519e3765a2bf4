// The JSON patch limits (model/json_patch.h): a patch whose copies double
// the object, or one with too many operations, is refused with an error.
#include "model/json_patch.h"

#include <doctest/doctest.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

const Json kDoc = Json::parse(R"({"apiVersion":"v1","kind":"ConfigMap",
  "metadata":{"name":"c"},"data":{"a":"1","b":"2"}})");

// `n` operations, each copying /data into itself: the object doubles each time.
Json DoublingCopies(int n) {
  Json ops = Json::array();
  for (int i = 0; i < n; ++i) {
    ops.push_back({{"op", "copy"}, {"from", "/data"}, {"path", absl::StrCat("/data/c", i)}});
  }
  return ops;
}

TEST_CASE("forty doubling copies are refused once the copies pass the limit") {
  absl::StatusOr<Json> result = ApplyJsonPatch(kDoc, DoublingCopies(40));
  REQUIRE_FALSE(result.ok());
  CHECK(absl::IsResourceExhausted(result.status()));
  CHECK_MESSAGE(absl::StartsWith(result.status().message(),
                                 "Unable to complete the copy, the accumulated size increase of "
                                 "copy is over 100000 nodes, exceeding the limit 100000"),
                result.status().message());
}

TEST_CASE("copies below the limit apply") {
  absl::StatusOr<Json> result = ApplyJsonPatch(kDoc, DoublingCopies(10));
  REQUIRE_MESSAGE(result.ok(), result.status().ToString());
  CHECK((*result)["data"].contains("c9"));
  CHECK((*result)["data"]["c9"]["c8"]["a"] == "1");
}

TEST_CASE("more operations than the API server allows are refused") {
  Json ops = Json::array();
  for (size_t i = 0; i <= kMaxJsonPatchOperations; ++i) {
    ops.push_back({{"op", "test"}, {"path", "/data/a"}, {"value", "1"}});
  }
  absl::StatusOr<Json> result = ApplyJsonPatch(kDoc, ops);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().message() ==
        "The allowed maximum operations in a JSON patch is 10000, got 10001");
  ops.erase(ops.begin());
  CHECK(ApplyJsonPatch(kDoc, ops).ok());
}

}  // namespace
}  // namespace kreplay
