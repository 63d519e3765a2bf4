#include "sim/quantity.h"

#include <doctest/doctest.h>

namespace kreplay {
namespace {

Quantity Q(const char* text) {
  absl::StatusOr<Quantity> q = ParseQuantity(text);
  REQUIRE_MESSAGE(q.ok(), text, ": ", q.status().ToString());
  return *q;
}

TEST_CASE("quantities parse to exact milli-units") {
  CHECK(Q("100m").milli == 100);
  CHECK(Q("2").milli == 2000);
  CHECK(Q("0.5").milli == 500);
  CHECK(Q("1.5Gi").milli == 1536LL * 1024 * 1024 * 1000);
  CHECK(Q("64Mi").milli == 64LL * 1024 * 1024 * 1000);
  CHECK(Q("1k").milli == 1000000);
  CHECK(Q("1e3").milli == 1000000);
  CHECK(Q("1E-3").milli == 1);
  CHECK(Q("-1").milli == -1000);
  CHECK(Q("+.5").milli == 500);
  // finer than a milli-unit rounds up, as MilliValue does
  CHECK(Q("0.1m").milli == 1);
}

TEST_CASE("quantities compare by value, not by text") {
  CHECK(Q("1Gi") == Q("1073741824"));
  CHECK(Q("1G") < Q("1Gi"));
  CHECK(Q("999m") < Q("1"));
  CHECK_FALSE(Q("1000m") < Q("1"));
  CHECK(Q("2") < Q("2001m"));  // one milli-CPU more
}

TEST_CASE("malformed quantities are refused with upstream's text") {
  for (const char* bad : {"", "m", "1.2.3", "1x", "1 Gi", "Gi", "1mi", "1e", "--1"}) {
    absl::StatusOr<Quantity> q = ParseQuantity(bad);
    REQUIRE_MESSAGE(!q.ok(), bad);
    CHECK(q.status().message() ==
          "quantities must match the regular expression "
          "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  }
  CHECK(absl::IsOutOfRange(ParseQuantity("100Ei").status()));
}

TEST_CASE("canonical text is upstream's Quantity.String") {
  CHECK(Q("500m").String() == "500m");
  CHECK(Q("2").String() == "2");
  CHECK(Q("2000m").String() == "2");
  CHECK(Q("1.5").String() == "1500m");
  CHECK(Q("1024Mi").String() == "1Gi");
  CHECK(Q("1536Mi").String() == "1536Mi");
  CHECK(Q("2048Ki").String() == "2Mi");
  CHECK(Q("1000Ki").String() == "1000Ki");
  CHECK(Q("1000k").String() == "1M");
  CHECK(Q("512").String() == "512");
  CHECK(Q("0.5Ki").String() == "512");    // binary below 1Ki prints as decimal
  CHECK(Q("0").String() == "0");
  CHECK(Q("1e3").String() == "1e3");
}

TEST_CASE("a sum keeps the first non-zero operand's format") {
  Quantity sum = Quantity{}.Plus(Q("64Mi"));
  for (int i = 0; i < 5; ++i) sum = sum.Plus(Q("64Mi"));
  CHECK(sum.String() == "384Mi");
  CHECK(Q("100m").Plus(Q("500m")).String() == "600m");
  CHECK(Q("600m").Plus(Q("1400m")).String() == "2");
  CHECK(Q("1Gi").Plus(Q("1")).String() == "1073741825");
}

}  // namespace
}  // namespace kreplay
