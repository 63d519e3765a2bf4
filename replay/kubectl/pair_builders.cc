// Builders and hooks for commands that take resource arguments followed by
// `KEY=VALUE` / `KEY-` words: label, annotate, set image, set env, taint;
// and set resources, whose pairs come from flags.
#include "replay/kubectl/pair_builders.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "model/status_macros.h"
#include "replay/kubectl/target_builders.h"

namespace kreplay {
namespace {

using Pairs = std::map<std::string, std::optional<std::string>>;
using PairTest = bool (*)(absl::string_view word);

// kubectl's GetResourcesAndPairs: `k=v` and `k-` are pairs.
bool IsPair(absl::string_view word) {
  return (absl::StrContains(word, "=") && word[0] != '=') ||
         (absl::EndsWith(word, "-") && word != "-");
}

// taint.go: a taint spec also has `:EFFECT`.
bool IsTaint(absl::string_view word) { return IsPair(word) || absl::StrContains(word, ":"); }

struct Split {
  std::vector<std::string> resources;
  std::vector<std::string> pairs;
};

absl::StatusOr<Split> SplitPairs(const KubectlCall& call, PairTest is_pair) {
  Split split;
  for (const std::string& word : AllArgs(call.args)) {
    if (is_pair(word)) {
      split.pairs.push_back(word);
    } else if (!split.pairs.empty()) {
      return UsageError(call, absl::StrCat("all resources must be specified before the "
                                           "changes (got \"", word, "\" after \"",
                                           split.pairs.back(), "\")"));
    } else {
      split.resources.push_back(word);
    }
  }
  return split;
}

void AddPair(absl::string_view word, Pairs& pairs) {
  if (size_t eq = word.find('='); eq != absl::string_view::npos) {
    pairs[std::string(word.substr(0, eq))] = std::string(word.substr(eq + 1));
  } else {
    pairs[std::string(absl::StripSuffix(word, "-"))] = std::nullopt;
  }
}

// The objects named before the pairs, as BuildTargets would read them.
absl::StatusOr<std::vector<Operation>> PairTargets(const KubectlCall& call,
                                                   const KubectlCommand& row,
                                                   const std::vector<std::string>& resources) {
  KubectlCall without_pairs = call;
  without_pairs.args.positionals = resources;
  without_pairs.args.after_dash.clear();
  return BuildTargets(without_pairs, row);
}

constexpr absl::string_view kEffects[] = {"NoSchedule", "PreferNoSchedule", "NoExecute"};

absl::Status AddTaint(const KubectlCall& call, absl::string_view spec, Pairs& pairs) {
  bool remove = absl::ConsumeSuffix(&spec, "-");
  std::pair<absl::string_view, absl::string_view> key_effect =
      absl::StrSplit(spec, absl::MaxSplits(':', 1));
  std::pair<absl::string_view, absl::string_view> key_value =
      absl::StrSplit(key_effect.first, absl::MaxSplits('=', 1));
  absl::string_view effect = key_effect.second;
  if (!effect.empty() &&
      std::find(std::begin(kEffects), std::end(kEffects), effect) == std::end(kEffects)) {
    return UsageError(call, absl::StrCat("invalid taint effect \"", effect,
                                         "\" (expected NoSchedule, PreferNoSchedule or "
                                         "NoExecute)"));
  }
  if (effect.empty() && !remove) {
    return UsageError(call, absl::StrCat("invalid taint spec \"", spec,
                                         "\" (expected KEY[=VALUE]:EFFECT)"));
  }
  std::string key = effect.empty() ? std::string(key_value.first)
                                   : absl::StrCat(key_value.first, ":", effect);
  if (remove) {
    pairs[key] = std::nullopt;
  } else {
    pairs[key] = std::string(key_value.second);
  }
  return absl::OkStatus();
}

void MakeRead(std::vector<Operation>& ops) {
  for (Operation& op : ops) op.verb = Verb::kGet;
}

absl::Status ForbidRemovals(const KubectlCall& call, const std::vector<Operation>& ops) {
  for (const auto& [key, value] : ops[0].pairs) {
    if (!value.has_value()) {
      return UsageError(call, absl::StrCat("invalid image spec \"", key,
                                           "-\" (expected CONTAINER=IMAGE)"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<Operation>> BuildPairs(const KubectlCall& call,
                                                  const KubectlCommand& row) {
  KREPLAY_ASSIGN_OR_RETURN(Split split, SplitPairs(call, IsPair));
  KREPLAY_ASSIGN_OR_RETURN(std::vector<Operation> ops, PairTargets(call, row, split.resources));
  for (Operation& op : ops) {
    for (const std::string& word : split.pairs) AddPair(word, op.pairs);
  }
  return ops;
}

absl::StatusOr<std::vector<Operation>> BuildTaint(const KubectlCall& call,
                                                  const KubectlCommand& row) {
  KREPLAY_ASSIGN_OR_RETURN(Split split, SplitPairs(call, IsTaint));
  if (split.pairs.empty()) {
    return UsageError(call, "at least one taint update is required (KEY[=VALUE]:EFFECT)");
  }
  KREPLAY_ASSIGN_OR_RETURN(std::vector<Operation> ops, PairTargets(call, row, split.resources));
  for (Operation& op : ops) {
    for (const std::string& word : split.pairs) {
      KREPLAY_RETURN_IF_ERROR(AddTaint(call, word, op.pairs));
    }
  }
  return ops;
}

absl::Status LabelHook(const KubectlCall& call, std::vector<Operation>& ops) {
  if (call.args.Bool("list")) {
    MakeRead(ops);
    return absl::OkStatus();
  }
  if (ops[0].pairs.empty()) {
    return UsageError(call, "at least one update is required (KEY=VALUE or KEY-)");
  }
  return absl::OkStatus();
}

absl::Status SetImageHook(const KubectlCall& call, std::vector<Operation>& ops) {
  if (ops[0].pairs.empty()) {
    return UsageError(call, "at least one image update is required (CONTAINER=IMAGE)");
  }
  return ForbidRemovals(call, ops);
}

absl::Status SetEnvHook(const KubectlCall& call, std::vector<Operation>& ops) {
  if (call.args.Bool("list")) {
    MakeRead(ops);
    return absl::OkStatus();
  }
  std::vector<std::string> env = call.args.Values("env");
  for (Operation& op : ops) {
    for (const std::string& word : env) AddPair(word, op.pairs);
    if (call.args.Has("from")) {
      AddProblem(op, absl::StrCat("set env --from=", *call.args.Last("from"),
                                  ": variables read from that object are not expanded"));
    }
  }
  if (ops[0].pairs.empty() && ops[0].problem.empty()) {
    return UsageError(call, "at least one environment variable must be provided (KEY=VALUE "
                            "or KEY-)");
  }
  return absl::OkStatus();
}

absl::Status SetResourcesHook(const KubectlCall& call, std::vector<Operation>& ops) {
  for (absl::string_view flag : {"limits", "requests"}) {
    const std::string* value = call.args.Last(flag);
    if (value == nullptr) continue;
    for (absl::string_view item : absl::StrSplit(*value, ',', absl::SkipEmpty())) {
      std::pair<absl::string_view, absl::string_view> kv =
          absl::StrSplit(item, absl::MaxSplits('=', 1));
      if (kv.second.empty()) {
        return UsageError(call, absl::StrCat("invalid --", flag, " item \"", item,
                                             "\" (expected RESOURCE=QUANTITY)"));
      }
      for (Operation& op : ops) {
        op.pairs[absl::StrCat(flag, ".", kv.first)] = std::string(kv.second);
      }
    }
  }
  if (ops[0].pairs.empty()) {
    return UsageError(call, "expected an update to requests or limits (--requests, --limits)");
  }
  return absl::OkStatus();
}

}  // namespace kreplay
