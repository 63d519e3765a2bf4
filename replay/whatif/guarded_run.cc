#include "replay/whatif/guarded_run.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

std::set<int> SwappedSteps(const std::vector<LedgerEdit>& edits) {
  std::set<int> steps;
  for (const LedgerEdit& e : edits) {
    if (e.kind != EditKind::kInsertAfter) steps.insert(e.step);
  }
  return steps;
}

bool Prevents(const std::vector<Policy>& policies, const ToolCall& call, PreventedCall& out) {
  size_t by = 0;
  out.decision = DecideAll(policies, call, &by);
  if (!out.decision.prevented) return false;
  out.policy = policies[by].name;
  return true;
}

}  // namespace

GuardedEdits ApplyPolicies(const Ledger& recorded, std::vector<LedgerEdit> edits,
                           const std::vector<Policy>& policies) {
  GuardedEdits out;
  if (policies.empty()) {
    out.edits = std::move(edits);
    return out;
  }
  std::set<int> swapped = SwappedSteps(edits);
  for (size_t i = 0; i < recorded.calls.size(); ++i) {
    int step = static_cast<int>(i) + 1;
    PreventedCall p;
    p.step = step;
    if (swapped.count(step) > 0 || !Prevents(policies, recorded.calls[i], p)) continue;
    out.prevented.push_back(p);
    out.edits.push_back(LedgerEdit{EditKind::kDrop, step, {}, ""});
  }
  for (LedgerEdit& e : edits) {
    PreventedCall p;
    p.step = e.step;
    if (e.kind == EditKind::kDrop || !Prevents(policies, e.call, p)) {
      out.edits.push_back(std::move(e));
      continue;
    }
    p.change = absl::StrCat(EditKindName(e.kind), " ", e.step);
    out.prevented.push_back(p);
    if (e.kind == EditKind::kReplace) out.edits.push_back(LedgerEdit{EditKind::kDrop, e.step, {}, ""});
  }
  return out;
}

void AddRecordedFindings(const Judgement& recorded, std::vector<PreventedCall>& prevented) {
  for (PreventedCall& p : prevented) {
    if (!p.change.empty()) continue;
    for (const Finding& f : recorded.findings) {
      bool at = std::find(f.steps.begin(), f.steps.end(), p.step) != f.steps.end();
      bool seen = std::find(p.findings.begin(), p.findings.end(), f.rule) != p.findings.end();
      if (at && !seen) p.findings.push_back(f.rule);
    }
  }
}

}  // namespace kreplay
