#include "cli/diff_command.h"

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "absl/strings/str_cat.h"
#include "cli/exit_status.h"
#include "replay/diff/diff_json.h"
#include "replay/diff/diff_markdown.h"
#include "replay/diff/diff_text.h"
#include "replay/diff/run_diff.h"
#include "replay/judge/verdict.h"
#include "replay/ledger/ledger_reader.h"
#include "replay/run/fixture.h"
#include "replay/run/replayer.h"

namespace kreplay {
namespace {

struct DiffOptions {
  std::string fixture;
  std::string ledger_a, ledger_b;
  std::string format_a, format_b;
  std::string output = "text";
  std::vector<std::string> fixture_dirs;
  bool strict = false;
  FixtureOptions fixture_options;
};

// One side of the diff, replayed and judged.
struct Side {
  ReplayResult result;
  Judgement judgement;
};

absl::StatusOr<Side> ReplaySide(const Fixture& fixture, const std::string& path,
                                const std::string& format, bool strict) {
  absl::StatusOr<Ledger> ledger = ReadLedgerFile(path, format, strict);
  if (!ledger.ok()) return ledger.status();
  // A diff compares two runs of one scenario: a ledger that says it was
  // recorded on another fixture is refused rather than judged on this one.
  if (!ledger->fixture.empty() && ledger->fixture != fixture.name) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ":1: fixture: recorded on fixture \"", ledger->fixture, "\", not \"",
        fixture.name, "\"; a diff compares two runs of one scenario"));
  }
  absl::StatusOr<ReplayResult> result = Replay(fixture, *ledger);
  if (!result.ok()) return result.status();
  Side side{std::move(*result), {}};
  side.judgement = JudgeReplay(side.result);
  return side;
}

// Both ledgers are read before either error is reported, so that a user
// with two bad files hears of both; the exit code is the first one's.
int ReportSides(const absl::StatusOr<Side>& a, const absl::StatusOr<Side>& b,
                std::ostream& err) {
  int code = 0;
  for (const absl::StatusOr<Side>* side : {&a, &b}) {
    if (side->ok()) continue;
    int side_code = ReportError(side->status(), err);
    if (code == 0) code = side_code;
  }
  return code;
}

void Print(const RunDiff& diff, const std::string& output, std::ostream& out) {
  if (output == "json") {
    out << DiffJsonReport(diff).dump(2, ' ', /*ensure_ascii=*/false,
                                     Json::error_handler_t::replace)
        << "\n";
  } else if (output == "markdown") {
    out << DiffMarkdown(diff);
  } else {
    out << DiffText(diff);
  }
}

int Run(const DiffOptions& o, std::ostream& out, std::ostream& err) {
  std::vector<std::string> dirs = o.fixture_dirs;
  for (const std::string& d : DefaultFixtureDirs()) dirs.push_back(d);
  absl::StatusOr<Fixture> fixture = LoadFixture(o.fixture, dirs, o.fixture_options);
  if (!fixture.ok()) return ReportError(fixture.status(), err);
  absl::StatusOr<Side> a = ReplaySide(*fixture, o.ledger_a, o.format_a, o.strict);
  absl::StatusOr<Side> b = ReplaySide(*fixture, o.ledger_b, o.format_b, o.strict);
  if (int code = ReportSides(a, b, err); code != 0) return code;
  absl::StatusOr<RunDiff> diff =
      DiffRuns(o.fixture, JudgedRun{o.ledger_a, &a->result, &a->judgement},
               JudgedRun{o.ledger_b, &b->result, &b->judgement});
  if (!diff.ok()) return ReportError(diff.status(), err);
  Print(*diff, o.output, out);
  return diff->outcomes_same() ? 0 : 1;
}

}  // namespace

CommandRun SetupDiffCommand(CLI::App& sub) {
  auto o = std::make_shared<DiffOptions>();
  sub.add_option("--fixture,-f", o->fixture, "Fixture name (fixtures/NAME) or path")->required();
  sub.add_option("A", o->ledger_a, "The first run's ledger (any supported format)")->required();
  sub.add_option("B", o->ledger_b, "The second run's ledger (any supported format)")->required();
  sub.add_option("--format-a", o->format_a, "A's ledger format; detected when omitted");
  sub.add_option("--format-b", o->format_b, "B's ledger format; detected when omitted");
  sub.add_option("-o,--output", o->output, "Diff format")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  sub.add_option("--fixtures-dir", o->fixture_dirs, "Extra directory to look up fixture names in");
  sub.add_flag("--strict", o->strict, "Treat any ledger record kreplay cannot read as an error");
  sub.add_flag("--allow-outside-fixture", o->fixture_options.allow_outside_fixture,
               "Let baseline.files name files outside the fixture's directory");
  return [o](std::ostream& out, std::ostream& err) { return Run(*o, out, err); };
}

}  // namespace kreplay
