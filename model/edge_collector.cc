#include "model/edge_collector.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "absl/strings/str_cat.h"
#include "model/edge_sink.h"

namespace kreplay {

EdgeCollector::EdgeCollector(const ObjectStore& store, const ObjectFilter& keep) {
  if (!keep) numbers_.reserve(store.size());
  for (const auto& [key, object] : store.objects()) {
    if (keep && !keep(key)) continue;
    numbers_.emplace(key, static_cast<uint32_t>(keys_.size()));
    keys_.push_back(key);
  }
  present_ = keys_.size();
}

uint32_t EdgeCollector::Intern(const ObjectKey& key) {
  auto [it, inserted] = numbers_.try_emplace(key, static_cast<uint32_t>(keys_.size()));
  if (inserted) keys_.push_back(key);
  return it->second;
}

// Store objects are already in key order; missing ones are sorted and
// merged in.
std::vector<uint32_t> EdgeCollector::FinalNumbers() const {
  std::vector<uint32_t> missing(keys_.size() - present_);
  std::iota(missing.begin(), missing.end(), static_cast<uint32_t>(present_));
  std::sort(missing.begin(), missing.end(),
            [&](uint32_t a, uint32_t b) { return keys_[a] < keys_[b]; });
  std::vector<uint32_t> number(keys_.size());
  uint32_t next = 0;
  size_t p = 0;
  size_t m = 0;
  while (p < present_ || m < missing.size()) {
    bool take_missing =
        p == present_ || (m < missing.size() && keys_[missing[m]] < keys_[p]);
    number[take_missing ? missing[m++] : p++] = next++;
  }
  return number;
}

ExtractedGraph EdgeCollector::Finish() && {
  std::vector<uint32_t> number = FinalNumbers();
  ExtractedGraph out;
  out.nodes.resize(keys_.size());
  for (uint32_t v = 0; v < keys_.size(); ++v) {
    out.nodes[number[v]] = GraphNode{std::move(keys_[v]), v >= present_};
  }
  for (auto& [key, v] : numbers_) v = number[v];
  out.vertex_of = std::move(numbers_);
  for (EdgeRecord& edge : edges_) {
    edge.from = number[edge.from];
    edge.to = number[edge.to];
  }
  std::sort(edges_.begin(), edges_.end());
  edges_.erase(std::unique(edges_.begin(), edges_.end()), edges_.end());
  out.edges = std::move(edges_);
  out.problems = std::move(problems_);
  return out;
}

const ObjectKey& EdgeSink::from() const { return collector_->key(from_); }

void EdgeSink::Add(EdgeKind kind, const ObjectKey& to, std::string detail) {
  AddTo(kind, collector_->Intern(to), std::move(detail));
}

void EdgeSink::AddTo(EdgeKind kind, uint32_t to, std::string detail) {
  collector_->AddEdge(EdgeRecord{from_, to, kind, std::move(detail), template_level_});
}

void EdgeSink::AddIncoming(EdgeKind kind, const ObjectKey& owner, std::string detail) {
  collector_->AddEdge(EdgeRecord{collector_->Intern(owner), from_, kind,
                                 std::move(detail), template_level_});
}

void EdgeSink::Problem(absl::string_view message) {
  collector_->AddProblem(absl::StrCat(from().ToString(), ": ", message));
}

}  // namespace kreplay
