#include "replay/suite/suite.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "model/status_macros.h"
#include "model/yaml_reader.h"

namespace kreplay {
namespace {

namespace fs = std::filesystem;

// Where fields are in the text: the line each case starts on and the line
// of a key inside a range of lines. The YAML reader gives values without
// positions below the document, so field lines are found in the text itself
// (block style, as docs/suites.md writes suites; 0 when not found).
class LineFinder {
 public:
  explicit LineFinder(const std::string& text) {
    for (absl::string_view line : absl::StrSplit(text, '\n')) lines_.emplace_back(line);
    size_t indent = std::string::npos;
    bool in_cases = false;
    for (size_t i = 0; i < lines_.size(); ++i) {
      const std::string& l = lines_[i];
      size_t first = l.find_first_not_of(' ');
      if (first == std::string::npos || l[first] == '#') continue;
      if (first == 0 && !absl::StartsWith(l, "- ")) {
        in_cases = absl::StartsWith(l, "cases:");
        continue;
      }
      if (!in_cases || l.compare(first, 2, "- ") != 0) continue;
      if (indent == std::string::npos) indent = first;
      if (first == indent) case_lines_.push_back(static_cast<int>(i) + 1);
    }
  }

  // The 1-based line case `index` starts on; 0 when unknown.
  int CaseLine(size_t index) const {
    return index < case_lines_.size() ? case_lines_[index] : 0;
  }

  // The first line of case `case_index` (before the next case) that holds
  // `key:` as a mapping key, block or flow style; the case's first line when
  // not found.
  int KeyLine(size_t case_index, const std::string& key) const {
    int from = CaseLine(case_index);
    if (from == 0) return 0;
    int to = case_index + 1 < case_lines_.size() ? case_lines_[case_index + 1]
                                                 : static_cast<int>(lines_.size()) + 1;
    for (int n = from; n < to; ++n) {
      const std::string& l = lines_[n - 1];
      for (size_t at = l.find(key); at != std::string::npos; at = l.find(key, at + 1)) {
        bool starts = at == 0 || l[at - 1] == ' ' || l[at - 1] == '{' || l[at - 1] == ',';
        size_t colon = l.find_first_not_of(' ', at + key.size());
        if (starts && colon != std::string::npos && l[colon] == ':') return n;
      }
    }
    return from;
  }

 private:
  std::vector<std::string> lines_;
  std::vector<int> case_lines_;
};

// Reads the fields of one case, naming file, line and field on error.
class CaseReader {
 public:
  CaseReader(const std::string& file, const LineFinder& lines, size_t index)
      : file_(file), lines_(lines), index_(index) {}

  std::string Error(const std::string& field, const std::string& what) const {
    std::string leaf = field.substr(field.find_last_of('.') + 1);
    int line = lines_.KeyLine(index_, leaf.substr(0, leaf.find('[')));
    return absl::StrCat(file_, line > 0 ? absl::StrCat(":", line) : "", ": cases[", index_, "]",
                        field.empty() ? "" : ".", field, ": ", what);
  }

  // Fails with the first key of `node` not in `keys`.
  absl::Status Known(const Json& node, const std::set<std::string>& keys,
                     const std::string& field) const {
    if (!node.is_object()) return Invalid(field, "expected a mapping");
    for (const auto& [key, value] : node.items()) {
      if (!keys.contains(key)) {
        return Invalid(field.empty() ? key : absl::StrCat(field, ".", key),
                       absl::StrCat("unknown field (expected one of: ", absl::StrJoin(keys, ", "),
                                    ")"));
      }
    }
    return absl::OkStatus();
  }

  absl::Status Invalid(const std::string& field, const std::string& what) const {
    return absl::InvalidArgumentError(Error(field, what));
  }

  absl::StatusOr<std::string> String(const Json& node, const std::string& key,
                                     const std::string& field, bool required) const {
    auto it = node.find(key);
    if (it == node.end() || it->is_null()) {
      if (required) return Invalid(field, "required string is missing");
      return std::string();
    }
    if (!it->is_string()) return Invalid(field, "expected a string");
    return it->get<std::string>();
  }

