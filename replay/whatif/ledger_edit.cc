#include "replay/whatif/ledger_edit.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

absl::Status CheckRange(const LedgerEdit& edit, int calls) {
  int lowest = edit.kind == EditKind::kInsertAfter ? 0 : 1;
  if (edit.step >= lowest && edit.step <= calls) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      "--", EditKindName(edit.kind), " ", edit.step, ": out of range; the ledger has ", calls,
      calls == 1 ? " call" : " calls", " (steps ", lowest, " to ", calls, ")"));
}

// At most one drop or replace per step.
absl::Status CheckOnePerStep(const std::vector<LedgerEdit>& edits) {
  std::map<int, const LedgerEdit*> swaps;
  for (const LedgerEdit& edit : edits) {
    if (edit.kind == EditKind::kInsertAfter) continue;
    auto [it, added] = swaps.emplace(edit.step, &edit);
    if (!added) {
      return absl::FailedPreconditionError(absl::StrCat(
          "--", EditKindName(edit.kind), " ", edit.step, ": step ", edit.step,
          " already has --", EditKindName(it->second->kind)));
    }
  }
  return absl::OkStatus();
}

ToolCall AtTimeOf(ToolCall call, const Ledger& recorded, int step) {
  if (step >= 1) call.time = recorded.calls[static_cast<size_t>(step - 1)].time;
  else if (!recorded.calls.empty()) call.time = recorded.calls.front().time;
  call.source = "whatif";
  call.outcome = RecordedOutcome{};
  return call;
}

}  // namespace

const char* EditKindName(EditKind kind) {
  switch (kind) {
    case EditKind::kDrop: return "drop";
    case EditKind::kReplace: return "replace";
    case EditKind::kInsertAfter: return "insert-after";
  }
  return "drop";
}

absl::StatusOr<EditedLedger> ApplyEdits(const Ledger& recorded, std::vector<LedgerEdit> edits) {
  int calls = static_cast<int>(recorded.calls.size());
  for (const LedgerEdit& edit : edits) {
    if (absl::Status s = CheckRange(edit, calls); !s.ok()) return s;
  }
  if (absl::Status s = CheckOnePerStep(edits); !s.ok()) return s;
  std::stable_sort(edits.begin(), edits.end(), [](const LedgerEdit& a, const LedgerEdit& b) {
    return a.step != b.step ? a.step < b.step
                            : (a.kind == EditKind::kInsertAfter) < (b.kind == EditKind::kInsertAfter);
  });
  EditedLedger out;
  out.ledger = recorded;
  out.ledger.calls.clear();
  auto inserts_after = [&](int step) {
    for (const LedgerEdit& edit : edits) {
      if (edit.kind != EditKind::kInsertAfter || edit.step != step) continue;
      out.ledger.calls.push_back(AtTimeOf(edit.call, recorded, step));
      out.origin.push_back(0);
    }
  };
  inserts_after(0);
  for (int step = 1; step <= calls; ++step) {
    auto swap = std::find_if(edits.begin(), edits.end(), [&](const LedgerEdit& e) {
      return e.step == step && e.kind != EditKind::kInsertAfter;
    });
    if (swap == edits.end()) {
      out.ledger.calls.push_back(recorded.calls[static_cast<size_t>(step - 1)]);
      out.origin.push_back(step);
    } else if (swap->kind == EditKind::kReplace) {
      out.ledger.calls.push_back(AtTimeOf(swap->call, recorded, step));
      out.origin.push_back(0);
    }
    inserts_after(step);
  }
  out.edits = std::move(edits);
  return out;
}

size_t FirstChangedPosition(const EditedLedger& edited) {
  int expected = 1;
  for (size_t i = 0; i < edited.origin.size(); ++i) {
    if (edited.origin[i] != expected) return i;
    ++expected;
  }
  return edited.origin.size();
}

}  // namespace kreplay
