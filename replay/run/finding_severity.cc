#include "replay/run/finding_severity.h"

namespace kreplay {
namespace {

struct SeverityWord {
  FindingSeverity severity;
  const char* name;
};

constexpr SeverityWord kWords[] = {
    {FindingSeverity::kInfo, "info"},
    {FindingSeverity::kWarning, "warning"},
    {FindingSeverity::kCritical, "critical"},
};

}  // namespace

const char* SeverityName(FindingSeverity severity) {
  for (const SeverityWord& w : kWords) {
    if (w.severity == severity) return w.name;
  }
  return "critical";
}

std::optional<FindingSeverity> ParseSeverity(absl::string_view name) {
  for (const SeverityWord& w : kWords) {
    if (name == w.name) return w.severity;
  }
  return std::nullopt;
}

}  // namespace kreplay
