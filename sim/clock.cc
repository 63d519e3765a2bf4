#include "sim/clock.h"

#include "absl/strings/str_cat.h"
#include "sim/controller.h"

namespace kreplay {

std::optional<absl::Time> ParseClockTime(const std::string& rfc3339) {
  absl::Time t;
  std::string error;
  if (absl::ParseTime(absl::RFC3339_full, rfc3339, &t, &error)) return t;
  return std::nullopt;
}

std::string FormatClockTime(absl::Time t) {
  return absl::FormatTime("%Y-%m-%d%ET%H:%M:%SZ", t, absl::UTCTimeZone());
}

std::string LaterTime(const std::string& a, const std::string& b) {
  std::optional<absl::Time> ta = ParseClockTime(a);
  std::optional<absl::Time> tb = ParseClockTime(b);
  if (!tb) return a;
  if (!ta) return b;
  return *tb > *ta ? b : a;
}

absl::Status AdvanceTo(Cluster& cluster, const World& world, const std::string& time) {
  std::optional<absl::Time> target = ParseClockTime(time);
  if (!target) {
    return absl::InvalidArgumentError(absl::StrCat("\"", time, "\" is not an RFC 3339 time"));
  }
  std::optional<absl::Time> now = ParseClockTime(cluster.now());
  if (now && *target <= *now) return absl::OkStatus();
  cluster.SetTime(time);
  return Reconcile(cluster, world);
}

}  // namespace kreplay
