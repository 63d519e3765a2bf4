#include "replay/kubectl/call.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "model/manifest.h"
#include "model/type_registry.h"

namespace kreplay {
namespace {

Target& TargetFor(std::vector<Target>& targets, absl::string_view resource) {
  for (Target& target : targets) {
    if (target.resource == resource) return target;
  }
  targets.push_back(Target{std::string(resource), KindOfResource(resource), {}, {}, {}});
  return targets.back();
}

absl::StatusOr<std::vector<Target>> SlashTargets(absl::Span<const std::string> args) {
  std::vector<Target> targets;
  for (const std::string& arg : args) {
    std::vector<absl::string_view> parts = absl::StrSplit(arg, '/');
    if (parts.size() == 1) {
      return absl::InvalidArgumentError(absl::StrCat(
          "there is no need to specify a resource type as a separate argument when passing "
          "arguments in resource/name form (got \"", arg, "\"; expected TYPE/NAME)"));
    }
    if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "arguments in resource/name form must have a single resource and name (got \"", arg,
          "\")"));
    }
    TargetFor(targets, parts[0]).names.emplace_back(parts[1]);
  }
  return targets;
}

Target ProblemTarget(std::string problem) {
  Target target;
  target.problem = std::move(problem);
  return target;
}

Target ManifestTarget(Json manifest) {
  Target target;
  target.kind = GetString(manifest, "kind");
  if (std::string name = GetString(manifest, "metadata.name"); !name.empty()) {
    target.names.push_back(std::move(name));
  }
  target.manifest = std::move(manifest);
  return target;
}

void AddStdinTargets(const StdinSource& stdin, std::vector<Target>& out) {
  if (!stdin.text.has_value()) {
    out.push_back(ProblemTarget(absl::StrCat("-f -: content of ", stdin.origin,
                                             " is not recorded")));
    return;
  }
  if (absl::StripAsciiWhitespace(*stdin.text).empty()) {
    out.push_back(ProblemTarget(absl::StrCat("-f -: ", stdin.origin, " is empty")));
    return;
  }
  absl::StatusOr<std::vector<Json>> manifests = ParseManifests(*stdin.text, stdin.origin);
  if (!manifests.ok()) {
    out.push_back(ProblemTarget(absl::StrCat("-f -: ", manifests.status().message())));
    return;
  }
  for (Json& manifest : *manifests) out.push_back(ManifestTarget(std::move(manifest)));
}

bool IsUrl(absl::string_view path) {
  return absl::StartsWith(path, "http://") || absl::StartsWith(path, "https://");
}

}  // namespace

void AddProblem(Operation& op, absl::string_view problem) {
  if (problem.empty()) return;
  if (!op.problem.empty()) absl::StrAppend(&op.problem, "; ");
  absl::StrAppend(&op.problem, problem);
}

std::string KindOfResource(absl::string_view resource) {
  if (const TypeInfo* type = LookupType(resource)) return type->kind;
  // resource.version.group: drop the version.
  std::vector<absl::string_view> parts = absl::StrSplit(resource, absl::MaxSplits('.', 2));
  if (parts.size() == 3) {
    if (const TypeInfo* type = LookupType(absl::StrCat(parts[0], ".", parts[2]))) {
      return type->kind;
    }
  }
  return "";
}

absl::StatusOr<std::vector<Target>> ParseResourceArgs(absl::Span<const std::string> args) {
  if (args.empty()) return std::vector<Target>();
  bool slash = std::any_of(args.begin(), args.end(), [](const std::string& arg) {
    return arg.find('/') != std::string::npos;
  });
  if (slash) return SlashTargets(args);
  std::vector<Target> targets;
  for (absl::string_view type : absl::StrSplit(args[0], ',', absl::SkipEmpty())) {
    TargetFor(targets, type).names.assign(args.begin() + 1, args.end());
  }
  return targets;
}

std::vector<Target> FileTargets(const KubectlCall& call) {
  std::vector<Target> out;
  for (const std::string& file : call.args.Values("filename")) {
    if (file == "-") {
      AddStdinTargets(call.stdin, out);
    } else if (IsUrl(file)) {
      out.push_back(ProblemTarget(absl::StrCat("-f ", file, ": content of a URL is not recorded")));
    } else {
      out.push_back(ProblemTarget(
          absl::StrCat("-f ", file, ": content of a local file is not recorded")));
    }
  }
  for (const std::string& dir : call.args.Values("kustomize")) {
    out.push_back(ProblemTarget(absl::StrCat("-k ", dir, ": kustomization is not rendered")));
  }
  return out;
}

std::vector<std::string> AllArgs(const ParsedArgs& args) {
  std::vector<std::string> all = args.positionals;
  all.insert(all.end(), args.after_dash.begin(), args.after_dash.end());
  return all;
}

absl::Status UsageError(const KubectlCall& call, absl::string_view message) {
  return absl::InvalidArgumentError(
      absl::StrCat("kubectl ", call.args.command, ": ", message));
}

}  // namespace kreplay
