#include "cli/whatif_command.h"

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/blast_command.h"
#include "cli/exit_status.h"
#include "replay/diff/diff_json.h"
#include "replay/diff/diff_text.h"
#include "replay/diff/run_diff.h"
#include "replay/judge/verdict.h"
#include "replay/ledger/ledger_reader.h"
#include "replay/report/json_report.h"
#include "replay/report/text_report.h"
#include "replay/run/fixture.h"
#include "replay/run/replayer.h"
#include "replay/whatif/ledger_edit.h"
#include "replay/whatif/what_if.h"

namespace kreplay {
namespace {

struct WhatIfOptions {
  std::string fixture;
  std::string ledger;
  std::string format;
  std::vector<int> drops;
  std::vector<std::string> replaces, inserts;
  std::string output = "text";
  std::vector<std::string> fixture_dirs;
  FixtureOptions fixture_options;
};

int ExitCodeOf(Verdict verdict) {
  switch (verdict) {
    case Verdict::kSafePass: return kExitSafePass;
    case Verdict::kUnsafePass:
    case Verdict::kUnsafeFail: return kExitUnsafe;
    case Verdict::kFail: return kExitFail;
    case Verdict::kIncomplete: break;
  }
  return kExitIncomplete;
}

// `N=CALL` of --replace and --insert-after.
absl::StatusOr<LedgerEdit> ParseAssignment(EditKind kind, const std::string& value) {
  size_t eq = value.find('=');
  LedgerEdit edit;
  edit.kind = kind;
  if (eq == std::string::npos || !absl::SimpleAtoi(value.substr(0, eq), &edit.step)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "--", EditKindName(kind), " ", value, ": want N=CALL (a step number, '=', a command "
        "line or a JSON tool call)"));
  }
  edit.text = value.substr(eq + 1);
  absl::StatusOr<ToolCall> call = HypotheticalCall(edit.text);
  if (!call.ok()) {
    return absl::Status(call.status().code(),
                        absl::StrCat("--", EditKindName(kind), " ", edit.step, ": ",
                                     call.status().message()));
  }
  edit.call = *std::move(call);
  return edit;
}

absl::StatusOr<std::vector<LedgerEdit>> Edits(const WhatIfOptions& o) {
  std::vector<LedgerEdit> edits;
  for (int step : o.drops) edits.push_back(LedgerEdit{EditKind::kDrop, step, {}, ""});
  for (const auto& [kind, values] : {std::pair{EditKind::kReplace, &o.replaces},
                                     std::pair{EditKind::kInsertAfter, &o.inserts}}) {
    for (const std::string& value : *values) {
      absl::StatusOr<LedgerEdit> edit = ParseAssignment(kind, value);
      if (!edit.ok()) return edit.status();
      edits.push_back(*std::move(edit));
    }
  }
  if (edits.empty()) {
    return absl::FailedPreconditionError("whatif: give at least one --drop, --replace or --insert-after");
  }
  return edits;
}

std::string ChangeText(const LedgerEdit& e) {
  if (e.kind == EditKind::kDrop) return absl::StrCat("drop ", e.step);
  return absl::StrCat(EditKindName(e.kind), " ", e.step, " = ", e.text);
}

std::string HonestyText(const Dependence& d) {
  if (d.steps.empty()) return "no later step reads or writes what the change touched";
  return absl::StrCat(d.steps.size() == 1 ? "step " : "steps ", absl::StrJoin(d.steps, ", "),
                      d.steps.size() == 1 ? " depends" : " depend",
                      " on a changed step: the real agent might have acted differently there");
}

struct Runs {
  const ReplayResult& recorded;
  const Judgement& recorded_judgement;
  const ReplayResult& changed;
  const Judgement& changed_judgement;
};

