#include "replay/diff/diff_text.h"

#include <algorithm>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "replay/diff/diff_words.h"

namespace kreplay {
namespace {

void Runs(const RunDiff& d, std::ostringstream& out) {
  out << "FIXTURE  " << d.fixture << "\n";
  for (const auto& [name, run] : {std::pair{"A", &d.a}, std::pair{"B", &d.b}}) {
    out << absl::StrFormat("%-8s %s (%s, %d %s)\n", name, run->ledger, run->format, run->steps,
                           run->steps == 1 ? "step" : "steps");
  }
}

std::string Side(const std::string& value, const std::string& note) {
  if (value.empty()) return "-";
  return note.empty() ? value : absl::StrCat(value, " (", note, ")");
}

void Items(const char* title, const std::vector<ItemDiff>& items, std::ostringstream& out) {
  int differ = CountDifferences(items);
  out << absl::StrFormat("%s: %d differ, %d same\n", title, differ,
                         static_cast<int>(items.size()) - differ);
  for (const ItemDiff& i : items) {
    if (i.presence == Presence::kSame) continue;
    out << absl::StrFormat("  %-10s %s\n", PresenceName(i.presence), i.id);
    out << "             A: " << Side(i.a, i.note_a) << "\n";
    out << "             B: " << Side(i.b, i.note_b) << "\n";
  }
}

// One row of the outcome table: the item column as wide as its widest.
void Row(const char* presence, const std::string& item, int width, const std::string& a,
         const std::string& b, std::ostringstream& out) {
  out << absl::StrFormat("  %-10s %-*s %-12s %s\n", presence, width, item, a.empty() ? "-" : a,
                         b.empty() ? "-" : b);
}

void Outcome(const OutcomeDiff& o, std::ostringstream& out) {
  out << "\nOUTCOME  " << SameOrDifferent(o.same()) << "\n";
  int width = 8;
  for (const ItemDiff& c : o.checks) width = std::max(width, static_cast<int>(c.id.size()) + 6);
  Row("", "", width, "A", "B", out);
  Row(PresenceName(o.verdict_a == o.verdict_b ? Presence::kSame : Presence::kDifferent),
      "verdict", width, o.verdict_a, o.verdict_b, out);
  for (const ItemDiff& c : o.checks) Row(PresenceName(c.presence), "check " + c.id, width, c.a, c.b, out);
  Items("FINDINGS", o.findings, out);
  Items("TOUCHED HEALTHY", o.touched_healthy, out);
  Items("BLAST RADIUS", o.blast_radius, out);
}

void Steps(const RunDiff& d, std::ostringstream& out) {
  out << "\nSTEPS  " << (d.parting ? "paths part at " + PartingText(*d.parting)
                                   : std::string("the paths never part"))
      << "\n";
  for (const AlignedStep& s : d.steps) {
    out << absl::StrFormat("  %-8s %-5s %-5s %s\n", AlignmentName(s.alignment),
                           StepName("A", s.step_a), StepName("B", s.step_b), s.key);
    if (!s.outcome_difference.empty()) out << "           " << s.outcome_difference << "\n";
    for (const std::string& line : PatchLines(s.payload_diff, s.payload_a, kDiffLinesShown)) {
      out << "           payload: " << line << "\n";
    }
  }
}

void EndState(const RunDiff& d, std::ostringstream& out) {
  out << "\nEND STATE  ";
  if (d.end_state.empty()) {
    out << "same\n";
    return;
  }
  out << d.end_state.size() << (d.end_state.size() == 1 ? " object differs, " : " objects differ, ")
      << d.ByControllers() << " made by the controllers alone\n";
  for (const ObjectDiff& o : d.end_state) {
    out << absl::StrFormat("  %-10s %s  [%s]\n", PresenceName(o.presence), o.key.ToString(),
                           o.by_controllers ? "controllers" : "agent");
    out << "             A: " << FateText(o.a) << "\n";
    out << "             B: " << FateText(o.b) << "\n";
    for (const std::string& line : PatchLines(o.diff, o.object_a, kDiffLinesShown)) {
      out << "             " << line << "\n";
    }
  }
}

}  // namespace

std::string DiffText(const RunDiff& diff) {
  std::ostringstream out;
  Runs(diff, out);
  Outcome(diff.outcome, out);
  Steps(diff, out);
  EndState(diff, out);
  return out.str();
}

}  // namespace kreplay
