#include "replay/exec/operation.h"

#include <array>

namespace kreplay {
namespace {

constexpr std::array kVerbs = {
    VerbInfo{Verb::kGet, "get", false, false},
    VerbInfo{Verb::kDescribe, "describe", false, false},
    VerbInfo{Verb::kLogs, "logs", false, false},
    VerbInfo{Verb::kEvents, "events", false, false},
    VerbInfo{Verb::kWait, "wait", false, false},
    VerbInfo{Verb::kRolloutStatus, "rollout status", false, false},
    VerbInfo{Verb::kRolloutHistory, "rollout history", false, false},
    VerbInfo{Verb::kAuthCanI, "auth can-i", false, false},
    VerbInfo{Verb::kTop, "top", false, false},
    VerbInfo{Verb::kExplain, "explain", false, false},
    VerbInfo{Verb::kVersion, "version", false, false},
    VerbInfo{Verb::kApiResources, "api-resources", false, false},
    VerbInfo{Verb::kDiff, "diff", false, false},
    VerbInfo{Verb::kClusterInfo, "cluster-info", false, false},
    VerbInfo{Verb::kConfigView, "config view", false, false},
    VerbInfo{Verb::kLocal, "local", false, false},
    VerbInfo{Verb::kCreate, "create", true, false},
    VerbInfo{Verb::kApply, "apply", true, false},
    VerbInfo{Verb::kReplace, "replace", true, false},
    VerbInfo{Verb::kPatch, "patch", true, false},
    VerbInfo{Verb::kDelete, "delete", true, false},
    VerbInfo{Verb::kScale, "scale", true, false},
    VerbInfo{Verb::kRolloutRestart, "rollout restart", true, false},
    VerbInfo{Verb::kRolloutUndo, "rollout undo", true, false},
    VerbInfo{Verb::kRolloutPause, "rollout pause", true, false},
    VerbInfo{Verb::kRolloutResume, "rollout resume", true, false},
    VerbInfo{Verb::kSetImage, "set image", true, false},
    VerbInfo{Verb::kSetEnv, "set env", true, false},
    VerbInfo{Verb::kSetResources, "set resources", true, false},
    VerbInfo{Verb::kLabel, "label", true, false},
    VerbInfo{Verb::kAnnotate, "annotate", true, false},
    VerbInfo{Verb::kExec, "exec", true, true},
    VerbInfo{Verb::kCordon, "cordon", true, false},
    VerbInfo{Verb::kUncordon, "uncordon", true, false},
    VerbInfo{Verb::kDrain, "drain", true, false},
    VerbInfo{Verb::kTaint, "taint", true, false},
    VerbInfo{Verb::kAutoscale, "autoscale", true, false},
    VerbInfo{Verb::kExpose, "expose", true, false},
    VerbInfo{Verb::kRun, "run", true, false},
    VerbInfo{Verb::kHelmInstall, "helm install", true, false},
    VerbInfo{Verb::kHelmUpgrade, "helm upgrade", true, false},
    VerbInfo{Verb::kHelmUninstall, "helm uninstall", true, false},
    VerbInfo{Verb::kHelmRollback, "helm rollback", true, false},
    VerbInfo{Verb::kPortForward, "port-forward", true, true},
    VerbInfo{Verb::kUnknown, "unknown", true, false},
};

}  // namespace

const VerbInfo& InfoOf(Verb verb) {
  for (const VerbInfo& info : kVerbs) {
    if (info.verb == verb) return info;
  }
  return kVerbs.back();
}

std::optional<Verb> VerbByName(absl::string_view name) {
  for (const VerbInfo& info : kVerbs) {
    if (name == info.name) return info.verb;
  }
  return std::nullopt;
}

}  // namespace kreplay
