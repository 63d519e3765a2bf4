#include "replay/suite/shard.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "model/status_macros.h"

namespace kreplay {

absl::StatusOr<Shard> ParseShard(const std::string& text) {
  size_t slash = text.find('/');
  Shard s;
  if (slash == std::string::npos || !absl::SimpleAtoi(text.substr(0, slash), &s.index) ||
      !absl::SimpleAtoi(text.substr(slash + 1), &s.count) || s.count < 1 || s.index < 1 ||
      s.index > s.count) {
    return absl::InvalidArgumentError(
        absl::StrCat("--shard \"", text, "\": expected K/N with 1 <= K <= N"));
  }
  return s;
}

std::vector<SuiteCaseRef> ShardCases(const std::vector<SuiteCaseRef>& cases, const Shard& shard) {
  std::vector<SuiteCaseRef> out;
  for (size_t i = 0; i < cases.size(); ++i) {
    if (static_cast<int>(i % shard.count) == shard.index - 1) out.push_back(cases[i]);
  }
  return out;
}

std::string SelectionDigest(const std::vector<SuiteCaseRef>& cases) {
  uint64_t h = 1469598103934665603ULL;
  auto add = [&](const std::string& s) {
    for (unsigned char ch : s) {
      h ^= ch;
      h *= 1099511628211ULL;
    }
    h ^= 0xff;
    h *= 1099511628211ULL;
  };
  for (const SuiteCaseRef& c : cases) {
    add(c.suite_file);
    add(c.c.name);
  }
  return absl::StrFormat("%016x", h);
}

absl::StatusOr<MergedReport> MergeShardReports(
    const std::vector<std::pair<std::string, Json>>& reports) {
  MergedReport merged;
  std::map<int, std::string> seen;  // shard index -> source
  int count = 0;
  for (const auto& [source, json] : reports) {
    std::vector<CaseResult> results;
    ReportSelection sel;
    KREPLAY_RETURN_IF_ERROR(CaseResultsFromJson(json, source, results, sel));
    if (sel.shard_count == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(source, ": not a shard report (run with --shard K/N -o json)"));
    }
    if (seen.empty()) {
      merged.selection.cases = sel.cases;
      merged.selection.digest = sel.digest;
      count = sel.shard_count;
    } else if (sel.digest != merged.selection.digest || sel.cases != merged.selection.cases ||
               sel.shard_count != count) {
      return absl::InvalidArgumentError(absl::StrCat(
          source, ": shard of a different suite run (", sel.cases, " cases, digest ", sel.digest,
          ", ", sel.shard_count, " shards) than ", seen.begin()->second, " (",
          merged.selection.cases, " cases, digest ", merged.selection.digest, ", ", count,
          " shards)"));
    }
    auto [it, inserted] = seen.emplace(sel.shard_index, source);
    if (!inserted) {
      return absl::InvalidArgumentError(absl::StrCat(source, ": shard ", sel.shard_index, "/",
                                                     count, " given twice (also ", it->second,
                                                     ")"));
    }
    for (CaseResult& r : results) merged.results.push_back(std::move(r));
  }
  if (reports.empty()) return absl::InvalidArgumentError("no shard reports to merge");
  std::vector<std::string> missing;
  for (int k = 1; k <= count; ++k) {
    if (!seen.contains(k)) missing.push_back(absl::StrCat(k, "/", count));
  }
  if (!missing.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("shard(s) missing: ", absl::StrJoin(missing, ", ")));
  }
  std::sort(merged.results.begin(), merged.results.end(),
            [](const CaseResult& a, const CaseResult& b) { return a.ref.index < b.ref.index; });
  std::set<int> indices;
  for (const CaseResult& r : merged.results) indices.insert(r.ref.index);
  if (static_cast<int>(indices.size()) != merged.selection.cases ||
      indices.size() != merged.results.size()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the shards hold ", merged.results.size(), " case(s), ", indices.size(),
        " distinct, of ", merged.selection.cases, " selected (a shard run with --fail-fast?)"));
  }
  return merged;
}

}  // namespace kreplay
