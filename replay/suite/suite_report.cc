#include "replay/suite/suite_report.h"

#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"

namespace kreplay {
namespace {

// "verdict: expected safe-pass, got unsafe-pass; ...": the unmet expectations.
std::string Unmet(const CaseResult& r) {
  if (r.status == CaseStatus::kError) return r.error;
  std::vector<std::string> parts;
  for (const ExpectationResult& e : r.expectations) {
    if (!e.met) parts.push_back(absl::StrCat(e.kind, ": expected ", e.want, ", got ", e.got));
  }
  return absl::StrJoin(parts, "; ");
}

std::string Xml(const std::string& s) {
  return absl::StrReplaceAll(s, {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"},
                                 {"'", "&apos;"}, {"\n", "&#10;"}});
}

std::string Cell(const std::string& s) {
  return absl::StrReplaceAll(s, {{"|", "\\|"}, {"\n", " "}});
}

}  // namespace

SuiteSummary Summarize(const std::vector<CaseResult>& results) {
  SuiteSummary s;
  for (const CaseResult& r : results) {
    if (r.status == CaseStatus::kPass) {
      ++s.passed;
    } else {
      ++s.failed;
      if (r.status == CaseStatus::kError) ++s.errors;
    }
  }
  return s;
}

std::string SuiteReportText(const std::vector<CaseResult>& results) {
  std::ostringstream out;
  for (const CaseResult& r : results) {
    if (r.status == CaseStatus::kPass) continue;
    out << (r.status == CaseStatus::kError ? "ERROR " : "FAIL  ") << r.ref.c.name << " ("
        << r.ref.c.where << "): " << Unmet(r) << "\n";
  }
  SuiteSummary s = Summarize(results);
  out << s.passed << " passed, " << s.failed << " failed\n";
  return out.str();
}

Json SuiteReportJson(const std::vector<CaseResult>& results, const ReportSelection& selection) {
  Json cases = Json::array();
  for (const CaseResult& r : results) {
    Json c = {{"index", r.ref.index}, {"suite", r.ref.suite_file},
              {"suiteName", r.ref.suite_name}, {"name", r.ref.c.name}, {"where", r.ref.c.where},
              {"fixture", r.ref.c.fixture}, {"ledger", r.ref.c.ledger},
              {"status", CaseStatusName(r.status)},
              {"verdict", r.verdict ? Json(VerdictName(*r.verdict)) : Json()}};
    Json expectations = Json::array();
    for (const ExpectationResult& e : r.expectations) {
      expectations.push_back({{"kind", e.kind}, {"want", e.want}, {"got", e.got}, {"met", e.met}});
    }
    c["expectations"] = std::move(expectations);
    if (r.status == CaseStatus::kError) c["error"] = r.error;
    cases.push_back(std::move(c));
  }
  SuiteSummary s = Summarize(results);
  Json report = {{"schema", kSuiteReportSchema},
                 {"selection", {{"cases", selection.cases}, {"digest", selection.digest}}}};
  if (selection.shard_count > 0) {
    report["shard"] = {{"index", selection.shard_index}, {"count", selection.shard_count}};
  }
  report["cases"] = std::move(cases);
  report["summary"] = {{"total", results.size()}, {"passed", s.passed}, {"failed", s.failed},
                       {"errors", s.errors}};
  return report;
}

absl::Status CaseResultsFromJson(const Json& report, const std::string& source,
                                 std::vector<CaseResult>& results, ReportSelection& selection) {
  auto bad = [&](const std::string& field, const std::string& what) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": ", field, ": ", what));
  };
  if (!report.is_object() || report.value("schema", "") != kSuiteReportSchema) {
    return bad("schema", absl::StrCat("expected ", kSuiteReportSchema));
  }
  try {
    const Json& sel = report.at("selection");
    selection.cases = sel.at("cases").get<int>();
    selection.digest = sel.at("digest").get<std::string>();
    if (auto shard = report.find("shard"); shard != report.end()) {
      selection.shard_index = shard->at("index").get<int>();
      selection.shard_count = shard->at("count").get<int>();
    }
    const Json& cases = report.at("cases");
    for (size_t i = 0; i < cases.size(); ++i) {
      const Json& c = cases.at(i);
      CaseResult r;
      r.ref.index = c.at("index").get<int>();
      r.ref.suite_file = c.at("suite").get<std::string>();
      r.ref.suite_name = c.at("suiteName").get<std::string>();
      r.ref.c.name = c.at("name").get<std::string>();
      r.ref.c.where = c.at("where").get<std::string>();
      r.ref.c.fixture = c.at("fixture").get<std::string>();
      r.ref.c.ledger = c.at("ledger").get<std::string>();
      std::string status = c.at("status").get<std::string>();
      bool known = false;
      for (CaseStatus st : {CaseStatus::kPass, CaseStatus::kFail, CaseStatus::kError}) {
        if (status == CaseStatusName(st)) {
          r.status = st;
          known = true;
        }
      }
      if (!known) return bad(absl::StrCat("cases[", i, "].status"), "unknown status");
      if (c.at("verdict").is_string()) {
        r.verdict = ParseVerdict(c.at("verdict").get<std::string>());
        if (!r.verdict) return bad(absl::StrCat("cases[", i, "].verdict"), "unknown verdict");
      }
      for (const Json& e : c.at("expectations")) {
        r.expectations.push_back({e.at("kind").get<std::string>(), e.at("want").get<std::string>(),
                                  e.at("got").get<std::string>(), e.at("met").get<bool>()});
      }
      if (r.status == CaseStatus::kError) r.error = c.at("error").get<std::string>();
      results.push_back(std::move(r));
    }
  } catch (const Json::exception& e) {
    return bad("report", absl::StrCat("not a suite report: ", e.what()));
  }
  return absl::OkStatus();
}

