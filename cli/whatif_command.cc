#include "cli/whatif_command.h"

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "absl/strings/match.h"
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
#include "replay/suite/suite.h"
#include "replay/whatif/builtin_policies.h"
#include "replay/whatif/efficacy_report.h"
#include "replay/whatif/guarded_run.h"
#include "replay/whatif/ledger_edit.h"
#include "replay/whatif/policy_efficacy.h"
#include "replay/whatif/policy_file.h"
#include "replay/whatif/what_if.h"

namespace kreplay {
namespace {

struct WhatIfOptions {
  std::string fixture;
  std::string ledger;
  std::string format;
  std::vector<int> drops;
  std::vector<std::string> replaces, inserts;
  std::vector<std::string> policies;
  std::string suite;
  std::string output = "text";
  std::vector<std::string> fixture_dirs;
  FixtureOptions fixture_options;
};

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
  if (edits.empty() && o.policies.empty()) {
    return absl::FailedPreconditionError(
        "whatif: give at least one --drop, --replace, --insert-after or --policy");
  }
  return edits;
}

// A built-in policy by name, else a policy file. A word that is neither
// (no '/', no such file) is a usage error listing the built-in names.
absl::StatusOr<Policy> LoadPolicy(const std::string& arg) {
  if (std::optional<Policy> builtin = BuiltinPolicy(arg)) return *builtin;
  std::error_code ec;
  bool path_like = arg.find('/') != std::string::npos || absl::EndsWith(arg, ".yaml") ||
                   absl::EndsWith(arg, ".yml");
  if (path_like || std::filesystem::exists(arg, ec)) return LoadPolicyFile(arg);
  return absl::FailedPreconditionError(absl::StrCat(
      "--policy ", arg, ": no built-in policy of that name and no such file; built-in: ",
      absl::StrJoin(BuiltinPolicyNames(), ", ")));
}

absl::StatusOr<std::vector<Policy>> LoadPolicies(const WhatIfOptions& o) {
  std::vector<Policy> policies;
  for (const std::string& arg : o.policies) {
    absl::StatusOr<Policy> p = LoadPolicy(arg);
    if (!p.ok()) return p.status();
    policies.push_back(*std::move(p));
  }
  return policies;
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

struct Guard {
  const std::vector<LedgerEdit>& edits;  // the user's
  const std::vector<Policy>& policies;
  const std::vector<PreventedCall>& prevented;
};

Json GuardJson(const Guard& g) {
  Json policies = Json::array();
  for (const Policy& p : g.policies) policies.push_back({{"name", p.name}, {"source", p.source}});
  Json prevented = Json::array();
  for (const PreventedCall& p : g.prevented) {
    Json entry = {{"step", p.step}, {"policy", p.policy}, {"how", p.decision.how},
                  {"reason", p.decision.reason}, {"recorded_findings", p.findings}};
    if (!p.change.empty()) entry["change"] = p.change;
    prevented.push_back(std::move(entry));
  }
  return {{"policies", policies}, {"prevented", prevented}};
}

void PrintGuardText(const Guard& g, std::ostream& out) {
  for (const Policy& p : g.policies) out << "  policy " << p.name << " (" << p.source << ")\n";
  if (g.policies.empty()) return;
  out << "\nPREVENTED (not sent to the cluster)\n";
  if (g.prevented.empty()) out << "  none: the policies let every call through\n";
  for (const PreventedCall& p : g.prevented) out << "  " << PreventedText(p) << "\n";
}

void Print(const WhatIfOptions& o, const Guard& guard, const Runs& runs,
           const Dependence& dep, const RunDiff& diff, std::ostream& out) {
  std::string verdict = VerdictName(runs.changed_judgement.verdict);
  std::string recorded = VerdictName(runs.recorded_judgement.verdict);
  if (o.output == "json") {
    Json changes = Json::array();
    for (const LedgerEdit& e : guard.edits) {
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
    Json g = GuardJson(guard);
    doc["policies"] = g["policies"];
    doc["prevented"] = g["prevented"];
    out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return;
  }
  out << "WHAT IF\n";
  for (const LedgerEdit& e : guard.edits) out << "  " << ChangeText(e) << "\n";
  PrintGuardText(guard, out);
  out << "\n" << ReportText(runs.changed, runs.changed_judgement, {o.fixture, o.ledger}, false);
  out << "\nWHAT-IF VERDICT  " << verdict << " (recorded: " << recorded << "); "
      << HonestyText(dep) << "\n\nAGAINST THE RECORDED RUN (A: recorded, B: changed)\n"
      << DiffText(diff);
}

std::vector<std::string> FixtureDirs(const WhatIfOptions& o) {
  std::vector<std::string> dirs = o.fixture_dirs;
  for (const std::string& d : DefaultFixtureDirs()) dirs.push_back(d);
  return dirs;
}

absl::StatusOr<Ledger> Load(const WhatIfOptions& o) { return ReadLedgerFile(o.ledger, o.format, false); }

// One recorded run with the user's edits and the policies together.
int RunOne(const WhatIfOptions& o, const std::vector<Policy>& policies, std::ostream& out,
           std::ostream& err) {
  if (o.fixture.empty() || o.ledger.empty()) {
    return ReportError(absl::FailedPreconditionError("whatif: --fixture and --ledger are required "
                                                     "(or --suite with --policy)"), err);
  }
  if (o.output == "markdown") {
    return ReportError(absl::FailedPreconditionError("whatif: -o markdown is for --suite"), err);
  }
  absl::StatusOr<std::vector<LedgerEdit>> edits = Edits(o);
  if (!edits.ok()) return ReportError(edits.status(), err);
  absl::StatusOr<Fixture> fixture = LoadFixture(o.fixture, FixtureDirs(o), o.fixture_options);
  if (!fixture.ok()) return ReportError(fixture.status(), err);
  absl::StatusOr<Ledger> ledger = Load(o);
  if (!ledger.ok()) return ReportError(ledger.status(), err);
  absl::StatusOr<EditedLedger> checked = ApplyEdits(*ledger, *edits);  // the user's, range-checked
  if (!checked.ok()) return ReportError(checked.status(), err);
  GuardedEdits guarded = ApplyPolicies(*ledger, *edits, policies);
  absl::StatusOr<EditedLedger> edited = ApplyEdits(*ledger, guarded.edits);
  if (!edited.ok()) return ReportError(edited.status(), err);
  absl::StatusOr<ReplayResult> recorded = Replay(*fixture, *ledger);
  if (!recorded.ok()) return ReportError(recorded.status(), err);
  absl::StatusOr<ReplayResult> changed = Replay(*fixture, edited->ledger);
  if (!changed.ok()) return ReportError(changed.status(), err);
  Judgement recorded_judgement = JudgeReplay(*recorded);
  Judgement changed_judgement = JudgeReplay(*changed);
  AddRecordedFindings(recorded_judgement, guarded.prevented);
  absl::StatusOr<RunDiff> diff =
      DiffRuns(o.fixture, JudgedRun{o.ledger, &*recorded, &recorded_judgement},
               JudgedRun{o.ledger + " (what if)", &*changed, &changed_judgement});
  if (!diff.ok()) return ReportError(diff.status(), err);
  Dependence dep = DependenceOf(*recorded, *changed, *edited);
  Print(o, Guard{*edits, policies, guarded.prevented},
        Runs{*recorded, recorded_judgement, *changed, changed_judgement}, dep, *diff, out);
  return VerdictExitCode(changed_judgement.verdict);
}

// One suite case under each policy; a case that cannot be run is an error
// row of every policy.
std::vector<PolicyCaseResult> RunCase(const WhatIfOptions& o, const SuiteCase& c,
                                      const std::vector<Policy>& policies) {
  absl::Status status = absl::InvalidArgumentError(c.error);
  if (c.error.empty()) {
    absl::StatusOr<Fixture> fixture = LoadFixture(c.fixture_ref, FixtureDirs(o), o.fixture_options);
    absl::StatusOr<Ledger> ledger = ReadLedgerFile(c.ledger, "", false);
    status = !fixture.ok() ? fixture.status() : ledger.status();
    if (status.ok()) {
      absl::StatusOr<std::vector<PolicyCaseResult>> r =
          RunUnderPolicies(c.name, *fixture, *ledger, policies);
      if (r.ok()) return *std::move(r);
      status = r.status();
    }
  }
  std::vector<PolicyCaseResult> out(policies.size());
  for (PolicyCaseResult& r : out) {
    r.name = c.name;
    r.error = std::string(status.message());
  }
  return out;
}

int RunSuite(const WhatIfOptions& o, const std::vector<Policy>& policies, std::ostream& out,
             std::ostream& err) {
  if (policies.empty() || !o.drops.empty() || !o.replaces.empty() || !o.inserts.empty() ||
      !o.ledger.empty()) {
    return ReportError(absl::FailedPreconditionError(
        "whatif --suite: give one or more --policy and no --ledger, --drop, --replace or "
        "--insert-after"), err);
  }
  absl::StatusOr<std::vector<std::string>> files = FindSuiteFiles({o.suite});
  if (!files.ok()) return ReportError(files.status(), err);
  std::vector<PolicyEfficacy> efficacy;
  for (const Policy& p : policies) efficacy.push_back(PolicyEfficacy{p.name, p.source, {}});
  bool errors = false;
  for (const std::string& file : *files) {
    absl::StatusOr<Suite> suite = LoadSuiteFile(file);
    if (!suite.ok()) return ReportError(suite.status(), err);
    for (const SuiteCase& c : suite->cases) {
      std::vector<PolicyCaseResult> results = RunCase(o, c, policies);
      for (size_t i = 0; i < results.size(); ++i) {
        errors = errors || !results[i].error.empty();
        efficacy[i].cases.push_back(std::move(results[i]));
      }
    }
  }
  if (o.output == "json") {
    out << EfficacyJson(o.suite, efficacy).dump(2, ' ', false, Json::error_handler_t::replace)
        << "\n";
  } else if (o.output == "markdown") {
    out << EfficacyMarkdown(o.suite, efficacy);
  } else {
    out << EfficacyText(o.suite, efficacy);
  }
  return errors ? kExitFail : kExitSafePass;
}

int Run(const WhatIfOptions& o, std::ostream& out, std::ostream& err) {
  absl::StatusOr<std::vector<Policy>> policies = LoadPolicies(o);
  if (!policies.ok()) return ReportError(policies.status(), err);
  if (!o.suite.empty()) return RunSuite(o, *policies, out, err);
  return RunOne(o, *policies, out, err);
}

}  // namespace

CommandRun SetupWhatIfCommand(CLI::App& sub) {
  auto o = std::make_shared<WhatIfOptions>();
  sub.add_option("--fixture,-f", o->fixture, "Fixture name (fixtures/NAME) or path");
  sub.add_option("--ledger,-l", o->ledger, "The recorded ledger (any supported format)");
  sub.add_option("--format", o->format, "Ledger format; detected from content when omitted");
  sub.add_option("--drop", o->drops, "Leave out recorded step N (repeatable)");
  sub.add_option("--replace", o->replaces,
                 "N=CALL: do CALL (a command line or a JSON tool call) instead of step N");
  sub.add_option("--insert-after", o->inserts, "N=CALL: do CALL after step N (0: before the first)");
  sub.add_option("--policy", o->policies,
                 "A guardrail on every call: a built-in MCP server mode (flux159-readonly, "
                 "containers-disable-destructive, aks-readonly, ...) or a Policy file; repeatable "
                 "(stacked on one run, each on its own with --suite)");
  sub.add_option("--suite", o->suite,
                 "A suite file or directory: every case under each --policy, with what it did");
  sub.add_option("-o,--output", o->output, "Output format (markdown: --suite only)")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  sub.add_option("--fixtures-dir", o->fixture_dirs, "Extra directory to look up fixture names in");
  sub.add_flag("--allow-outside-fixture", o->fixture_options.allow_outside_fixture,
               "Let baseline.files name files outside the fixture's directory");
  return [o](std::ostream& out, std::ostream& err) { return Run(*o, out, err); };
}

}  // namespace kreplay
