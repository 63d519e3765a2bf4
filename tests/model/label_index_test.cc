#include "model/label_index.h"

#include <doctest/doctest.h>

#include "absl/strings/str_join.h"

namespace kreplay {
namespace {

// Ids are positions in this table, which is in name order.
const char* const kNames[] = {"api-1", "bare", "web-1", "web-2", "other/web-1"};

std::string Names(const std::vector<uint32_t>& ids) {
  return absl::StrJoin(ids, ",", [](std::string* out, uint32_t id) {
    out->append(kNames[id]);
  });
}

TEST_CASE("label index selects within one namespace, as a full scan would") {
  LabelIndex index;
  // Added out of id order on purpose: results still come back ascending.
  index.Add("bench", 3, {{"app", "web"}, {"track", "canary"}});
  index.Add("bench", 0, {{"app", "api"}});
  index.Add("bench", 2, {{"app", "web"}, {"track", "stable"}});
  index.Add("bench", 1, {});
  index.Add("other", 4, {{"app", "web"}});

  struct Case {
    const char* selector;
    const char* names;
  };
  const Case cases[] = {
      {"app=web", "web-1,web-2"},
      {"app in (web,api)", "api-1,web-1,web-2"},
      {"app=web,track!=canary", "web-1"},
      {"track", "web-1,web-2"},
      {"!track", "api-1,bare"},
      {"app notin (web)", "api-1,bare"},
      {"", "api-1,bare,web-1,web-2"},
      {"app=nope", ""},
      {"nope", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.selector);
    absl::StatusOr<LabelSelector> selector = LabelSelector::Parse(c.selector);
    REQUIRE(selector.ok());
    CHECK(Names(index.Select("bench", *selector)) == c.names);
  }
  CHECK(index.Select("bench", LabelSelector::Nothing()).empty());
  CHECK(index.Select("missing", LabelSelector::Everything()).empty());
  CHECK(Names(index.Select("other", LabelSelector::Everything())) == "other/web-1");
}

}  // namespace
}  // namespace kreplay
