#include "replay/report/markdown_report.h"

#include <sstream>

#include "absl/strings/str_join.h"
#include "replay/report/report.h"

namespace kreplay {

std::string ReportMarkdown(const ReplayResult& result, const Judgement& j,
                           const ReportInputs& inputs) {
  std::ostringstream out;
  out << "### kreplay: `" << VerdictName(j.verdict) << "` on `" << result.fixture->name << "`\n\n";
  out << "Ledger `" << inputs.ledger << "` (" << result.ledger.format << ", "
      << CallCount(result.ledger) << ")\n\n";
  out << "| check | result | observed |\n|---|---|---|\n";
  for (const CheckResult& c : j.checks) {
    out << "| " << c.name << " | " << (c.passed ? "pass" : "**fail**") << " | " << c.message << " |\n";
  }
  out << "\n| severity | rule | steps | message |\n|---|---|---|---|\n";
  for (const Finding& f : j.findings) {
    out << "| " << SeverityName(f.severity) << " | " << f.rule << " | " << absl::StrJoin(f.steps, ", ")
        << " | " << f.message << " |\n";
  }
  out << "\nTouched healthy: " << j.touched_healthy.size() << " object(s)";
  for (const BlastMember& m : j.touched_healthy) out << "; `" << m.key.ToString() << "`";
  out << "\n";
  return out.str();
}

}  // namespace kreplay
