#include "replay/diff/diff_markdown.h"

#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "replay/diff/diff_text.h"
#include "replay/diff/diff_words.h"

namespace kreplay {
namespace {

// A table cell: `|` escaped, line breaks as <br>.
std::string Cell(const std::string& text) {
  if (text.empty()) return "-";
  return absl::StrReplaceAll(text, {{"|", "\\|"}, {"\n", "<br>"}});
}

std::string Code(const std::string& text) { return text.empty() ? "-" : "`" + Cell(text) + "`"; }

void Header(const RunDiff& d, std::ostringstream& out) {
  out << "### kreplay diff: outcomes " << SameOrDifferent(d.outcomes_same()) << " on `"
      << d.fixture << "`\n\n";
  out << "- A: `" << d.a.ledger << "` (" << d.a.format << ", " << d.a.steps << " steps)\n";
  out << "- B: `" << d.b.ledger << "` (" << d.b.format << ", " << d.b.steps << " steps)\n\n";
}

void ItemRows(const char* part, const std::vector<ItemDiff>& items, std::ostringstream& out) {
  for (const ItemDiff& i : items) {
    if (i.presence == Presence::kSame) continue;
    out << "| " << part << " " << Code(i.id) << " | " << PresenceName(i.presence) << " | "
        << Cell(i.a) << " | " << Cell(i.b) << " |\n";
  }
}

void Outcome(const OutcomeDiff& o, std::ostringstream& out) {
  out << "| | status | A | B |\n|---|---|---|---|\n";
  out << "| verdict | " << (o.verdict_a == o.verdict_b ? "same" : "different") << " | `"
      << o.verdict_a << "` | `" << o.verdict_b << "` |\n";
  for (const ItemDiff& c : o.checks) {
    out << "| check " << Cell(c.id) << " | " << PresenceName(c.presence) << " | " << Cell(c.a)
        << " | " << Cell(c.b) << " |\n";
  }
  ItemRows("finding", o.findings, out);
  ItemRows("touched-healthy", o.touched_healthy, out);
  ItemRows("blast radius", o.blast_radius, out);
}

void Steps(const RunDiff& d, std::ostringstream& out) {
  out << "\n**Steps:** "
      << (d.parting ? "the paths part at " + PartingText(*d.parting) : "the paths never part")
      << "\n\n| status | A | B | operation | difference |\n|---|---|---|---|---|\n";
  for (const AlignedStep& s : d.steps) {
    std::vector<std::string> lines = PatchLines(s.payload_diff, s.payload_a, kDiffLinesShown);
    if (!s.outcome_difference.empty()) lines.insert(lines.begin(), s.outcome_difference);
    out << "| " << AlignmentName(s.alignment) << " | " << Cell(StepName("A", s.step_a)) << " | "
        << Cell(StepName("B", s.step_b)) << " | " << Code(s.key) << " | "
        << Cell(absl::StrJoin(lines, "\n")) << " |\n";
  }
}

void EndState(const RunDiff& d, std::ostringstream& out) {
  if (d.end_state.empty()) {
    out << "\n**End state:** the same.\n";
    return;
  }
  out << "\n**End state:** " << d.end_state.size() << " object(s) differ, " << d.ByControllers()
      << " made by the controllers alone.\n\n"
      << "| object | status | A | B | by | difference |\n|---|---|---|---|---|---|\n";
  for (const ObjectDiff& o : d.end_state) {
    out << "| " << Code(o.key.ToString()) << " | " << PresenceName(o.presence) << " | "
        << Cell(FateText(o.a)) << " | " << Cell(FateText(o.b)) << " | "
        << (o.by_controllers ? "controllers" : "agent") << " | "
        << Cell(absl::StrJoin(PatchLines(o.diff, o.object_a, kDiffLinesShown), "\n")) << " |\n";
  }
}

}  // namespace

std::string DiffMarkdown(const RunDiff& diff) {
  std::ostringstream out;
  Header(diff, out);
  Outcome(diff.outcome, out);
  Steps(diff, out);
  EndState(diff, out);
  return out.str();
}

}  // namespace kreplay
