#include "replay/kubectl/parser.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "model/status_macros.h"
#include "replay/kubectl/command.h"
#include "replay/kubectl/generators.h"
#include "replay/kubectl/grammar.h"
#include "replay/kubectl/pair_builders.h"
#include "replay/kubectl/payload_hooks.h"
#include "replay/kubectl/service_generators.h"
#include "replay/kubectl/target_builders.h"

namespace kreplay {
namespace {

constexpr char kKubeconfigProblem[] =
    "changes the kubeconfig (context, namespace or credentials): later commands are "
    "interpreted without the change";

// Every command of KubectlGrammar(): its verb, builder, needs and hook
// (KubectlCommand fields: command, verb, build, need, hook, implied, problem).
constexpr KubectlCommand kCommands[] = {
    // Reads.
    {"get", Verb::kGet, BuildTargets, Need::kType, EventsHook},
    {"describe", Verb::kDescribe, BuildTargets, Need::kType},
    {"logs", Verb::kLogs, BuildLogs},
    {"events", Verb::kEvents, BuildNoTarget, Need::kNothing, nullptr, "events"},
    {"wait", Verb::kWait, BuildTargets, Need::kType},
    {"top pod", Verb::kTop, BuildTargets, Need::kNothing, nullptr, "pods"},
    {"top node", Verb::kTop, BuildTargets, Need::kNothing, nullptr, "nodes"},
    {"explain", Verb::kExplain, BuildExplain},
    {"version", Verb::kVersion, BuildNoTarget},
    {"api-resources", Verb::kApiResources, BuildNoTarget},
    {"api-versions", Verb::kApiResources, BuildNoTarget},
    {"cluster-info", Verb::kClusterInfo, BuildNoTarget},
    {"cluster-info dump", Verb::kClusterInfo, BuildNoTarget},
    {"config view", Verb::kConfigView, BuildNoTarget},
    {"config get-contexts", Verb::kConfigView, BuildNoTarget},
    {"config current-context", Verb::kConfigView, BuildNoTarget},
    {"config get-clusters", Verb::kConfigView, BuildNoTarget},
    {"config get-users", Verb::kConfigView, BuildNoTarget},
    {"auth can-i", Verb::kAuthCanI, BuildAuthCanI},
    {"auth whoami", Verb::kAuthCanI, BuildNoTarget},
    {"diff", Verb::kDiff, BuildFiles},
    {"apply view-last-applied", Verb::kGet, BuildTargets, Need::kType},
    // Commands that never reach the cluster.
    {"kustomize", Verb::kLocal, BuildNoTarget},
    {"completion", Verb::kLocal, BuildNoTarget},
    {"options", Verb::kLocal, BuildNoTarget},
    {"help", Verb::kLocal, BuildNoTarget},
    {"plugin", Verb::kLocal, BuildNoTarget},
    {"plugin list", Verb::kLocal, BuildNoTarget},
    // Mutations.
    {"create", Verb::kCreate, BuildFiles},
    {"create deployment", Verb::kCreate, BuildGenerated},
    {"create configmap", Verb::kCreate, BuildGenerated},
    {"create secret generic", Verb::kCreate, BuildGenerated},
    {"create secret tls", Verb::kCreate, BuildGenerated},
    {"create secret docker-registry", Verb::kCreate, BuildGenerated},
    {"create service clusterip", Verb::kCreate, BuildGenerated},
    {"create service nodeport", Verb::kCreate, BuildGenerated},
    {"create service loadbalancer", Verb::kCreate, BuildGenerated},
    {"create service externalname", Verb::kCreate, BuildGenerated},
    {"create namespace", Verb::kCreate, BuildGenerated},
    {"create serviceaccount", Verb::kCreate, BuildGenerated},
    {"create job", Verb::kCreate, BuildGenerated},
    {"create cronjob", Verb::kCreate, BuildGenerated},
    {"create role", Verb::kCreate, BuildGenerated},
    {"create rolebinding", Verb::kCreate, BuildGenerated},
    {"create clusterrole", Verb::kCreate, BuildGenerated},
    {"create clusterrolebinding", Verb::kCreate, BuildGenerated},
    {"create ingress", Verb::kCreate, BuildGenerated},
    {"create poddisruptionbudget", Verb::kCreate, BuildGenerated},
    {"create priorityclass", Verb::kCreate, BuildGenerated},
    {"create quota", Verb::kCreate, BuildGenerated},
    {"run", Verb::kRun, BuildGenerated},
    {"apply", Verb::kApply, BuildFiles, Need::kNothing, ApplyHook},
    {"replace", Verb::kReplace, BuildFiles, Need::kNothing, ReplaceHook},
    {"patch", Verb::kPatch, BuildTargets, Need::kName, PatchHook},
    {"delete", Verb::kDelete, BuildTargets, Need::kName, DeleteHook},
    {"scale", Verb::kScale, BuildTargets, Need::kName, ScaleHook},
    {"autoscale", Verb::kAutoscale, BuildTargets, Need::kName, AutoscaleHook},
    {"expose", Verb::kExpose, BuildTargets, Need::kName, ExposeHook},
    {"rollout restart", Verb::kRolloutRestart, BuildTargets, Need::kType},
    {"rollout undo", Verb::kRolloutUndo, BuildTargets, Need::kType},
    {"rollout pause", Verb::kRolloutPause, BuildTargets, Need::kType},
    {"rollout resume", Verb::kRolloutResume, BuildTargets, Need::kType},
    {"rollout status", Verb::kRolloutStatus, BuildTargets, Need::kType},
    {"rollout history", Verb::kRolloutHistory, BuildTargets, Need::kType},
    {"set image", Verb::kSetImage, BuildPairs, Need::kName, SetImageHook},
    {"set env", Verb::kSetEnv, BuildPairs, Need::kName, SetEnvHook},
    {"set resources", Verb::kSetResources, BuildTargets, Need::kName, SetResourcesHook},
    {"label", Verb::kLabel, BuildPairs, Need::kName, LabelHook},
    {"annotate", Verb::kAnnotate, BuildPairs, Need::kName, LabelHook},
    {"exec", Verb::kExec, BuildPodTarget, Need::kNothing, PodCommandHook},
    {"attach", Verb::kExec, BuildPodTarget},
    {"cp", Verb::kExec, BuildCp},
    {"port-forward", Verb::kPortForward, BuildPodTarget, Need::kNothing, PortForwardHook},
    {"proxy", Verb::kPortForward, BuildNoTarget},
    {"cordon", Verb::kCordon, BuildTargets, Need::kName, nullptr, "nodes"},
    {"uncordon", Verb::kUncordon, BuildTargets, Need::kName, nullptr, "nodes"},
    {"drain", Verb::kDrain, BuildTargets, Need::kName, nullptr, "nodes"},
    {"taint", Verb::kTaint, BuildTaint, Need::kName},
    // Mutations kreplay cannot interpret: kept, with the reason.
    {"create token", Verb::kUnknown, BuildNoTarget, Need::kNothing, nullptr, nullptr,
     "create token requests a ServiceAccount token: not modelled"},
    {"apply set-last-applied", Verb::kUnknown, BuildFiles, Need::kNothing, nullptr, nullptr,
     "apply set-last-applied rewrites the last-applied annotation: not modelled"},
    {"apply edit-last-applied", Verb::kUnknown, BuildTargets, Need::kNothing, nullptr, nullptr,
     "interactive edit: the edited content is not recorded"},
    {"edit", Verb::kUnknown, BuildTargets, Need::kNothing, nullptr, nullptr,
     "interactive edit: the edited content is not recorded"},
    {"set selector", Verb::kUnknown, BuildPairs, Need::kNothing, nullptr, nullptr,
     "set selector is not modelled"},
    {"set serviceaccount", Verb::kUnknown, BuildTargets, Need::kNothing, nullptr, nullptr,
     "set serviceaccount is not modelled"},
    {"set subject", Verb::kUnknown, BuildTargets, Need::kNothing, nullptr, nullptr,
     "set subject is not modelled"},
    {"auth reconcile", Verb::kUnknown, BuildFiles, Need::kNothing, nullptr, nullptr,
     "auth reconcile is not modelled"},
    {"debug", Verb::kUnknown, BuildPodTarget, Need::kNothing, nullptr, nullptr,
     "debug creates ephemeral containers or copies of pods: not modelled"},
    {"certificate approve", Verb::kUnknown, BuildTargets, Need::kNothing, nullptr, nullptr,
     "certificate approve is not modelled"},
    {"certificate deny", Verb::kUnknown, BuildTargets, Need::kNothing, nullptr, nullptr,
     "certificate deny is not modelled"},
    {"config use-context", Verb::kUnknown, BuildNoTarget, Need::kNothing, nullptr, nullptr,
     kKubeconfigProblem},
    {"config set-context", Verb::kUnknown, BuildNoTarget, Need::kNothing, nullptr, nullptr,
     kKubeconfigProblem},
    {"config set", Verb::kUnknown, BuildNoTarget, Need::kNothing, nullptr, nullptr,
     kKubeconfigProblem},
    {"config unset", Verb::kUnknown, BuildNoTarget, Need::kNothing, nullptr, nullptr,
     kKubeconfigProblem},
    {"config delete-context", Verb::kUnknown, BuildNoTarget, Need::kNothing, nullptr, nullptr,
     kKubeconfigProblem},
    {"config rename-context", Verb::kUnknown, BuildNoTarget, Need::kNothing, nullptr, nullptr,
     kKubeconfigProblem},
    {"config set-cluster", Verb::kUnknown, BuildNoTarget, Need::kNothing, nullptr, nullptr,
     kKubeconfigProblem},
    {"config set-credentials", Verb::kUnknown, BuildNoTarget, Need::kNothing, nullptr, nullptr,
     kKubeconfigProblem},
    {"config delete-cluster", Verb::kUnknown, BuildNoTarget, Need::kNothing, nullptr, nullptr,
     kKubeconfigProblem},
    {"config delete-user", Verb::kUnknown, BuildNoTarget, Need::kNothing, nullptr, nullptr,
     kKubeconfigProblem},
};

constexpr KubectlCommand kHelpCommand = {"help", Verb::kLocal, BuildNoTarget};

const KubectlCommand* FindCommand(absl::string_view command) {
  for (const KubectlCommand& row : kCommands) {
    if (row.command == command) return &row;
  }
  return nullptr;
}

bool NeedsQuoting(absl::string_view word) {
  if (word.empty()) return true;
  return std::any_of(word.begin(), word.end(), [](char c) {
    return !absl::ascii_isalnum(c) &&
           absl::string_view("_./:=,@%+-").find(c) == absl::string_view::npos;
  });
}

void MarkUnknownFlags(const KubectlCall& call, std::vector<Operation>& ops) {
  if (call.args.unknown_flags.empty()) return;
  std::string problem = absl::StrCat("unknown flag ", absl::StrJoin(call.args.unknown_flags, ", "),
                                     " for kubectl ", call.args.command);
  for (Operation& op : ops) {
    if (op.mutating()) AddProblem(op, problem);
  }
}

}  // namespace

bool IsKubectlProgram(absl::string_view word) {
  absl::string_view base = word.substr(word.find_last_of("/\\") + 1);
  return base == "kubectl" || base == "kubectl.exe" || base == "k" || base == "oc";
}

Verb KubectlVerbOf(const std::vector<std::string>& argv) {
  if (argv.empty()) return Verb::kUnknown;
  absl::StatusOr<ParsedArgs> args =
      ParseArgs(absl::MakeConstSpan(argv).subspan(1), KubectlGrammar());
  if (!args.ok()) {
    // A malformed flag should not hide the command: read the words alone.
    std::vector<std::string> words;
    for (size_t i = 1; i < argv.size() && argv[i] != "--"; ++i) {
      if (!absl::StartsWith(argv[i], "-")) words.push_back(argv[i]);
    }
    args = ParseArgs(words, KubectlGrammar());
  }
  const KubectlCommand* row = args.ok() ? FindCommand(args->command) : nullptr;
  return row == nullptr ? Verb::kUnknown : row->verb;
}

std::string JoinArgv(const std::vector<std::string>& argv) {
  std::vector<std::string> words;
  for (const std::string& word : argv) {
    words.push_back(NeedsQuoting(word)
                        ? absl::StrCat("'", absl::StrReplaceAll(word, {{"'", "'\\''"}}), "'")
                        : word);
  }
  return absl::StrJoin(words, " ");
}

absl::StatusOr<std::vector<Operation>> ParseKubectl(const std::vector<std::string>& argv,
                                                    const std::string& stdin_text) {
  return ParseKubectl(argv, StdinSource{stdin_text, "stdin"});
}

absl::StatusOr<std::vector<Operation>> ParseKubectl(const std::vector<std::string>& argv,
                                                    const StdinSource& stdin) {
  if (argv.empty() || !IsKubectlProgram(argv[0])) {
    return absl::InvalidArgumentError(absl::StrCat(
        "not a kubectl command: \"", argv.empty() ? "" : argv[0], "\" (expected kubectl)"));
  }
  KubectlCall call;
  KREPLAY_ASSIGN_OR_RETURN(call.args,
                           ParseArgs(absl::MakeConstSpan(argv).subspan(1), KubectlGrammar()));
  call.stdin = stdin;
  bool help = call.args.Bool("help");
  if (call.args.command.empty() && !help) {
    return absl::InvalidArgumentError(
        "kubectl: expected a command (get, describe, apply, delete, patch, ...)");
  }
  const KubectlCommand* row = help ? &kHelpCommand : FindCommand(call.args.command);
  if (row == nullptr) {
    return absl::InternalError(absl::StrCat("no table row for kubectl ", call.args.command));
  }
  KREPLAY_ASSIGN_OR_RETURN(std::vector<Operation> ops, row->build(call, *row));
  if (row->hook != nullptr) KREPLAY_RETURN_IF_ERROR(row->hook(call, ops));
  MarkUnknownFlags(call, ops);
  std::string source = JoinArgv(argv);
  for (Operation& op : ops) op.source = source;
  return ops;
}

}  // namespace kreplay
