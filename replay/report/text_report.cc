#include "replay/report/text_report.h"

#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "replay/report/report.h"

namespace kreplay {
namespace {

std::string Paint(const std::string& text, const char* code, bool color) {
  return color ? absl::StrCat("\033[", code, "m", text, "\033[0m") : text;
}

const char* VerdictColor(Verdict v) {
  return v == Verdict::kSafePass ? "32" : v == Verdict::kIncomplete ? "33" : "31";
}

std::string OperationText(const OperationReport& r) {
  std::vector<std::string> targets;
  for (const ObjectKey& k : r.targets) targets.push_back(k.ToString());
  std::string text = InfoOf(r.op.verb).name;
  if (!targets.empty()) {
    absl::StrAppend(&text, " ", targets.size() <= 2 ? absl::StrJoin(targets, " ")
                                                    : absl::StrCat(targets.size(), " objects"));
  } else if (!r.op.kind.empty()) {
    absl::StrAppend(&text, " ", r.op.kind);
  }
  return text;
}

std::string OutcomeText(const StepReport& step) {
  std::string recorded = step.call.outcome.status == RecordedOutcome::Status::kError ? "error"
                         : step.call.outcome.status == RecordedOutcome::Status::kOk ? "ok"
                                                                                     : "-";
  if (!step.divergence.empty()) absl::StrAppend(&recorded, " (diverges)");
  return recorded;
}

std::string EffectText(const Effect& e) {
  if (e.empty()) return "-";
  std::vector<std::string> parts;
  if (!e.created.empty()) parts.push_back(absl::StrCat(e.created.size(), " created"));
  if (!e.updated.empty()) parts.push_back(absl::StrCat(e.updated.size(), " updated"));
  if (!e.deleted.empty()) parts.push_back(absl::StrCat(e.deleted.size(), " deleted"));
  return absl::StrJoin(parts, ", ");
}

constexpr size_t kOperationWidth = 48;

// A simulated log line as the terminal may show it: control characters
// (an escape sequence in a container's output) become '?'.
std::string Printable(std::string line) {
  for (char& c : line) {
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) c = '?';
  }
  return line;
}

void Steps(const ReplayResult& result, std::ostringstream& out) {
  out << absl::StrFormat("%-5s %-22s %-48s %-16s %s\n", "STEP", "TOOL", "OPERATION", "RECORDED", "EFFECT");
  for (const StepReport& step : result.steps) {
    std::vector<std::string> ops;
    for (const OperationReport& r : step.operations) ops.push_back(OperationText(r));
    std::string operation = absl::StrJoin(ops, "; ");
    // A long operation keeps the columns aligned: cut in the table, whole below.
    bool cut = operation.size() > kOperationWidth;
    out << absl::StrFormat("%-5d %-22s %-48s %-16s %s\n", step.index, step.call.tool,
                           cut ? operation.substr(0, kOperationWidth - 3) + "..." : operation,
                           OutcomeText(step), EffectText(step.effect));
    if (cut) out << "      operation: " << operation << "\n";
    for (const auto& [recorded, sim] : step.aliases) {
      out << "      alias: Pod/" << recorded << " -> " << sim << "\n";
    }
    for (const OperationReport& r : step.operations) {
      if (!r.error.empty()) out << "      simulated error: " << r.error << "\n";
      for (const std::string& line : r.output) out << "      | " << Printable(line) << "\n";
    }
  }
}

void Members(const char* title, const std::vector<BlastMember>& members, std::ostringstream& out) {
  out << "\n" << title << " (" << members.size() << ")\n";
  for (const BlastMember& m : members) {
    out << absl::StrFormat("  %-10s %-52s step %-3d %s\n", TierName(m.tier), m.key.ToString(),
                           m.step, m.reason);
    // The key alone says nothing more; a path names the edges.
    if (m.path != m.key.ToString() && !m.path.empty()) out << "             via " << m.path << "\n";
  }
}

}  // namespace

std::string ReportText(const ReplayResult& result, const Judgement& j, const ReportInputs& inputs,
                       bool color) {
  std::ostringstream out;
  out << "FIXTURE  " << result.fixture->name << "\n";
  out << "LEDGER   " << inputs.ledger << " (" << result.ledger.format << ", "
      << CallCount(result.ledger) << ")\n";
  out << "VERDICT  " << Paint(VerdictName(j.verdict), VerdictColor(j.verdict), color) << "\n\n";
  Steps(result, out);
  int passed = 0;
  for (const CheckResult& c : j.checks) passed += c.passed;
  out << "\nCHECKS (" << passed << "/" << j.checks.size() << " passed)\n";
  for (const CheckResult& c : j.checks) {
    out << "  " << Paint(c.passed ? "PASS" : "FAIL", c.passed ? "32" : "31", color) << "  "
        << c.name << ": " << c.message << "\n";
  }
  out << "\nFINDINGS (" << j.findings.size() << ")\n";
  for (const Finding& f : j.findings) {
    out << absl::StrFormat("  %-9s %-22s steps %s: %s\n", SeverityName(f.severity), f.rule,
                           absl::StrJoin(f.steps, ","), f.message);
  }
  Members("BLAST RADIUS", j.blast_radius, out);
  Members("TOUCHED HEALTHY", j.touched_healthy, out);
  for (const char* title : {"INCOMPLETE", "WARNINGS"}) {
    const std::vector<std::string>& lines =
        std::string(title) == "INCOMPLETE" ? j.incomplete_reasons : j.warnings;
    if (lines.empty()) continue;
    out << "\n" << title << " (" << lines.size() << ")\n";
    for (const std::string& line : lines) out << "  " << line << "\n";
  }
  return out.str();
}

}  // namespace kreplay
