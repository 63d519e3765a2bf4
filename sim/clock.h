// The cluster's logical clock: RFC 3339 times at second precision in UTC,
// and the one way to let time pass with the controllers seeing it.
//
// kreplay never reads the wall clock. A cluster's `now()` is set from the
// ledger (a step's recorded time), from a fixture (`start`, scene `sleep:`
// steps) or by a waiting read (`kubectl rollout status`, `kubectl wait`)
// that lets time pass until its condition holds. Time only moves forward:
// AdvanceTo() never sets the clock back.
//
// Controllers whose behaviour depends on time (a kubelet that syncs a
// ConfigMap volume some 60 s after the ConfigMap changed, a crash back-off
// that restarts a container after 10 s, 20 s, 40 s, ...) read
// `cluster.now()` when they sync and compute what has happened by then: a
// jump of several minutes is one AdvanceTo(), not one call per second.
#ifndef KREPLAY_SIM_CLOCK_H_
#define KREPLAY_SIM_CLOCK_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "sim/cluster.h"
#include "sim/world.h"

namespace kreplay {

// Parses an RFC 3339 time (any precision, any offset); nullopt when it is
// not one.
std::optional<absl::Time> ParseClockTime(const std::string& rfc3339);

// `t` as the cluster stamps it: `2026-05-12T10:00:05Z` (seconds, UTC), as
// the API server writes metav1.Time.
std::string FormatClockTime(absl::Time t);

// The later of two RFC 3339 times; one that does not parse loses to one
// that does (both unparsable: `a`).
std::string LaterTime(const std::string& a, const std::string& b);

// Lets time pass: when `time` is after the cluster's now (or now is not a
// time), sets now to `time` and runs the controllers to a fixpoint
// (Reconcile, sim/controller.h), so that time-driven behaviour happens at
// that time. When `time` is not later, nothing happens: the clock never
// goes back and nothing is reconciled. Errors: InvalidArgument when `time`
// is not an RFC 3339 time; Reconcile's errors.
absl::Status AdvanceTo(Cluster& cluster, const World& world, const std::string& time);

}  // namespace kreplay

#endif  // KREPLAY_SIM_CLOCK_H_
