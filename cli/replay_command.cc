#include "cli/replay_command.h"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/color.h"
#include "cli/exit_status.h"
#include "cli/ledger_input.h"
#include "replay/judge/verdict.h"
#include "replay/report/json_report.h"
#include "replay/report/markdown_report.h"
#include "replay/report/text_report.h"
#include "replay/run/fixture.h"
#include "replay/run/replayer.h"

namespace kreplay {
namespace {

struct ReplayOptions {
  std::string ledger;
  std::string fixture;
  std::string format;
  std::string output = "text";
  std::string color = "auto";
  std::vector<std::string> fixture_dirs;
  bool strict = false;
  FixtureOptions fixture_options;
};

int Run(const ReplayOptions& o, std::ostream& out, std::ostream& err) {
  std::vector<std::string> dirs = o.fixture_dirs;
  for (const std::string& d : DefaultFixtureDirs()) dirs.push_back(d);
  absl::StatusOr<Fixture> fixture = LoadFixture(o.fixture, dirs, o.fixture_options);
  if (!fixture.ok()) return ReportError(fixture.status(), err);
  absl::StatusOr<Ledger> ledger = ReadLedgerInput(o.ledger, o.format, o.strict);
  if (!ledger.ok()) return ReportError(ledger.status(), err);
  absl::StatusOr<ReplayResult> result = Replay(*fixture, *ledger);
  if (!result.ok()) return ReportError(result.status(), err);
  Judgement judgement = JudgeReplay(*result);
  ReportInputs inputs{o.fixture, LedgerInputName(o.ledger)};
  if (o.output == "json") {
    out << ReportJson(*result, judgement, inputs).dump(2, ' ', /*ensure_ascii=*/false,
               Json::error_handler_t::replace) << "\n";
  } else if (o.output == "markdown") {
    out << ReportMarkdown(*result, judgement, inputs);
  } else {
    out << ReportText(*result, judgement, inputs, UseColorOn(o.color, out));
  }
  return VerdictExitCode(judgement.verdict);
}

}  // namespace

CommandRun SetupReplayCommand(CLI::App& sub) {
  auto o = std::make_shared<ReplayOptions>();
  sub.add_option("--ledger,-l", o->ledger, "Recorded ledger (any supported format), - for stdin")->required();
  sub.add_option("--fixture,-f", o->fixture, "Fixture name (fixtures/NAME) or path")->required();
  sub.add_option("--format", o->format, "Ledger format; detected from content when omitted");
  sub.add_option("-o,--output", o->output, "Report format")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  AddColorOption(sub, o->color);
  sub.add_option("--fixtures-dir", o->fixture_dirs, "Extra directory to look up fixture names in");
  sub.add_flag("--strict", o->strict, "Treat any ledger record kreplay cannot read as an error");
  sub.add_flag("--allow-outside-fixture", o->fixture_options.allow_outside_fixture,
               "Let baseline.files name files outside the fixture's directory");
  return [o](std::ostream& out, std::ostream& err) { return Run(*o, out, err); };
}

}  // namespace kreplay
