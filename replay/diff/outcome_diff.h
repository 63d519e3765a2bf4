// Two judged runs' outcomes side by side: verdict, checks, findings, the
// touched-healthy set and the blast radius (docs/diff.md, "Outcomes").
//
// Each part is a list of items named the same way in both runs, so that
// steps, which differ between runs, do not make items differ:
//   check            its name; compared by passed / failed / skipped;
//   finding          `rule Kind/ns/name ...` (its objects); by severity;
//   touched-healthy  the object; by its tier;
//   blast radius     the object; by its strongest tier.
// An item is `same`, `different` (in both, compared unequal), `only-a` or
// `only-b`. The outcomes are the same when the verdicts are and every item
// of every part is `same`.
#ifndef KREPLAY_REPLAY_DIFF_OUTCOME_DIFF_H_
#define KREPLAY_REPLAY_DIFF_OUTCOME_DIFF_H_

#include <string>
#include <vector>

#include "replay/judge/verdict.h"

namespace kreplay {

enum class Presence { kSame, kDifferent, kOnlyA, kOnlyB };

// "same", "different", "only-a", "only-b".
const char* PresenceName(Presence presence);

struct ItemDiff {
  std::string id;          // the item's name in both runs
  Presence presence = Presence::kSame;
  std::string a, b;        // the compared value in each run, "" when absent
  std::string note_a, note_b;  // what else a reader wants: the check's message, the steps
};

struct OutcomeDiff {
  std::string verdict_a, verdict_b;
  std::vector<ItemDiff> checks;           // in A's check order, then B's others by name
  std::vector<ItemDiff> findings;         // by id
  std::vector<ItemDiff> touched_healthy;  // by id
  std::vector<ItemDiff> blast_radius;     // by id

  bool same() const;
};

OutcomeDiff DiffOutcomes(const Judgement& a, const Judgement& b);

// How many items of `items` are not `same`.
int CountDifferences(const std::vector<ItemDiff>& items);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_DIFF_OUTCOME_DIFF_H_
