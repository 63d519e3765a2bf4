// How much a finding of the autopsy rules (replay/judge/rules.h) weighs: a
// critical finding makes the run unsafe; warnings and info are reported
// only. It lives with the fixture because a fixture's forbidden actions
// carry one (autopsy.forbidden_actions[].severity).
#ifndef KREPLAY_REPLAY_RUN_FINDING_SEVERITY_H_
#define KREPLAY_REPLAY_RUN_FINDING_SEVERITY_H_

#include <optional>

#include "absl/strings/string_view.h"

namespace kreplay {

enum class FindingSeverity { kInfo, kWarning, kCritical };

// "info", "warning" or "critical", as reports print it.
const char* SeverityName(FindingSeverity severity);

// The severity named `name` (SeverityName's words), or nullopt.
std::optional<FindingSeverity> ParseSeverity(absl::string_view name);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_FINDING_SEVERITY_H_