  absl::StatusOr<std::vector<std::string>> Strings(const Json& node, const std::string& key,
                                                   const std::string& field) const {
    std::vector<std::string> out;
    auto it = node.find(key);
    if (it == node.end() || it->is_null()) return out;
    if (!it->is_array()) return Invalid(field, "expected a list of strings");
    for (const Json& item : *it) {
      if (!item.is_string()) return Invalid(field, "expected a list of strings");
      out.push_back(item.get<std::string>());
    }
    return out;
  }

 private:
  const std::string& file_;
  const LineFinder& lines_;
  size_t index_;
};

const char* const kVerdictNames[] = {"safe-pass", "unsafe-pass", "fail", "unsafe-fail",
                                     "incomplete"};
const Verdict kVerdicts[] = {Verdict::kSafePass, Verdict::kUnsafePass, Verdict::kFail,
                             Verdict::kUnsafeFail, Verdict::kIncomplete};

absl::StatusOr<std::vector<FindingExpectation>> ReadFindings(const CaseReader& r,
                                                             const Json& expect,
                                                             const std::string& key) {
  std::vector<FindingExpectation> out;
  auto it = expect.find(key);
  if (it == expect.end() || it->is_null()) return out;
  std::string field = absl::StrCat("expect.", key);
  if (!it->is_array()) return r.Invalid(field, "expected a list of rule ids or {rule, step, object}");
  for (size_t i = 0; i < it->size(); ++i) {
    const Json& item = (*it)[i];
    std::string at = absl::StrCat(field, "[", i, "]");
    FindingExpectation f;
    if (item.is_string()) {
      f.rule = item.get<std::string>();
    } else {
      KREPLAY_RETURN_IF_ERROR(r.Known(item, {"rule", "step", "object"}, at));
      KREPLAY_ASSIGN_OR_RETURN(f.rule, r.String(item, "rule", at + ".rule", true));
      KREPLAY_ASSIGN_OR_RETURN(f.object, r.String(item, "object", at + ".object", false));
      if (auto step = item.find("step"); step != item.end()) {
        if (!step->is_number_integer() || step->get<int>() < 1) {
          return r.Invalid(at + ".step", "expected a step number (1 or more)");
        }
        f.step = step->get<int>();
      }
    }
    if (f.rule.empty()) return r.Invalid(at, "expected a rule id");
    out.push_back(std::move(f));
  }
  return out;
}

absl::Status ReadExpect(const CaseReader& r, const Json& expect, Expectations& e) {
  KREPLAY_RETURN_IF_ERROR(r.Known(expect, {"verdict", "verdicts", "findings", "noFindings",
                                           "touchedHealthy", "notTouchedHealthy", "blastRadius",
                                           "notBlastRadius", "checksPass", "checksFail"},
                                  "expect"));
  KREPLAY_ASSIGN_OR_RETURN(std::string one, r.String(expect, "verdict", "expect.verdict", false));
  KREPLAY_ASSIGN_OR_RETURN(std::vector<std::string> names,
                           r.Strings(expect, "verdicts", "expect.verdicts"));
  if (!one.empty() && !names.empty()) {
    return r.Invalid("expect.verdicts", "give verdict or verdicts, not both");
  }
  if (!one.empty()) names.push_back(one);
  for (const std::string& name : names) {
    std::optional<Verdict> v = ParseVerdict(name);
    if (!v) {
      return r.Invalid(one.empty() ? "expect.verdicts" : "expect.verdict",
                       absl::StrCat("unknown verdict \"", name, "\" (expected one of: ",
                                    absl::StrJoin(kVerdictNames, ", "), ")"));
    }
    e.verdicts.push_back(*v);
  }
  KREPLAY_ASSIGN_OR_RETURN(e.findings, ReadFindings(r, expect, "findings"));
  KREPLAY_ASSIGN_OR_RETURN(e.no_findings, ReadFindings(r, expect, "noFindings"));
  struct ListField {
    const char* key;
    std::vector<std::string> Expectations::*member;
  };
  static constexpr ListField kLists[] = {
      {"touchedHealthy", &Expectations::touched_healthy},
      {"notTouchedHealthy", &Expectations::not_touched_healthy},
      {"blastRadius", &Expectations::blast_radius},
      {"notBlastRadius", &Expectations::not_blast_radius},
      {"checksPass", &Expectations::checks_pass},
      {"checksFail", &Expectations::checks_fail},
  };
  for (const ListField& list : kLists) {
    KREPLAY_ASSIGN_OR_RETURN(e.*list.member,
                             r.Strings(expect, list.key, absl::StrCat("expect.", list.key)));
  }
  return absl::OkStatus();
}

bool HasWildcard(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

// Files matching `pattern` (relative to `base`, `*`/`?`/`[...]` within one
// path segment each), sorted.
std::vector<std::string> Glob(const fs::path& base, const std::string& pattern) {
  std::vector<fs::path> current = {fs::path(pattern).is_absolute() ? fs::path("/") : base};
  std::vector<std::string> segments;
  for (absl::string_view s : absl::StrSplit(pattern, '/', absl::SkipEmpty())) {
    segments.emplace_back(s);
  }
  std::error_code ec;
  for (size_t i = 0; i < segments.size(); ++i) {
    std::vector<fs::path> next;
    for (const fs::path& dir : current) {
      if (!HasWildcard(segments[i])) {
        fs::path p = dir / segments[i];
        if (fs::exists(p, ec)) next.push_back(p);
        continue;
      }
      if (!fs::is_directory(dir, ec)) continue;
      for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        if (fnmatch(segments[i].c_str(), name.c_str(), FNM_PERIOD) == 0) {
          next.push_back(entry.path());
        }
      }
    }
    current = std::move(next);
  }
  std::vector<std::string> out;
  for (const fs::path& p : current) {
    if (fs::is_regular_file(p, ec)) out.push_back(p.lexically_normal().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The cases one `cases:` entry makes (one per ledger file of a glob).
absl::Status ReadCase(const CaseReader& r, const Json& item, const fs::path& dir,
                      std::vector<SuiteCase>& out) {
  KREPLAY_RETURN_IF_ERROR(r.Known(item, {"name", "fixture", "ledger", "expect"}, ""));
  SuiteCase c;
  KREPLAY_ASSIGN_OR_RETURN(c.name, r.String(item, "name", "name", true));
  KREPLAY_ASSIGN_OR_RETURN(c.fixture, r.String(item, "fixture", "fixture", true));
  KREPLAY_ASSIGN_OR_RETURN(std::string ledger, r.String(item, "ledger", "ledger", true));
  auto expect = item.find("expect");
  if (expect == item.end() || expect->is_null()) {
    return r.Invalid("expect", "required mapping is missing");
  }
  KREPLAY_RETURN_IF_ERROR(ReadExpect(r, *expect, c.expect));
  std::error_code ec;
  bool bare = c.fixture.find('/') == std::string::npos && c.fixture != "." && c.fixture != "..";
  if (!bare) {
    c.fixture_ref = (dir / c.fixture).lexically_normal().string();
  } else if (fs::exists(dir / c.fixture / "fixture.yaml", ec)) {
    c.fixture_ref = (dir / c.fixture).lexically_normal().string();
  } else {
    c.fixture_ref = c.fixture;
  }
  if (!HasWildcard(ledger)) {
    c.ledger = fs::path(ledger).is_absolute() ? ledger : (dir / ledger).lexically_normal().string();
    out.push_back(std::move(c));
    return absl::OkStatus();
  }
  std::vector<std::string> files = Glob(dir, ledger);
  if (files.empty()) {
    return r.Invalid("ledger", absl::StrCat("glob \"", ledger, "\" matches no file"));
  }
  for (const std::string& file : files) {
    SuiteCase one = c;
    one.ledger = file;
    one.name = absl::StrCat(c.name, " [", fs::path(file).lexically_relative(dir).string(), "]");
    out.push_back(std::move(one));
  }
  return absl::OkStatus();
}

bool LooksLikeSuite(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == "kind: Suite") return true;
  }
  return false;
}

}  // namespace

std::optional<Verdict> ParseVerdict(const std::string& name) {
  for (size_t i = 0; i < std::size(kVerdictNames); ++i) {
    if (name == kVerdictNames[i]) return kVerdicts[i];
  }
  return std::nullopt;
}

absl::StatusOr<Suite> LoadSuiteFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open suite file"));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  KREPLAY_ASSIGN_OR_RETURN(std::vector<YamlDocument> docs, ReadYamlDocuments(text, path));
  auto error = [&](int line, const std::string& field, const std::string& what) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, line > 0 ? absl::StrCat(":", line) : "", ": ", field, ": ", what));
  };
  if (docs.size() != 1) return error(0, "suite", "expected exactly one YAML document");
  const Json& doc = docs[0].value;
  int doc_line = docs[0].position.line;
  if (!doc.is_object()) return error(doc_line, "suite", "expected a mapping");
  static const std::set<std::string> kTop = {"apiVersion", "kind", "name", "cases"};
  for (const auto& [key, value] : doc.items()) {
    if (!kTop.contains(key)) {
      return error(doc_line, key,
                   absl::StrCat("unknown field (expected one of: ", absl::StrJoin(kTop, ", "), ")"));
    }
  }
  auto string_field = [&](const char* key) {
    auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (string_field("apiVersion") != "kreplay.dev/v1") {
    return error(doc_line, "apiVersion", "expected kreplay.dev/v1");
  }
  if (string_field("kind") != "Suite") return error(doc_line, "kind", "expected Suite");
  Suite suite;
  suite.file = path;
  suite.name = string_field("name");
  if (suite.name.empty()) suite.name = fs::path(path).stem().string();
  auto cases = doc.find("cases");
  if (cases == doc.end() || !cases->is_array()) {
    return error(doc_line, "cases", "expected a list of cases");
  }
  LineFinder lines(text);
  fs::path dir = fs::path(path).parent_path();
  if (dir.empty()) dir = ".";
  for (size_t i = 0; i < cases->size(); ++i) {
    CaseReader r(path, lines, i);
    std::vector<SuiteCase> made;
    absl::Status status = ReadCase(r, (*cases)[i], dir, made);
    if (!status.ok()) {
      SuiteCase broken;
      const Json& item = (*cases)[i];
      auto name = item.is_object() ? item.find("name") : item.end();
      broken.name = item.is_object() && name != item.end() && name->is_string()
                        ? name->get<std::string>()
                        : absl::StrCat("cases[", i, "]");
      broken.error = std::string(status.message());
      made = {std::move(broken)};
    }
    int line = lines.CaseLine(i);
    for (SuiteCase& c : made) {
      c.where = absl::StrCat(path, line > 0 ? absl::StrCat(":", line) : "");
      suite.cases.push_back(std::move(c));
    }
  }
  return suite;
}

absl::StatusOr<std::vector<std::string>> FindSuiteFiles(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const std::string& arg : args) {
    if (fs::is_regular_file(arg, ec)) {
      out.push_back(arg);
      continue;
    }
    if (!fs::is_directory(arg, ec)) {
      return absl::NotFoundError(absl::StrCat(arg, ": no such suite file or directory"));
    }
    std::vector<std::string> found;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(arg, ec)) {
      std::string ext = entry.path().extension().string();
      if (entry.is_regular_file(ec) && (ext == ".yaml" || ext == ".yml") &&
          LooksLikeSuite(entry.path())) {
        found.push_back(entry.path().string());
      }
    }
    if (found.empty()) {
      return absl::NotFoundError(absl::StrCat(arg, ": no suite file (kind: Suite) under it"));
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace kreplay
