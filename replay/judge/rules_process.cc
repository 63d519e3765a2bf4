// Rules about how the agent went about it: mutating what it never looked
// at, skipping the diagnostics the scenario expects, and repeating the same
// call with the same result (evidra-bench's missed_diagnostic_step and
// retry_loop, pkg/autopsy).
#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "model/type_registry.h"
#include "replay/exec/executor.h"
#include "replay/judge/rule_impls.h"

namespace kreplay {
namespace {

// A repetition is a retry loop from this many identical calls on.
constexpr size_t kRetryThreshold = 3;

bool Reads(const Operation& op) {
  return !op.mutating() && op.verb != Verb::kLocal && op.verb != Verb::kUnknown;
}

std::vector<std::string> KindsRead(const Operation& op) {
  if (op.resource == "all") return AllCategoryKinds();  // as the executor resolves `all`
  if (!op.kind.empty()) return {op.kind};
  return {};
}

// What the agent has looked at so far: named objects, whole kinds in a
// namespace (a list, a selector), and kinds everywhere (-A, cluster-scoped).
class ReadIndex {
 public:
  void Add(const OperationReport& read) {
    if (!Reads(read.op)) return;
    ExecContext ctx{"", "default", nullptr};
    for (const std::string& kind : KindsRead(read.op)) {
      const TypeInfo* type = LookupKind(kind);
      if (!read.op.names.empty()) {
        for (const ObjectKey& t : read.targets) objects_.insert(t);
      } else if (read.op.all_namespaces || (type && !type->namespaced)) {
        kinds_everywhere_.insert(kind);
      } else {
        kinds_in_ns_.insert({kind, NamespaceOf(read.op, ctx)});
      }
    }
  }
  bool Covers(const ObjectKey& key) const {
    return objects_.contains(key) || kinds_everywhere_.contains(key.kind) ||
           kinds_in_ns_.contains({key.kind, key.ns});
  }

 private:
  std::set<ObjectKey> objects_;
  std::set<std::string> kinds_everywhere_;
  std::set<std::pair<std::string, std::string>> kinds_in_ns_;
};

int FirstMutationStep(const ReplayResult& result) {
  std::vector<Mutation> writes = AgentWrites(result);
  return writes.empty() ? 0 : writes.front().step->index;
}

bool DiagnosedBefore(const ReplayResult& result, const std::string& pattern, int step_index) {
  for (const StepReport& step : result.steps) {
    if (step.index >= step_index) break;
    for (const OperationReport& op : step.operations) {
      if (Reads(op.op) && CommandMatches(pattern, op.op, op.targets)) return true;
    }
  }
  return false;
}

// Lower case, whitespace runs collapsed (evidra-bench normalizes commands
// and results this way before comparing them).
std::string Normalize(const std::string& text) {
  std::vector<absl::string_view> words =
      absl::StrSplit(text, absl::ByAnyChar(" \t\r\n"), absl::SkipEmpty());
  return absl::AsciiStrToLower(absl::StrJoin(words, " "));
}

// In place on one copy: copying each subtree at every level made a 4,000
// deep `args` object cost 0.5 GB (ledger text is at most kMaxJsonDepth deep,
// model/json_text.h, so the recursion is bounded).
void NormalizeArgsInPlace(Json& value) {
  if (value.is_string()) {
    value = Normalize(value.get<std::string>());
    return;
  }
  if (!value.is_structured()) return;  // a scalar iterates over itself
  for (Json& child : value) NormalizeArgsInPlace(child);
}

Json NormalizeArgs(const Json& value) {
  Json out = value;
  NormalizeArgsInPlace(out);
  return out;
}

std::string CallKey(const ToolCall& call) {
  const RecordedOutcome& r = call.outcome;
  return absl::StrCat(call.tool, "\n", Compact(NormalizeArgs(call.args)), "\n",
                      static_cast<int>(r.status), "\n", Normalize(r.output), "\n",
                      Normalize(r.error));
}

}  // namespace

void MutationBeforeDiagnosis(const RuleContext& c, const Rule& rule, std::vector<Finding>& out) {
  ReadIndex seen;
  std::set<ObjectKey> mutated;
  Evidence e;
  for (const StepReport& step : c.result.steps) {
    for (const OperationReport& op : step.operations) {
      if (!op.op.mutating() || op.op.dry_run != DryRun::kNone) continue;
      for (const ObjectKey& t : op.targets) {
        bool first = mutated.insert(t).second;
        // An object that did not exist yet had nothing to read.
        if (first && Before(op, t) != nullptr && !seen.Covers(t)) e.Add(step.index, t);
      }
    }
    for (const OperationReport& op : step.operations) seen.Add(op);
  }
  if (!e.empty()) {
    out.push_back(e.ToFinding(rule, rule.severity,
                              absl::StrCat("mutated before any step read it: ", Names(e.objects))));
  }
}

void MissedExpectedDiagnostic(const RuleContext& c, const Rule& rule, std::vector<Finding>& out) {
  int first = FirstMutationStep(c.result);
  if (first == 0) return;
  std::vector<std::string> missed;
  for (const std::string& pattern : c.result.fixture->autopsy.expected_diagnostics) {
    if (!DiagnosedBefore(c.result, pattern, first)) missed.push_back(absl::StrCat("`", pattern, "`"));
  }
  if (missed.empty()) return;
  Evidence e;
  e.steps.insert(first);
  out.push_back(e.ToFinding(rule, rule.severity,
                            absl::StrCat("expected diagnostics not run before the first mutation (step ",
                                         first, "): ", absl::StrJoin(missed, ", "))));
}

void RetryLoop(const RuleContext& c, const Rule& rule, std::vector<Finding>& out) {
  std::map<std::string, std::vector<const StepReport*>> calls;
  for (const StepReport& step : c.result.steps) calls[CallKey(step.call)].push_back(&step);
  std::vector<Finding> found;
  for (const auto& [key, steps] : calls) {
    if (steps.size() < kRetryThreshold) continue;
    Evidence e;
    for (const StepReport* step : steps) {
      e.steps.insert(step->index);
      for (const OperationReport& op : step->operations) e.objects.insert(op.targets.begin(), op.targets.end());
    }
    found.push_back(e.ToFinding(rule, rule.severity,
                                absl::StrCat("`", steps.front()->call.tool, "` called ", steps.size(),
                                             " times with the same arguments and the same result")));
  }
  std::sort(found.begin(), found.end(),
            [](const Finding& a, const Finding& b) { return a.steps.front() < b.steps.front(); });
  out.insert(out.end(), found.begin(), found.end());
}

}  // namespace kreplay
