// What one tool call means for the cluster: an Operation.
//
// Importers and vocabularies turn tool calls (kubectl strings, MCP tools,
// audit events) into Operations; the executor applies Operations to the
// simulated cluster. One call can carry several Operations (`a && b`, a
// multi-document manifest).
#ifndef KREPLAY_REPLAY_EXEC_OPERATION_H_
#define KREPLAY_REPLAY_EXEC_OPERATION_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "model/json.h"
#include "model/patch.h"

namespace kreplay {

enum class Verb {
  // Reads.
  kGet, kDescribe, kLogs, kEvents, kWait, kRolloutStatus, kRolloutHistory,
  kAuthCanI, kTop, kExplain, kVersion, kApiResources, kDiff, kClusterInfo,
  kConfigView,
  // A command other than kubectl/helm that only reads or formats text (jq,
  // grep, echo, sleep, ...): it never touches the cluster.
  kLocal,
  // Mutations.
  kCreate, kApply, kReplace, kPatch, kDelete, kScale, kRolloutRestart,
  kRolloutUndo, kRolloutPause, kRolloutResume, kSetImage, kSetEnv,
  kSetResources, kLabel, kAnnotate, kExec, kCordon, kUncordon, kDrain, kTaint,
  kAutoscale, kExpose, kRun, kHelmInstall, kHelmUpgrade, kHelmUninstall,
  kHelmRollback, kPortForward,
  // Something we could not interpret (see Operation::problem).
  kUnknown,
};

// Canonical name (`rollout restart`, `set image`), whether it mutates, and
// whether it opens a delegated execution channel (exec, port-forward).
struct VerbInfo {
  Verb verb;
  const char* name;
  bool mutating;
  bool delegated;
};
const VerbInfo& InfoOf(Verb verb);
// Finds a verb by canonical name; nullopt when unknown.
std::optional<Verb> VerbByName(absl::string_view name);

enum class DryRun { kNone, kClient, kServer };
enum class Cascade { kBackground, kForeground, kOrphan };

struct Operation {
  Verb verb = Verb::kUnknown;

  // Target. `kind` is resolved through the type registry when known
  // (`deploy` -> `Deployment`); `resource` keeps what the caller typed.
  std::string resource;
  std::string kind;
  std::string ns;                  // explicit namespace, empty if none given
  bool ns_explicit = false;        // -n/--namespace (or the tool's) was given
  std::vector<std::string> names;  // by name; empty with selector/all
  std::string selector;            // -l string syntax
  std::string field_selector;
  bool all = false;                // --all
  bool all_namespaces = false;     // -A

  // Payloads.
  std::vector<Json> manifests;     // create/apply/replace -f, inline or heredoc
  Json patch;                      // patch body
  PatchType patch_type = PatchType::kStrategic;
  std::map<std::string, std::optional<std::string>> pairs;  // label/annotate k=v; k- => nullopt; set image c=img; set env
  std::optional<int64_t> replicas;     // scale
  std::optional<int64_t> to_revision;  // rollout undo
  std::string container;               // logs/exec -c, set image target
  std::vector<std::string> command;    // exec / run command words
  // Positional words a verb needs that no field above holds: port-forward's
  // port specs (`8080:80`), auth can-i's verb (and non-resource URL).
  std::vector<std::string> args;
  std::string subresource;                  // patch/get/apply --subresource (status, scale)
  std::optional<int64_t> current_replicas;  // scale --current-replicas precondition

  // Flags.
  DryRun dry_run = DryRun::kNone;
  Cascade cascade = Cascade::kBackground;
  std::optional<int64_t> grace_period;
  bool force = false;
  bool overwrite = false;
  bool ignore_not_found = false;
  bool server_side = false;        // apply --server-side / SSA tools
  bool force_conflicts = false;
  std::string field_manager;       // empty: the verb's kubectl default
  bool local = false;              // --local: client only, no server call
  // Every flag as given, by long name (`-n x` is "namespace"; booleans
  // "true"/"false"; repeated flags joined with ","), including those the
  // typed fields above already hold. Verb-specific options without a field
  // (drain's ignore-daemonsets, logs' tail, wait's for) are read from here.
  std::map<std::string, std::string> flags;

  // Where it came from: the command text or tool name, for reports.
  std::string source;
  // Non-empty when the call could not be interpreted fully (a `$(...)`,
  // an unknown flag on a mutation, ...). kUnknown verbs always carry one.
  std::string problem;

  bool mutating() const { return InfoOf(verb).mutating; }
};

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_EXEC_OPERATION_H_
