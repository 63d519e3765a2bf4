// The logical clock (sim/clock.h): AdvanceTo moves time forward only and
// settles the controllers at the new time.
#include "sim/clock.h"

#include <doctest/doctest.h>

namespace kreplay {
namespace {

TEST_CASE("AdvanceTo moves the clock forward, never back") {
  Cluster cluster;
  World world;
  cluster.SetTime("2026-05-12T10:00:00Z");
  CHECK(AdvanceTo(cluster, world, "2026-05-12T10:00:30Z").ok());
  CHECK(cluster.now() == "2026-05-12T10:00:30Z");
  CHECK(AdvanceTo(cluster, world, "2026-05-12T10:00:10Z").ok());
  CHECK(cluster.now() == "2026-05-12T10:00:30Z");
  CHECK(absl::IsInvalidArgument(AdvanceTo(cluster, world, "later")));
  CHECK(cluster.now() == "2026-05-12T10:00:30Z");
}

TEST_CASE("clock times: parsed in any offset, formatted in seconds and UTC; the later of two") {
  std::optional<absl::Time> t = ParseClockTime("2026-05-12T12:00:05.75+02:00");
  REQUIRE(t.has_value());
  CHECK(FormatClockTime(*t) == "2026-05-12T10:00:05Z");
  CHECK_FALSE(ParseClockTime("noon").has_value());
  CHECK(LaterTime("2026-05-12T10:00:00Z", "2026-05-12T10:00:01Z") == "2026-05-12T10:00:01Z");
  CHECK(LaterTime("2026-05-12T10:00:02Z", "2026-05-12T10:00:01Z") == "2026-05-12T10:00:02Z");
  CHECK(LaterTime("x", "2026-05-12T10:00:01Z") == "2026-05-12T10:00:01Z");
  CHECK(LaterTime("2026-05-12T10:00:01Z", "") == "2026-05-12T10:00:01Z");
}

}  // namespace
}  // namespace kreplay
