// EqualExcept (sim/json_compare) against what it replaces: erasing the
// skipped members from copies and comparing with ==.
#include <doctest/doctest.h>

#include "sim/json_compare.h"

namespace kreplay {
namespace {

struct Row {
  const char* a;
  const char* b;
  bool equal;  // with "metadata" and "status" skipped
};

constexpr Row kRows[] = {
    {R"({"spec":{"x":1},"metadata":{"n":1}})", R"({"spec":{"x":1},"metadata":{"n":2}})", true},
    {R"({"spec":{"x":1}})", R"({"spec":{"x":2}})", false},
    {R"({"spec":{"x":1}})", R"({"spec":{"x":1},"data":{}})", false},
    {R"({"spec":{"x":1},"data":{}})", R"({"spec":{"x":1}})", false},
    {R"({"spec":{"x":1},"status":{"a":1}})", R"({"spec":{"x":1}})", true},
    {R"({"metadata":{}})", R"({"status":{}})", true},
    {R"({"a":1,"b":2})", R"({"a":1,"c":2})", false},
    {R"({})", R"({})", true},
    {R"([1])", R"([1])", true},
    {R"(1)", R"({"a":1})", false},
    {R"({"a":null})", R"({})", false},
};

Json Erased(Json object) {
  if (!object.is_object()) return object;
  object.erase("metadata");
  object.erase("status");
  return object;
}

TEST_CASE("EqualExcept agrees with comparing copies without the skipped members") {
  for (const Row& row : kRows) {
    CAPTURE(row.a);
    CAPTURE(row.b);
    Json a = Json::parse(row.a);
    Json b = Json::parse(row.b);
    CHECK(EqualExcept(a, b, {"metadata", "status"}) == row.equal);
    CHECK(EqualExcept(b, a, {"metadata", "status"}) == row.equal);
    CHECK((Erased(a) == Erased(b)) == row.equal);
  }
}

TEST_CASE("EqualExcept with nothing skipped is ==") {
  Json a = Json::parse(R"({"metadata":{"n":1},"spec":1})");
  Json b = Json::parse(R"({"metadata":{"n":2},"spec":1})");
  CHECK_FALSE(EqualExcept(a, b, {}));
  CHECK(EqualExcept(a, a, {}));
}

}  // namespace
}  // namespace kreplay