void Print(const WhatIfOptions& o, const EditedLedger& edited, const Runs& runs,
           const Dependence& dep, const RunDiff& diff, std::ostream& out) {
  std::string verdict = VerdictName(runs.changed_judgement.verdict);
  std::string recorded = VerdictName(runs.recorded_judgement.verdict);
  if (o.output == "json") {
    Json changes = Json::array();
    for (const LedgerEdit& e : edited.edits) {
      Json change = {{"kind", EditKindName(e.kind)}, {"step", e.step}};
      if (e.kind != EditKind::kDrop) change["call"] = e.text;
      changes.push_back(std::move(change));
    }
    Json touched = Json::array();
    for (const ObjectKey& k : dep.touched) touched.push_back(k.ToString());
    Json doc = {{"schema", "kreplay.whatif/v1"}, {"changes", changes}, {"verdict", verdict},
                {"recorded_verdict", recorded}, {"depends_on_changed_step", dep.steps},
                {"touched", touched},
                {"report", ReportJson(runs.changed, runs.changed_judgement, {o.fixture, o.ledger})},
                {"diff", DiffJsonReport(diff)}};
    out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return;
  }
  out << "WHAT IF\n";
  for (const LedgerEdit& e : edited.edits) out << "  " << ChangeText(e) << "\n";
  out << "\n" << ReportText(runs.changed, runs.changed_judgement, {o.fixture, o.ledger}, false);
  out << "\nWHAT-IF VERDICT  " << verdict << " (recorded: " << recorded << "); "
      << HonestyText(dep) << "\n\nAGAINST THE RECORDED RUN (A: recorded, B: changed)\n"
      << DiffText(diff);
}

absl::StatusOr<Ledger> Load(const WhatIfOptions& o) { return ReadLedgerFile(o.ledger, o.format, false); }

int Run(const WhatIfOptions& o, std::ostream& out, std::ostream& err) {
  absl::StatusOr<std::vector<LedgerEdit>> edits = Edits(o);
  if (!edits.ok()) return ReportError(edits.status(), err);
  std::vector<std::string> dirs = o.fixture_dirs;
  for (const std::string& d : DefaultFixtureDirs()) dirs.push_back(d);
  absl::StatusOr<Fixture> fixture = LoadFixture(o.fixture, dirs, o.fixture_options);
  if (!fixture.ok()) return ReportError(fixture.status(), err);
  absl::StatusOr<Ledger> ledger = Load(o);
  if (!ledger.ok()) return ReportError(ledger.status(), err);
  absl::StatusOr<EditedLedger> edited = ApplyEdits(*ledger, *std::move(edits));
  if (!edited.ok()) return ReportError(edited.status(), err);
  absl::StatusOr<ReplayResult> recorded = Replay(*fixture, *ledger);
  if (!recorded.ok()) return ReportError(recorded.status(), err);
  absl::StatusOr<ReplayResult> changed = Replay(*fixture, edited->ledger);
  if (!changed.ok()) return ReportError(changed.status(), err);
  Judgement recorded_judgement = JudgeReplay(*recorded);
  Judgement changed_judgement = JudgeReplay(*changed);
  absl::StatusOr<RunDiff> diff =
      DiffRuns(o.fixture, JudgedRun{o.ledger, &*recorded, &recorded_judgement},
               JudgedRun{o.ledger + " (what if)", &*changed, &changed_judgement});
  if (!diff.ok()) return ReportError(diff.status(), err);
  Dependence dep = DependenceOf(*recorded, *changed, *edited);
  Print(o, *edited, Runs{*recorded, recorded_judgement, *changed, changed_judgement}, dep, *diff,
        out);
  return ExitCodeOf(changed_judgement.verdict);
}

}  // namespace

CommandRun SetupWhatIfCommand(CLI::App& sub) {
  auto o = std::make_shared<WhatIfOptions>();
  sub.add_option("--fixture,-f", o->fixture, "Fixture name (fixtures/NAME) or path")->required();
  sub.add_option("--ledger,-l", o->ledger, "The recorded ledger (any supported format)")->required();
  sub.add_option("--format", o->format, "Ledger format; detected from content when omitted");
  sub.add_option("--drop", o->drops, "Leave out recorded step N (repeatable)");
  sub.add_option("--replace", o->replaces,
                 "N=CALL: do CALL (a command line or a JSON tool call) instead of step N");
  sub.add_option("--insert-after", o->inserts, "N=CALL: do CALL after step N (0: before the first)");
  sub.add_option("-o,--output", o->output, "Output format")
      ->check(CLI::IsMember({"text", "json"}));
  sub.add_option("--fixtures-dir", o->fixture_dirs, "Extra directory to look up fixture names in");
  sub.add_flag("--allow-outside-fixture", o->fixture_options.allow_outside_fixture,
               "Let baseline.files name files outside the fixture's directory");
  return [o](std::ostream& out, std::ostream& err) { return Run(*o, out, err); };
}

}  // namespace kreplay
