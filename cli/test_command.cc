#include "cli/test_command.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <regex>
#include <sstream>
#include <thread>

#include <CLI/CLI.hpp>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "cli/exit_status.h"
#include "model/json.h"
#include "replay/suite/shard.h"
#include "replay/suite/suite.h"
#include "replay/suite/suite_report.h"
#include "replay/suite/suite_runner.h"

namespace kreplay {
namespace {

// Runs of at least this many cases show a progress line on a terminal.
constexpr size_t kProgressCases = 100;

struct TestOptions {
  std::vector<std::string> suites;
  std::string output = "text";
  int jobs = 0;  // 0 = every core
  bool fail_fast = false;
  std::string run;
  std::string shard;
  std::vector<std::string> fixture_dirs;
  CLI::App* merge = nullptr;
  std::vector<std::string> shard_reports;
};

// The report writers, by -o name.
struct Writer {
  const char* name;
  std::string (*write)(const std::vector<CaseResult>&, const ReportSelection&);
};
const Writer kWriters[] = {
    {"text", [](const std::vector<CaseResult>& r, const ReportSelection&) {
       return SuiteReportText(r);
     }},
    {"json", [](const std::vector<CaseResult>& r, const ReportSelection& s) {
       return SuiteReportJson(r, s).dump(2) + "\n";
     }},
    {"junit", [](const std::vector<CaseResult>& r, const ReportSelection&) {
       return SuiteReportJunit(r);
     }},
    {"markdown", [](const std::vector<CaseResult>& r, const ReportSelection&) {
       return SuiteReportMarkdown(r);
     }},
};

int Report(const std::string& output, const std::vector<CaseResult>& results,
           const ReportSelection& selection, std::ostream& out) {
  for (const Writer& w : kWriters) {
    if (output == w.name) out << w.write(results, selection);
  }
  SuiteSummary s = Summarize(results);
  if (s.errors > 0) return kExitDataError;
  return s.failed > 0 ? kExitUnsafe : 0;
}

// Every case of every suite file, a broken file as one failing case.
std::vector<SuiteCaseRef> CollectCases(const std::vector<std::string>& files) {
  std::vector<SuiteCaseRef> cases;
  for (const std::string& file : files) {
    absl::StatusOr<Suite> suite = LoadSuiteFile(file);
    if (!suite.ok()) {
      SuiteCaseRef broken{0, file, file, {}};
      broken.c.name = "(suite file)";
      broken.c.where = file;
      broken.c.error = std::string(suite.status().message());
      cases.push_back(std::move(broken));
      continue;
    }
    for (const SuiteCase& c : suite->cases) cases.push_back({0, file, suite->name, c});
  }
  return cases;
}

int RunTests(const TestOptions& o, std::ostream& out, std::ostream& err) {
  if (o.suites.empty()) {
    PrintError("test: give at least one suite file or directory", err);
    return kExitUsage;
  }
  std::optional<std::regex> pattern;
  if (!o.run.empty()) {
    try {
      pattern.emplace(o.run, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      PrintError(absl::StrCat("--run \"", o.run, "\": bad regular expression: ", e.what()), err);
      return kExitUsage;
    }
  }
  std::optional<Shard> shard;
  if (!o.shard.empty()) {
    absl::StatusOr<Shard> parsed = ParseShard(o.shard);
    if (!parsed.ok()) {
      PrintError(parsed.status().message(), err);
      return kExitUsage;
    }
    shard = *parsed;
  }
  absl::StatusOr<std::vector<std::string>> files = FindSuiteFiles(o.suites);
  if (!files.ok()) return ReportError(files.status(), err);
  std::vector<SuiteCaseRef> selected;
  for (SuiteCaseRef& c : CollectCases(*files)) {
    if (pattern && !std::regex_search(c.c.name, *pattern)) continue;
    c.index = static_cast<int>(selected.size());
    selected.push_back(std::move(c));
  }
  ReportSelection selection{static_cast<int>(selected.size()), SelectionDigest(selected)};
  std::vector<SuiteCaseRef> cases = selected;
  if (shard) {
    cases = ShardCases(selected, *shard);
    selection.shard_index = shard->index;
    selection.shard_count = shard->count;
  }
  RunOptions run;
  run.jobs = o.jobs > 0 ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  run.fail_fast = o.fail_fast;
  run.fixture_dirs = o.fixture_dirs;
  // A progress line on a terminal's stderr when the run is long.
  bool progress = &err == &std::cerr && isatty(STDERR_FILENO) && cases.size() >= kProgressCases;
  if (progress) {
    run.progress = [&err](size_t done, size_t total) {
      if (done % 10 == 0 || done == total) err << "\rkreplay test: " << done << "/" << total << std::flush;
    };
  }
  std::vector<CaseResult> results = RunSuiteCases(cases, run);
  if (progress) err << "\r\033[K" << std::flush;
  return Report(o.output, results, selection, out);
}

int RunMerge(const TestOptions& o, std::ostream& out, std::ostream& err) {
  std::vector<std::pair<std::string, Json>> reports;
  for (const std::string& path : o.shard_reports) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return ReportError(absl::NotFoundError(absl::StrCat(path, ": cannot open file")), err);
    std::ostringstream text;
    text << in.rdbuf();
    Json json = Json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) {
      return ReportError(absl::InvalidArgumentError(absl::StrCat(path, ": not JSON")), err);
    }
    reports.emplace_back(path, std::move(json));
  }
  absl::StatusOr<MergedReport> merged = MergeShardReports(reports);
  if (!merged.ok()) return ReportError(merged.status(), err);
  return Report(o.output, merged->results, merged->selection, out);
}

}  // namespace

CommandRun SetupTestCommand(CLI::App& sub) {
  auto o = std::make_shared<TestOptions>();
  std::vector<std::string> formats;
  for (const Writer& w : kWriters) formats.push_back(w.name);
  sub.add_option("suites", o->suites, "Suite files, or directories to find them under");
  sub.add_option("-o,--output", o->output, "Report format")->check(CLI::IsMember(formats));
  sub.add_option("-j,--jobs", o->jobs, "Worker threads (default: every core)")
      ->check(CLI::NonNegativeNumber);
  sub.add_flag("--fail-fast", o->fail_fast, "Stop after the first case that does not pass");
  sub.add_option("--run", o->run, "Run only the cases whose name matches this regular expression");
  sub.add_option("--shard", o->shard, "Run the K-th of N slices of the cases (K/N)");
  sub.add_option("--fixtures-dir", o->fixture_dirs, "Extra directory to look up fixture names in");
  o->merge = sub.add_subcommand("merge", "Merge the JSON reports of --shard runs into one report");
  o->merge->add_option("shards", o->shard_reports, "Shard reports (kreplay test --shard K/N -o json)")
      ->required();
  o->merge->add_option("-o,--output", o->output, "Report format")->check(CLI::IsMember(formats));
  return [o](std::ostream& out, std::ostream& err) {
    if (o->merge->parsed()) return RunMerge(*o, out, err);
    return RunTests(*o, out, err);
  };
}

}  // namespace kreplay
