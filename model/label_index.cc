#include "model/label_index.h"

#include <algorithm>
#include <utility>

namespace kreplay {

void LabelIndex::Add(absl::string_view ns, uint32_t id, Labels labels) {
  Namespace& space = namespaces_[ns];
  uint32_t index = static_cast<uint32_t>(space.entries.size());
  for (const auto& [label, value] : labels) {
    space.by_label[label][value].push_back(index);
  }
  space.entries.push_back(Entry{id, std::move(labels)});
}

// Entries that can satisfy `r`: the posting lists of its values (In) or of
// every value of its key (Exists). Postings are appended in entry order, so
// each list is ascending and a union only needs sort + unique.
LabelIndex::Postings LabelIndex::Candidates(
    const Namespace& space, const LabelSelector::Requirement& r) {
  Postings out;
  auto values = space.by_label.find(r.key);
  if (values == space.by_label.end()) return out;
  for (const auto& [value, postings] : values->second) {
    bool wanted = r.op == LabelSelector::Op::kExists ||
                  std::find(r.values.begin(), r.values.end(), value) !=
                      r.values.end();
    if (wanted) out.insert(out.end(), postings.begin(), postings.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// NotIn and DoesNotExist cannot narrow the search; when a selector has only
// those (or no requirement at all) every entry is a candidate (nullptr).
const LabelIndex::Postings* LabelIndex::Narrowest(
    const Namespace& space, const LabelSelector& selector, Postings* storage) {
  bool found = false;
  for (const LabelSelector::Requirement& r : selector.requirements()) {
    if (r.op != LabelSelector::Op::kIn && r.op != LabelSelector::Op::kExists) {
      continue;
    }
    Postings candidates = Candidates(space, r);
    if (!found || candidates.size() < storage->size()) {
      *storage = std::move(candidates);
      found = true;
    }
    if (storage->empty()) break;
  }
  return found ? storage : nullptr;
}

std::vector<uint32_t> LabelIndex::Select(absl::string_view ns,
                                         const LabelSelector& selector) const {
  std::vector<uint32_t> out;
  auto it = namespaces_.find(ns);
  if (it == namespaces_.end() || selector.selects_nothing()) return out;
  const Namespace& space = it->second;
  auto consider = [&](uint32_t i) {
    if (selector.Matches(space.entries[i].labels)) {
      out.push_back(space.entries[i].id);
    }
  };
  Postings storage;
  if (const Postings* candidates = Narrowest(space, selector, &storage)) {
    for (uint32_t i : *candidates) consider(i);
  } else {
    for (uint32_t i = 0; i < space.entries.size(); ++i) consider(i);
  }
  if (!std::is_sorted(out.begin(), out.end())) std::sort(out.begin(), out.end());
  return out;
}

}  // namespace kreplay
