#include "replay/run/waiting_read.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "model/json.h"
#include "sim/clock.h"

namespace kreplay {
namespace {

// DeploymentStatusViewer.Status: done when the rollout is complete.
bool RolloutComplete(const Json* object) {
  if (object == nullptr) return true;  // nothing to wait for: kubectl fails at once
  if (GetString(*object, "kind") != "Deployment") return true;
  int64_t generation = GetInt(*object, "metadata.generation");
  if (GetInt(*object, "status.observedGeneration") < generation) return false;
  int64_t replicas = GetInt(*object, "spec.replicas", 1);
  int64_t updated = GetInt(*object, "status.updatedReplicas");
  if (updated < replicas) return false;
  if (GetInt(*object, "status.replicas") > updated) return false;
  return GetInt(*object, "status.availableReplicas") >= updated;
}

// --for=condition=TYPE[=VALUE] (value default "True"), or --for=delete.
struct WaitFor {
  enum class Kind { kCondition, kDelete, kOther } kind = Kind::kOther;
  std::string type;
  std::string value = "True";
};

WaitFor ParseFor(const std::string& text) {
  WaitFor out;
  if (absl::EqualsIgnoreCase(text, "delete")) {
    out.kind = WaitFor::Kind::kDelete;
    return out;
  }
  if (!absl::StartsWithIgnoreCase(text, "condition=")) return out;
  std::vector<std::string> parts = absl::StrSplit(text.substr(10), absl::MaxSplits('=', 1));
  if (parts.empty() || parts[0].empty()) return out;
  out.kind = WaitFor::Kind::kCondition;
  out.type = parts[0];
  if (parts.size() == 2) out.value = parts[1];
  return out;
}

bool ConditionHolds(const Json* object, const WaitFor& want) {
  if (want.kind == WaitFor::Kind::kDelete) return object == nullptr;
  if (want.kind != WaitFor::Kind::kCondition) return true;
  if (object == nullptr) return true;  // kubectl fails at once (NotFound)
  const Json* conditions = Find(*object, "status.conditions");
  if (conditions == nullptr || !conditions->is_array()) return false;
  for (const Json& c : *conditions) {
    if (absl::EqualsIgnoreCase(c.value("type", ""), want.type)) {
      return absl::EqualsIgnoreCase(c.value("status", ""), want.value);
    }
  }
  return false;
}

std::optional<std::string> Flag(const Operation& op, const std::string& name) {
  auto it = op.flags.find(name);
  if (it == op.flags.end()) return std::nullopt;
  return it->second;
}

// The longest the read waits: --timeout, else kubectl's default.
std::optional<absl::Duration> Timeout(const Operation& op, absl::Duration fallback) {
  std::optional<std::string> text = Flag(op, "timeout");
  if (!text) return fallback;
  absl::Duration d;
  if (!absl::ParseDuration(*text, &d)) return std::nullopt;
  if (d <= absl::ZeroDuration()) return op.verb == Verb::kRolloutStatus ? fallback : absl::ZeroDuration();
  return std::min(d, kMaxRolloutWait);
}

}  // namespace

absl::Status LetTimePass(Cluster& cluster, const World& world, const Operation& op,
                         const std::vector<ObjectKey>& targets) {
  std::function<bool(const Json*)> holds;
  std::optional<absl::Duration> timeout;
  if (op.verb == Verb::kRolloutStatus) {
    std::optional<std::string> watch = Flag(op, "watch");
    if (watch && absl::AsciiStrToLower(*watch) == "false") return absl::OkStatus();
    holds = RolloutComplete;
    timeout = Timeout(op, kMaxRolloutWait);
  } else if (op.verb == Verb::kWait) {
    WaitFor want = ParseFor(Flag(op, "for").value_or(""));
    if (want.kind == WaitFor::Kind::kOther) return absl::OkStatus();
    holds = [want](const Json* object) { return ConditionHolds(object, want); };
    timeout = Timeout(op, absl::Seconds(30));
  } else {
    return absl::OkStatus();
  }
  if (!timeout || targets.empty()) return absl::OkStatus();
  std::optional<absl::Time> now = ParseClockTime(cluster.now());
  if (!now) return absl::OkStatus();
  const absl::Time deadline = *now + *timeout;
  auto all_hold = [&] {
    for (const ObjectKey& key : targets) {
      if (!holds(cluster.Get(key))) return false;
    }
    return true;
  };
  while (!all_hold() && *now < deadline) {
    *now += absl::Seconds(1);
    if (absl::Status s = AdvanceTo(cluster, world, FormatClockTime(*now)); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace kreplay
