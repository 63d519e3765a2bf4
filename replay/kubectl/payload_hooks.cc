// Hooks that read a verb's payload (patch body, replicas, exec command) and
// apply kubectl's client-side rules for it (delete's grace period, apply's
// prune) to the Operations a builder made.
#include "replay/kubectl/payload_hooks.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "model/manifest.h"
#include "model/status_macros.h"

namespace kreplay {
namespace {

void AddProblemToAll(std::vector<Operation>& ops, absl::string_view problem) {
  for (Operation& op : ops) AddProblem(op, problem);
}

}  // namespace

absl::Status EventsHook(const KubectlCall&, std::vector<Operation>& ops) {
  for (Operation& op : ops) {
    if (op.kind == "Event") op.verb = Verb::kEvents;
  }
  return absl::OkStatus();
}

absl::Status ApplyHook(const KubectlCall& call, std::vector<Operation>& ops) {
  if (call.args.Bool("prune")) {
    AddProblemToAll(ops, "apply --prune deletes objects missing from the manifests: the "
                         "pruned set is not interpreted");
  }
  return absl::OkStatus();
}

absl::Status PatchHook(const KubectlCall& call, std::vector<Operation>& ops) {
  const std::string* body = call.args.Last("patch");
  const std::string* file = call.args.Last("patch-file");
  if (body != nullptr && file != nullptr) {
    return UsageError(call, "--patch and --patch-file are mutually exclusive");
  }
  if (file != nullptr) {
    AddProblemToAll(ops, absl::StrCat("--patch-file ", *file,
                                      ": content of a local file is not recorded"));
    return absl::OkStatus();
  }
  if (body == nullptr) {
    return UsageError(call, "must specify --patch or --patch-file containing the contents of "
                            "the patch");
  }
  absl::StatusOr<Json> patch = ParseJsonOrYaml(*body, "--patch");
  for (Operation& op : ops) {
    if (patch.ok()) {
      op.patch = *patch;
    } else {
      AddProblem(op, patch.status().message());
    }
  }
  return absl::OkStatus();
}

// delete.go Complete(): --now is a 1 s grace period; --grace-period=0 without
// --force becomes 1; --force alone means 0; selecting by -l/--all/
// --field-selector ignores NotFound unless --ignore-not-found was given.
absl::Status DeleteHook(const KubectlCall& call, std::vector<Operation>& ops) {
  bool now = call.args.Bool("now");
  if (now && call.args.Has("grace-period") && ops[0].grace_period != -1) {
    return UsageError(call, "--now and --grace-period cannot be specified together");
  }
  bool selects = call.args.Has("selector") || call.args.Has("field-selector") ||
                 call.args.Bool("all");
  for (Operation& op : ops) {
    if (now) op.grace_period = 1;
    if (op.grace_period == 0 && !op.force) op.grace_period = 1;
    if (op.force && op.grace_period.value_or(-1) < 0) op.grace_period = 0;
    if (op.grace_period.value_or(0) < 0) op.grace_period.reset();
    if (selects && !call.args.Has("ignore-not-found")) op.ignore_not_found = true;
  }
  return absl::OkStatus();
}

// replace.go: a grace period needs --force; 0 becomes 1.
absl::Status ReplaceHook(const KubectlCall& call, std::vector<Operation>& ops) {
  for (Operation& op : ops) {
    if (op.grace_period.value_or(-1) >= 0 && !op.force) {
      return UsageError(call, "--grace-period must have --force specified");
    }
    if (op.grace_period == 0) op.grace_period = 1;
    if (op.grace_period.value_or(0) < 0) op.grace_period.reset();
  }
  return absl::OkStatus();
}

absl::Status ScaleHook(const KubectlCall& call, std::vector<Operation>& ops) {
  if (!ops[0].replicas.has_value() || *ops[0].replicas < 0) {
    return UsageError(call, "the --replicas=COUNT flag is required, and COUNT must be greater "
                            "than or equal to 0");
  }
  for (Operation& op : ops) {
    if (op.current_replicas.value_or(0) < 0) op.current_replicas.reset();
  }
  return absl::OkStatus();
}

// `exec POD -- CMD...`; the deprecated `exec POD CMD...` still runs CMD.
absl::Status PodCommandHook(const KubectlCall& call, std::vector<Operation>& ops) {
  Operation& op = ops[0];
  if (op.command.empty()) op.command = op.args;
  op.args.clear();
  if (op.command.empty()) {
    return UsageError(call, "you must specify at least one command for the container "
                            "(exec POD -- COMMAND)");
  }
  return absl::OkStatus();
}

absl::Status PortForwardHook(const KubectlCall& call, std::vector<Operation>& ops) {
  if (ops[0].args.empty()) {
    return UsageError(call, "at least 1 PORT is required ([LOCAL_PORT:]REMOTE_PORT)");
  }
  return absl::OkStatus();
}

}  // namespace kreplay
