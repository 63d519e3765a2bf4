#include "cli/ledger_command.h"

#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "cli/exit_status.h"
#include "cli/ledger_input.h"
#include "cli/ledger_report.h"
#include "replay/ledger/ledger_reader.h"
#include "replay/ledger/ledger_writer.h"

namespace kreplay {
namespace {

struct LedgerOptions {
  std::string path;
  std::string format;
  bool strict = false;
  std::string output;
  CLI::App* convert = nullptr;
  CLI::App* check = nullptr;
};

int ExitCodeOf(const absl::Status& status) {
  return absl::IsNotFound(status) ? kExitNoInput : kExitDataError;
}

void DeclareInput(CLI::App& command, LedgerOptions& options) {
  command.add_option("ledger", options.path, "Recorded ledger file, - for stdin")->required();
  std::vector<std::string> formats = LedgerFormatNames();
  command.add_option("--format", options.format, "Ledger format (default: detect from content)")
      ->check(CLI::IsMember(formats));
  command.add_flag("--strict", options.strict, "Treat the first problem as an error");
}

int RunConvert(const LedgerOptions& options, std::ostream& out, std::ostream& err) {
  absl::StatusOr<Ledger> ledger = ReadLedgerInput(options.path, options.format, options.strict);
  if (!ledger.ok()) {
    PrintError(absl::StrCat("ledger convert: ", ledger.status().message()), err);
    return ExitCodeOf(ledger.status());
  }
  for (const LedgerProblem& problem : ledger->problems) err << ProblemLine(problem) << "\n";
  WriteCanonicalLedger(*ledger, out);
  return 0;
}

int RunCheck(const LedgerOptions& options, std::ostream& out, std::ostream& err) {
  absl::StatusOr<Ledger> ledger = ReadLedgerInput(options.path, options.format, options.strict);
  if (!ledger.ok()) {
    PrintError(absl::StrCat("ledger check: ", ledger.status().message()), err);
    return ExitCodeOf(ledger.status());
  }
  LedgerCheck check = CheckLedger(*ledger);
  if (options.output == "json") {
    out << CheckJson(check).dump(2, ' ', /*ensure_ascii=*/false,
               Json::error_handler_t::replace) << "\n";
  } else {
    WriteCheckText(check, out);
  }
  return check.understood ? 0 : kExitDataError;
}

}  // namespace

CommandRun SetupLedgerCommand(CLI::App& sub) {
  auto options = std::make_shared<LedgerOptions>();
  sub.require_subcommand(1);
  options->convert = sub.add_subcommand("convert", "Write a ledger as canonical JSONL to stdout");
  DeclareInput(*options->convert, *options);
  options->convert->add_option("-o,--output", options->output, "Output format")
      ->check(CLI::IsMember({"canonical"}));
  options->check = sub.add_subcommand(
      "check", "Report what kreplay understands of each call, and what not");
  DeclareInput(*options->check, *options);
  options->check->add_option("-o,--output", options->output, "Output format")
      ->check(CLI::IsMember({"text", "json"}));
  return [options](std::ostream& out, std::ostream& err) {
    if (options->convert->parsed()) return RunConvert(*options, out, err);
    return RunCheck(*options, out, err);
  };
}

}  // namespace kreplay
