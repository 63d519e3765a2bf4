#include "replay/whatif/what_if.h"

namespace kreplay {
namespace {

void Add(const std::set<ObjectKey>& keys, std::set<ObjectKey>& into) {
  into.insert(keys.begin(), keys.end());
}

bool Meets(const std::set<ObjectKey>& a, const std::set<ObjectKey>& b) {
  for (const ObjectKey& key : a) {
    if (b.count(key) > 0) return true;
  }
  return false;
}

// The recorded steps the edits drop or replace.
std::set<int> SwappedSteps(const EditedLedger& edited) {
  std::set<int> steps;
  for (const LedgerEdit& edit : edited.edits) {
    if (edit.kind != EditKind::kInsertAfter) steps.insert(edit.step);
  }
  return steps;
}

}  // namespace

std::set<ObjectKey> ObjectsOf(const StepReport& step) {
  std::set<ObjectKey> keys;
  for (const OperationReport& r : step.operations) keys.insert(r.targets.begin(), r.targets.end());
  for (const auto* changes : {&step.effect.created, &step.effect.updated, &step.effect.deleted}) {
    for (const ObjectChange& change : *changes) keys.insert(change.key);
  }
  return keys;
}

Dependence DependenceOf(const ReplayResult& recorded, const ReplayResult& changed,
                        const EditedLedger& edited) {
  Dependence d;
  for (int step : SwappedSteps(edited)) {
    if (step >= 1 && static_cast<size_t>(step) <= recorded.steps.size()) {
      Add(ObjectsOf(recorded.steps[static_cast<size_t>(step - 1)]), d.touched);
    }
  }
  for (size_t i = 0; i < changed.steps.size() && i < edited.origin.size(); ++i) {
    if (edited.origin[i] == 0) Add(ObjectsOf(changed.steps[i]), d.touched);
  }
  size_t first = FirstChangedPosition(edited);
  for (size_t i = first; i < changed.steps.size() && i < edited.origin.size(); ++i) {
    if (edited.origin[i] == 0) continue;
    if (Meets(ObjectsOf(changed.steps[i]), d.touched)) d.steps.push_back(edited.origin[i]);
  }
  return d;
}

}  // namespace kreplay
