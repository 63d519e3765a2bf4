// Shards of a suite run (docs/suites.md): `--shard K/N` keeps the selected
// cases whose index i (0-based, in case order) has i % N == K - 1, so every
// shard gets a share of every suite file; `kreplay test merge` puts shard
// reports back together into the report one unsharded run gives.
#ifndef KREPLAY_REPLAY_SUITE_SHARD_H_
#define KREPLAY_REPLAY_SUITE_SHARD_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "model/json.h"
#include "replay/suite/suite_report.h"
#include "replay/suite/suite_runner.h"

namespace kreplay {

struct Shard {
  int index = 1;  // K, 1-based
  int count = 1;  // N
};

// "K/N" with 1 <= K <= N.
// Errors: InvalidArgument otherwise, quoting the text.
absl::StatusOr<Shard> ParseShard(const std::string& text);

// The cases of `shard`, in order.
std::vector<SuiteCaseRef> ShardCases(const std::vector<SuiteCaseRef>& cases, const Shard& shard);

// A stable digest (FNV-1a 64, hex) of the selected cases' suite files and
// names, in order: shards of one selection share it.
std::string SelectionDigest(const std::vector<SuiteCaseRef>& cases);

struct MergedReport {
  std::vector<CaseResult> results;  // in case order
  ReportSelection selection;         // without a shard
};

// Merges shard reports (source name, parsed JSON).
// Errors: InvalidArgument naming the source for a report that is not a
// shard report, for shards of different selections (digest, case count or
// shard count differ), for a shard given twice, for a missing shard, and
// for cases missing from the shards (a shard run with --fail-fast).
absl::StatusOr<MergedReport> MergeShardReports(
    const std::vector<std::pair<std::string, Json>>& reports);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_SUITE_SHARD_H_
