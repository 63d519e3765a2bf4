// Ledger edits of `kreplay whatif` (replay/whatif/ledger_edit.h): steps are
// the recorded ledger's numbers whatever the other edits do, and the map
// back to the recording says which calls are new.
#include "replay/whatif/ledger_edit.h"

#include <doctest/doctest.h>

namespace kreplay {
namespace {

Ledger ThreeCalls() {
  Ledger ledger;
  ledger.source = "run.jsonl";
  for (const char* t : {"10:00:01", "10:00:02", "10:00:03"}) {
    ToolCall call;
    call.tool = "run_command";
    call.args = {{"command", std::string("kubectl get pods # ") + t}};
    call.time = std::string("2026-05-12T") + t + "Z";
    call.outcome.status = RecordedOutcome::Status::kOk;
    ledger.calls.push_back(call);
  }
  return ledger;
}

LedgerEdit Edit(EditKind kind, int step, const std::string& command = "") {
  LedgerEdit e;
  e.kind = kind;
  e.step = step;
  e.call.tool = "run_command";
  e.call.args = {{"command", command}};
  e.text = command;
  return e;
}

TEST_CASE("whatif edits: drop, replace and insert keep the recorded numbering") {
  absl::StatusOr<EditedLedger> edited =
      ApplyEdits(ThreeCalls(), {Edit(EditKind::kInsertAfter, 2, "kubectl get svc"),
                                Edit(EditKind::kDrop, 1), Edit(EditKind::kReplace, 3, "kubectl get cm"),
                                Edit(EditKind::kInsertAfter, 0, "kubectl get ns")});
  REQUIRE(edited.ok());
  CHECK(edited->origin == std::vector<int>{0, 2, 0, 0});
  REQUIRE(edited->ledger.calls.size() == 4);
  CHECK(edited->ledger.calls[0].args["command"] == "kubectl get ns");
  CHECK(edited->ledger.calls[2].args["command"] == "kubectl get svc");
  CHECK(edited->ledger.calls[3].args["command"] == "kubectl get cm");
  // A new call stands at the time of the recorded call it replaces or follows,
  // and has no recorded outcome: the simulated API server decides.
  CHECK(edited->ledger.calls[2].time == "2026-05-12T10:00:02Z");
  CHECK(edited->ledger.calls[3].time == "2026-05-12T10:00:03Z");
  CHECK(edited->ledger.calls[3].outcome.status == RecordedOutcome::Status::kUnknown);
  CHECK(FirstChangedPosition(*edited) == 0);
}

TEST_CASE("whatif edits: the first changed position is after the untouched head") {
  absl::StatusOr<EditedLedger> edited = ApplyEdits(ThreeCalls(), {Edit(EditKind::kDrop, 2)});
  REQUIRE(edited.ok());
  CHECK(edited->origin == std::vector<int>{1, 3});
  CHECK(FirstChangedPosition(*edited) == 1);
  // Dropping the last call leaves nothing after it to differ.
  absl::StatusOr<EditedLedger> last = ApplyEdits(ThreeCalls(), {Edit(EditKind::kDrop, 3)});
  REQUIRE(last.ok());
  CHECK(FirstChangedPosition(*last) == 2);
}

TEST_CASE("whatif edits: a step out of range or edited twice is a usage error") {
  absl::StatusOr<EditedLedger> beyond = ApplyEdits(ThreeCalls(), {Edit(EditKind::kDrop, 4)});
  REQUIRE_FALSE(beyond.ok());
  CHECK(absl::IsFailedPrecondition(beyond.status()));
  CHECK(beyond.status().message() == "--drop 4: out of range; the ledger has 3 calls (steps 1 to 3)");
  // Step 0 exists only for --insert-after.
  CHECK_FALSE(ApplyEdits(ThreeCalls(), {Edit(EditKind::kReplace, 0, "x")}).ok());
  CHECK(ApplyEdits(ThreeCalls(), {Edit(EditKind::kInsertAfter, 3, "x")}).ok());
  absl::StatusOr<EditedLedger> twice =
      ApplyEdits(ThreeCalls(), {Edit(EditKind::kDrop, 2), Edit(EditKind::kReplace, 2, "x")});
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.status().message() == "--replace 2: step 2 already has --drop");
}

}  // namespace
}  // namespace kreplay
