#include "cli/blast_report.h"

#include <set>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "replay/report/json_report.h"

namespace kreplay {
namespace {

constexpr Tier kTiers[] = {Tier::kChanged, Tier::kDisrupted, Tier::kExposed, Tier::kLatent};

const StepReport& StepOf(const BlastAnswer& a) { return a.result->steps.back(); }

// "healthy", "unhealthy" or "absent" (the object did not exist at agent start).
std::string AtStart(const BlastAnswer& a, const ObjectKey& key) {
  auto it = a.result->health_at_start.find(key);
  if (it == a.result->health_at_start.end()) return "absent";
  return it->second.healthy ? "healthy" : "unhealthy";
}

std::string OperationLine(const OperationReport& r) {
  std::vector<std::string> targets;
  for (const ObjectKey& key : r.targets) targets.push_back(key.ToString());
  std::string line = InfoOf(r.op.verb).name;
  if (r.op.verb == Verb::kLocal) return absl::StrCat(line, ": ", r.op.source);
  if (!targets.empty()) {
    absl::StrAppend(&line, " ", absl::StrJoin(targets, " "));
  } else if (!r.op.kind.empty()) {
    absl::StrAppend(&line, " ", r.op.kind, r.op.mutating() ? " (no object matches)" : "");
  }
  if (r.op.dry_run != DryRun::kNone) absl::StrAppend(&line, " (dry run)");
  return line;
}

std::string FirstError(const StepReport& step) {
  for (const OperationReport& r : step.operations) {
    if (!r.error.empty()) return r.error;
  }
  return "";
}

// Why the radius is empty, in one phrase.
std::string EmptyRadiusReason(const StepReport& step) {
  if (std::string error = FirstError(step); !error.empty()) {
    return absl::StrCat("the simulated API server refuses the operation: ", error);
  }
  if (!step.mutating) return "the operation only reads";
  return "the operation changes nothing";
}

void OperationSection(const BlastAnswer& a, std::ostringstream& out) {
  const StepReport& step = StepOf(a);
  out << "OPERATION  " << a.operation << "\n";
  for (const OperationReport& r : step.operations) {
    out << "  " << OperationLine(r) << "\n";
    for (const std::string& note : r.notes) out << "    note: " << note << "\n";
    if (!r.error.empty()) out << "    simulated error: " << r.error << "\n";
  }
  for (const StepProblem& problem : step.problems) out << "  problem: " << problem.Text() << "\n";
}

void Changes(const char* what, const std::vector<ObjectChange>& changes,
             std::ostringstream& out) {
  for (const ObjectChange& c : changes) {
    out << absl::StrFormat("  %-8s %-56s by %s\n", what, c.key.ToString(), c.via);
  }
}

void EffectSection(const Effect& effect, std::ostringstream& out) {
  out << "\nEFFECT (" << effect.created.size() << " created, " << effect.updated.size()
      << " updated, " << effect.deleted.size() << " deleted)\n";
  Changes("created", effect.created, out);
  Changes("updated", effect.updated, out);
  Changes("deleted", effect.deleted, out);
}

size_t DistinctObjects(const std::vector<BlastMember>& radius) {
  std::set<ObjectKey> keys;
  for (const BlastMember& m : radius) keys.insert(m.key);
  return keys.size();
}

size_t HealthyAtStart(const BlastAnswer& a) {
  std::set<ObjectKey> keys;
  for (const BlastMember& m : a.radius) {
    if (AtStart(a, m.key) == "healthy") keys.insert(m.key);
  }
  return keys.size();
}

// The path is left out when it is the key alone (an object the operation
// addressed): it would only repeat the line.
void Member(const BlastAnswer& a, const BlastMember& m, std::ostringstream& out) {
  out << absl::StrFormat("    %-52s %-10s%s\n", m.key.ToString(), AtStart(a, m.key), m.reason);
  if (!m.path.empty() && m.path != m.key.ToString()) out << "      via " << m.path << "\n";
}

void RadiusSection(const BlastAnswer& a, std::ostringstream& out) {
  if (a.radius.empty()) {
    out << "\nBLAST RADIUS: none: " << EmptyRadiusReason(StepOf(a)) << "\n";
    return;
  }
  out << "\nBLAST RADIUS (" << DistinctObjects(a.radius) << " objects, " << HealthyAtStart(a)
      << " healthy at agent start)\n";
  out << absl::StrFormat("    %-52s %-10s%s\n", "OBJECT", "AT START", "REASON");
  for (Tier tier : kTiers) {
    std::vector<const BlastMember*> members;
    for (const BlastMember& m : a.radius) {
      if (m.tier == tier) members.push_back(&m);
    }
    out << "  " << TierName(tier) << " (" << members.size() << ")\n";
    for (const BlastMember* m : members) Member(a, *m, out);
  }
}

Json OperationJson(const OperationReport& r) {
  Json targets = Json::array();
  for (const ObjectKey& key : r.targets) targets.push_back(key.ToString());
  Json out = {{"verb", InfoOf(r.op.verb).name}, {"source", r.op.source}, {"targets", targets},
              {"executed", r.executed}, {"notes", r.notes}};
  if (!r.error.empty()) out["error"] = r.error;
  return out;
}

Json MemberJson(const BlastAnswer& a, const BlastMember& m) {
  Json out = {{"object", m.key.ToString()}, {"tier", TierName(m.tier)},
              {"reason", m.reason}, {"path", m.path}, {"at_start", AtStart(a, m.key)}};
  auto health = a.result->health_at_start.find(m.key);
  if (health != a.result->health_at_start.end() && !health->second.healthy) {
    out["health_at_start"] = health->second.reason;
  }
  return out;
}

Json CountsJson(const std::vector<BlastMember>& radius) {
  Json out = Json::object();
  for (Tier tier : kTiers) out[TierName(tier)] = 0;
  for (const BlastMember& m : radius) {
    out[TierName(m.tier)] = out[TierName(m.tier)].get<int>() + 1;
  }
  return out;
}

}  // namespace

std::string BlastText(const BlastAnswer& a) {
  std::ostringstream out;
  out << "FIXTURE    " << a.result->fixture->name << "\n";
  out << "STATE      " << a.state << "\n";
  OperationSection(a, out);
  EffectSection(StepOf(a).effect, out);
  RadiusSection(a, out);
  return out.str();
}

Json BlastJson(const BlastAnswer& a) {
  const StepReport& step = StepOf(a);
  Json operations = Json::array();
  for (const OperationReport& r : step.operations) operations.push_back(OperationJson(r));
  Json radius = Json::array();
  for (const BlastMember& m : a.radius) radius.push_back(MemberJson(a, m));
  return {{"schema", kBlastSchema},
          {"fixture", a.fixture},
          {"ledger", a.ledger.empty() ? Json(nullptr) : Json(a.ledger)},
          {"state", a.state},
          {"operation", a.operation},
          {"call", {{"tool", step.call.tool}, {"server", step.call.server}, {"args", step.call.args}}},
          {"operations", operations},
          {"problems", ProblemTexts(step.problems)},
          {"mutating", step.mutating},
          {"effect", EffectJson(step.effect)},
          {"blast_radius", radius},
          {"counts", CountsJson(a.radius)}};
}

}  // namespace kreplay
