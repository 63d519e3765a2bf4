// Builders for commands whose objects are resource arguments, -f sources,
// a single pod, or nothing.
#include "replay/kubectl/target_builders.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "model/status_macros.h"
#include "replay/kubectl/flag_fields.h"

namespace kreplay {
namespace {

Operation ForTarget(const Operation& base, Target target) {
  Operation op = base;
  op.resource = std::move(target.resource);
  op.kind = std::move(target.kind);
  op.names = std::move(target.names);
  if (target.manifest.has_value()) {
    // Kind, name and namespace repeat the manifest's for rules and reports;
    // `ns` stays no -n (ns_explicit false): the executor addresses the
    // manifest itself and checks it against a real -n (ResolveTargets).
    if (!op.ns_explicit) op.ns = GetString(*target.manifest, "metadata.namespace");
    op.manifests.push_back(std::move(*target.manifest));
  } else if (op.kind.empty() && target.problem.empty() && !op.resource.empty() &&
             op.mutating()) {
    AddProblem(op, op.resource == "all"
                       ? "category \"all\" is not expanded into kinds"
                       : absl::StrCat("unknown resource type \"", op.resource, "\""));
  }
  AddProblem(op, target.problem);
  return op;
}

std::vector<Operation> ForTargets(const Operation& base, std::vector<Target> targets) {
  if (targets.empty()) return {base};
  std::vector<Operation> ops;
  for (Target& target : targets) ops.push_back(ForTarget(base, std::move(target)));
  return ops;
}

bool Selects(const ParsedArgs& args) {
  return args.Has("selector") || args.Has("field-selector") || args.Bool("all");
}

absl::Status CheckNeed(const KubectlCall& call, const KubectlCommand& row,
                       const std::vector<Target>& targets) {
  if (row.need == Need::kNothing) return absl::OkStatus();
  if (targets.empty()) {
    return UsageError(call, "expected a resource (TYPE NAME, TYPE/NAME) or -f FILENAME");
  }
  bool selects = call.args.Has("selector") || call.args.Has("field-selector");
  for (const Target& target : targets) {
    if (target.manifest.has_value() || !target.problem.empty()) continue;
    if (!target.names.empty() && selects) {
      return UsageError(call, absl::StrCat("name cannot be provided when a selector is "
                                           "specified (got \"", target.names[0], "\")"));
    }
    if (row.need == Need::kName && target.names.empty() && !Selects(call.args)) {
      return UsageError(call, absl::StrCat("resource \"", target.resource,
                                           "\" was provided, but no name was specified "
                                           "(expected NAME, -l SELECTOR or --all)"));
    }
  }
  return absl::OkStatus();
}

// Resource arguments, or names only when the command implies the type
// (`drain node-1`; `drain node/node-1` names its type itself).
absl::StatusOr<std::vector<Target>> ArgTargets(const KubectlCommand& row,
                                               const std::vector<std::string>& words) {
  bool typed_words = std::any_of(words.begin(), words.end(), [](const std::string& word) {
    return word.find('/') != std::string::npos;
  });
  if (row.implied == nullptr || typed_words) return ParseResourceArgs(words);
  std::vector<std::string> typed = {row.implied};
  typed.insert(typed.end(), words.begin(), words.end());
  return ParseResourceArgs(typed);
}

// POD or TYPE/NAME.
absl::StatusOr<Target> PodTarget(const std::string& word) {
  if (word.find('/') != std::string::npos) {
    KREPLAY_ASSIGN_OR_RETURN(std::vector<Target> targets, ParseResourceArgs({word}));
    return std::move(targets[0]);
  }
  return Target{"", "Pod", {word}, {}, {}};
}

}  // namespace

absl::StatusOr<Operation> BaseOperation(const KubectlCall& call, const KubectlCommand& row) {
  Operation op;
  op.verb = row.verb;
  KREPLAY_RETURN_IF_ERROR(ApplyFlagFields(call, op));
  if (row.problem != nullptr) AddProblem(op, row.problem);
  return op;
}

absl::StatusOr<std::vector<Operation>> BuildTargets(const KubectlCall& call,
                                                    const KubectlCommand& row) {
  KREPLAY_ASSIGN_OR_RETURN(Operation base, BaseOperation(call, row));
  KREPLAY_ASSIGN_OR_RETURN(std::vector<Target> targets, ArgTargets(row, AllArgs(call.args)));
  std::vector<Target> files = FileTargets(call);
  if (!targets.empty() && !files.empty()) {
    return UsageError(call, "expected resource arguments or -f, not both");
  }
  if (targets.empty()) targets = std::move(files);
  if (row.implied != nullptr && targets.empty()) {
    targets.push_back(Target{row.implied, KindOfResource(row.implied), {}, {}, {}});
  }
  KREPLAY_RETURN_IF_ERROR(CheckNeed(call, row, targets));
  return ForTargets(base, std::move(targets));
}

absl::StatusOr<std::vector<Operation>> BuildFiles(const KubectlCall& call,
                                                  const KubectlCommand& row) {
  if (std::vector<std::string> args = AllArgs(call.args); !args.empty()) {
    return UsageError(call, absl::StrCat("unexpected argument \"", args[0],
                                         "\" (expected -f FILENAME or -k DIR)"));
  }
  std::vector<Target> targets = FileTargets(call);
  if (targets.empty()) return UsageError(call, "must specify one of -f and -k");
  KREPLAY_ASSIGN_OR_RETURN(Operation base, BaseOperation(call, row));
  return ForTargets(base, std::move(targets));
}

absl::StatusOr<std::vector<Operation>> BuildNoTarget(const KubectlCall& call,
                                                     const KubectlCommand& row) {
  KREPLAY_ASSIGN_OR_RETURN(Operation op, BaseOperation(call, row));
  if (row.implied != nullptr) {
    op.resource = row.implied;
    op.kind = KindOfResource(row.implied);
  }
  op.args = AllArgs(call.args);
  return std::vector<Operation>{std::move(op)};
}

absl::StatusOr<std::vector<Operation>> BuildPodTarget(const KubectlCall& call,
                                                      const KubectlCommand& row) {
  if (call.args.positionals.empty()) {
    return UsageError(call, "expected POD or TYPE/NAME");
  }
  KREPLAY_ASSIGN_OR_RETURN(Operation base, BaseOperation(call, row));
  KREPLAY_ASSIGN_OR_RETURN(Target target, PodTarget(call.args.positionals[0]));
  std::vector<Operation> ops = ForTargets(base, {std::move(target)});
  ops[0].args.assign(call.args.positionals.begin() + 1, call.args.positionals.end());
  ops[0].command = call.args.after_dash;
  return ops;
}

absl::StatusOr<std::vector<Operation>> BuildLogs(const KubectlCall& call,
                                                 const KubectlCommand& row) {
  const std::vector<std::string> args = AllArgs(call.args);
  bool selects = call.args.Has("selector");
  if (args.empty() && !selects) {
    return UsageError(call, "expected POD or TYPE/NAME (or -l SELECTOR)");
  }
  if (!args.empty() && selects) return UsageError(call, "only one of -l or POD may be given");
  if (args.size() > 2) return UsageError(call, "expected POD [CONTAINER]");
  KREPLAY_ASSIGN_OR_RETURN(Operation base, BaseOperation(call, row));
  if (selects) {
    base.kind = "Pod";
    return std::vector<Operation>{std::move(base)};
  }
  KREPLAY_ASSIGN_OR_RETURN(Target target, PodTarget(args[0]));
  std::vector<Operation> ops = ForTargets(base, {std::move(target)});
  if (args.size() == 2) ops[0].container = args[1];
  return ops;
}

absl::StatusOr<std::vector<Operation>> BuildExplain(const KubectlCall& call,
                                                    const KubectlCommand& row) {
  const std::vector<std::string> args = AllArgs(call.args);
  if (args.empty()) return UsageError(call, "expected a resource type (TYPE[.FIELD...])");
  KREPLAY_ASSIGN_OR_RETURN(Operation op, BaseOperation(call, row));
  op.resource = args[0];
  std::vector<absl::string_view> path = absl::StrSplit(args[0], absl::MaxSplits('.', 1));
  op.kind = KindOfResource(path[0]);
  return std::vector<Operation>{std::move(op)};
}

absl::StatusOr<std::vector<Operation>> BuildAuthCanI(const KubectlCall& call,
                                                     const KubectlCommand& row) {
  const std::vector<std::string> args = AllArgs(call.args);
  KREPLAY_ASSIGN_OR_RETURN(Operation base, BaseOperation(call, row));
  if (call.args.Bool("list")) return std::vector<Operation>{std::move(base)};
  if (args.size() < 2) {
    return UsageError(call, "expected VERB and TYPE, TYPE/NAME or a non-resource URL");
  }
  base.args = {args[0]};
  if (absl::StartsWith(args[1], "/")) {
    base.args.push_back(args[1]);
    return std::vector<Operation>{std::move(base)};
  }
  KREPLAY_ASSIGN_OR_RETURN(std::vector<Target> targets,
                           ParseResourceArgs({args[1]}));
  return ForTargets(base, std::move(targets));
}

absl::StatusOr<std::vector<Operation>> BuildCp(const KubectlCall& call, const KubectlCommand& row) {
  const std::vector<std::string> args = AllArgs(call.args);
  if (args.size() != 2) return UsageError(call, "expected SOURCE and DESTINATION");
  KREPLAY_ASSIGN_OR_RETURN(Operation op, BaseOperation(call, row));
  op.kind = "Pod";
  op.args = args;
  for (const std::string& arg : args) {
    size_t colon = arg.find(':');
    if (colon == std::string::npos || absl::StartsWith(arg, "/") ||
        absl::StartsWith(arg, ".")) {
      continue;
    }
    std::string pod = arg.substr(0, colon);
    if (size_t slash = pod.find('/'); slash != std::string::npos) {
      op.ns = pod.substr(0, slash);
      op.ns_explicit = true;
      pod = pod.substr(slash + 1);
    }
    op.names = {pod};
    return std::vector<Operation>{std::move(op)};
  }
  return UsageError(call, "expected one of SOURCE or DESTINATION to be POD:PATH");
}

}  // namespace kreplay