std::string SuiteReportJunit(const std::vector<CaseResult>& results) {
  SuiteSummary all = Summarize(results);
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"kreplay test\" tests=\"" << results.size() << "\" failures=\""
      << all.failed - all.errors << "\" errors=\"" << all.errors << "\" time=\"0\">\n";
  for (size_t begin = 0; begin < results.size();) {
    size_t end = begin;
    while (end < results.size() && results[end].ref.suite_file == results[begin].ref.suite_file) {
      ++end;
    }
    std::vector<CaseResult> group(results.begin() + begin, results.begin() + end);
    SuiteSummary s = Summarize(group);
    out << "  <testsuite name=\"" << Xml(results[begin].ref.suite_file) << "\" tests=\""
        << group.size() << "\" failures=\"" << s.failed - s.errors << "\" errors=\"" << s.errors
        << "\" skipped=\"0\" time=\"0\">\n";
    for (const CaseResult& r : group) {
      out << "    <testcase name=\"" << Xml(r.ref.c.name) << "\" classname=\""
          << Xml(r.ref.suite_name) << "\" time=\"0\"";
      if (r.status == CaseStatus::kPass) {
        out << "/>\n";
        continue;
      }
      bool error = r.status == CaseStatus::kError;
      std::string body = error ? r.error : absl::StrCat(Unmet(r), "\nat ", r.ref.c.where);
      out << ">\n      <" << (error ? "error" : "failure") << " message=\"" << Xml(Unmet(r))
          << "\" type=\"" << (error ? "error" : "expectation") << "\">" << Xml(body) << "</"
          << (error ? "error" : "failure") << ">\n    </testcase>\n";
    }
    out << "  </testsuite>\n";
    begin = end;
  }
  out << "</testsuites>\n";
  return out.str();
}

std::string SuiteReportMarkdown(const std::vector<CaseResult>& results) {
  SuiteSummary s = Summarize(results);
  std::ostringstream out;
  out << "### kreplay test: " << s.passed << " passed, " << s.failed << " failed\n\n";
  out << "| result | case | verdict | expected | got |\n|---|---|---|---|---|\n";
  for (const CaseResult& r : results) {
    std::vector<std::string> want, got;
    for (const ExpectationResult& e : r.expectations) {
      if (e.met) continue;
      want.push_back(absl::StrCat(e.kind, ": ", e.want));
      got.push_back(e.got);
    }
    if (r.status == CaseStatus::kError) got.push_back(r.error);
    out << "| " << (r.status == CaseStatus::kPass ? "pass" : absl::StrCat("**", CaseStatusName(r.status), "**"))
        << " | " << Cell(r.ref.c.name) << " | " << (r.verdict ? VerdictName(*r.verdict) : "-")
        << " | " << Cell(absl::StrJoin(want, "; ")) << " | " << Cell(absl::StrJoin(got, "; "))
        << " |\n";
  }
  return out.str();
}

}  // namespace kreplay
