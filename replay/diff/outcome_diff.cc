#include "replay/diff/outcome_diff.h"

#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kreplay {
namespace {

struct Item {
  std::string value;
  std::string note;
};

// Items of one run by id; ordered so that the output is deterministic.
using Items = std::map<std::string, Item>;

std::string StepsNote(const std::vector<int>& steps) {
  if (steps.empty()) return "";
  return absl::StrCat(steps.size() == 1 ? "step " : "steps ", absl::StrJoin(steps, ","));
}

std::string CheckValue(const CheckResult& check) {
  return check.skipped ? "skipped" : check.passed ? "passed" : "failed";
}

Items CheckItems(const std::vector<CheckResult>& checks, std::vector<std::string>& order) {
  Items items;
  for (const CheckResult& c : checks) {
    if (items.emplace(c.name, Item{CheckValue(c), c.message}).second) order.push_back(c.name);
  }
  return items;
}

// A rule that fires twice on the same objects is two items: `#2` on the
// second.
Items FindingItems(const std::vector<Finding>& findings) {
  Items items;
  for (const Finding& f : findings) {
    std::vector<std::string> objects;
    for (const ObjectKey& k : f.objects) objects.push_back(k.ToString());
    std::string id = objects.empty() ? f.rule
                                     : absl::StrCat(f.rule, " ", absl::StrJoin(objects, " "));
    std::string unique = id;
    for (int n = 2; items.count(unique) > 0; ++n) unique = absl::StrCat(id, " #", n);
    items[unique] = Item{SeverityName(f.severity), StepsNote(f.steps)};
  }
  return items;
}

// Each object once, at its strongest tier (tiers order strongest first).
Items MemberItems(const std::vector<BlastMember>& members) {
  std::map<std::string, const BlastMember*> strongest;
  for (const BlastMember& m : members) {
    auto [it, added] = strongest.emplace(m.key.ToString(), &m);
    if (!added && m.tier < it->second->tier) it->second = &m;
  }
  Items items;
  for (const auto& [id, m] : strongest) {
    items[id] = Item{TierName(m->tier), absl::StrCat("step ", m->step, ": ", m->reason)};
  }
  return items;
}

ItemDiff Compare(const std::string& id, const Items& a, const Items& b) {
  ItemDiff d;
  d.id = id;
  auto ia = a.find(id), ib = b.find(id);
  if (ia != a.end()) d.a = ia->second.value, d.note_a = ia->second.note;
  if (ib != b.end()) d.b = ib->second.value, d.note_b = ib->second.note;
  d.presence = ia == a.end()   ? Presence::kOnlyB
               : ib == b.end() ? Presence::kOnlyA
               : d.a == d.b    ? Presence::kSame
                               : Presence::kDifferent;
  return d;
}

std::vector<ItemDiff> Merge(const Items& a, const Items& b, std::vector<std::string> order) {
  std::set<std::string> listed(order.begin(), order.end());
  std::set<std::string> others;
  for (const Items* items : {&a, &b}) {
    for (const auto& entry : *items) {
      if (listed.count(entry.first) == 0) others.insert(entry.first);
    }
  }
  std::vector<ItemDiff> out;
  for (const std::string& id : order) out.push_back(Compare(id, a, b));
  for (const std::string& id : others) out.push_back(Compare(id, a, b));
  return out;
}

}  // namespace

const char* PresenceName(Presence presence) {
  switch (presence) {
    case Presence::kSame: return "same";
    case Presence::kDifferent: return "different";
    case Presence::kOnlyA: return "only-a";
    case Presence::kOnlyB: return "only-b";
  }
  return "same";
}

int CountDifferences(const std::vector<ItemDiff>& items) {
  int n = 0;
  for (const ItemDiff& d : items) n += d.presence == Presence::kSame ? 0 : 1;
  return n;
}

bool OutcomeDiff::same() const {
  return verdict_a == verdict_b && CountDifferences(checks) == 0 &&
         CountDifferences(findings) == 0 && CountDifferences(touched_healthy) == 0 &&
         CountDifferences(blast_radius) == 0;
}

OutcomeDiff DiffOutcomes(const Judgement& a, const Judgement& b) {
  OutcomeDiff d;
  d.verdict_a = VerdictName(a.verdict);
  d.verdict_b = VerdictName(b.verdict);
  std::vector<std::string> check_order, unused;
  Items checks_a = CheckItems(a.checks, check_order);
  Items checks_b = CheckItems(b.checks, unused);
  d.checks = Merge(checks_a, checks_b, check_order);
  d.findings = Merge(FindingItems(a.findings), FindingItems(b.findings), {});
  d.touched_healthy = Merge(MemberItems(a.touched_healthy), MemberItems(b.touched_healthy), {});
  d.blast_radius = Merge(MemberItems(a.blast_radius), MemberItems(b.blast_radius), {});
  return d;
}

}  // namespace kreplay
