// Shards (replay/suite/shard.h): K/N parsing, the slices, the digest.
#include "replay/suite/shard.h"

#include <doctest/doctest.h>

namespace kreplay {
namespace {

std::vector<SuiteCaseRef> Cases(int n) {
  std::vector<SuiteCaseRef> out;
  for (int i = 0; i < n; ++i) {
    SuiteCaseRef c;
    c.index = i;
    c.suite_file = "s.yaml";
    c.c.name = "case" + std::to_string(i);
    out.push_back(c);
  }
  return out;
}

TEST_CASE("--shard K/N parses only 1 <= K <= N") {
  absl::StatusOr<Shard> ok = ParseShard("2/3");
  REQUIRE(ok.ok());
  CHECK(ok->index == 2);
  CHECK(ok->count == 3);
  for (const char* bad : {"0/3", "4/3", "3", "a/b", "1/0", "-1/2", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(ParseShard(bad).ok());
  }
}

TEST_CASE("the shards of N partition the cases, each in order") {
  std::vector<SuiteCaseRef> cases = Cases(7);
  std::vector<int> seen;
  for (int k = 1; k <= 3; ++k) {
    std::vector<SuiteCaseRef> shard = ShardCases(cases, {k, 3});
    for (const SuiteCaseRef& c : shard) seen.push_back(c.index);
  }
  CHECK(seen == std::vector<int>{0, 3, 6, 1, 4, 2, 5});
  CHECK(ShardCases(cases, {1, 1}).size() == 7);
}

TEST_CASE("the selection digest is stable and tells selections apart") {
  CHECK(SelectionDigest(Cases(3)) == SelectionDigest(Cases(3)));
  CHECK(SelectionDigest(Cases(3)).size() == 16);
  CHECK(SelectionDigest(Cases(3)) != SelectionDigest(Cases(4)));
  std::vector<SuiteCaseRef> renamed = Cases(3);
  renamed[1].c.name = "other";
  CHECK(SelectionDigest(renamed) != SelectionDigest(Cases(3)));
}

}  // namespace
}  // namespace kreplay
