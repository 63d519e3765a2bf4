// An inverted index of labelled objects per namespace, so that resolving a
// label selector costs the size of its smallest matching posting list, not
// the number of objects in the namespace.
//
// Objects are identified by a number the caller chooses (the dependency
// graph uses vertex numbers) and it keeps two indices: Pods by
// metadata.labels and workloads by their pod-template labels. Selection is
// always within one namespace, as every Kubernetes selector of Pods is.
#ifndef KREPLAY_MODEL_LABEL_INDEX_H_
#define KREPLAY_MODEL_LABEL_INDEX_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "model/label_selector.h"

namespace kreplay {

class LabelIndex {
 public:
  // Indexes object `id` of namespace `ns` under `labels`.
  // REQUIRES: each id is added once.
  void Add(absl::string_view ns, uint32_t id, Labels labels);

  // The ids of the objects in namespace `ns` whose labels `selector`
  // matches, ascending.
  std::vector<uint32_t> Select(absl::string_view ns,
                               const LabelSelector& selector) const;

 private:
  using Postings = std::vector<uint32_t>;  // entry indices, ascending
  struct Entry {
    uint32_t id;
    Labels labels;
  };
  struct Namespace {
    std::vector<Entry> entries;
    absl::flat_hash_map<std::string, absl::flat_hash_map<std::string, Postings>>
        by_label;
  };

  static Postings Candidates(const Namespace& ns,
                             const LabelSelector::Requirement& r);
  static const Postings* Narrowest(const Namespace& ns,
                                   const LabelSelector& selector,
                                   Postings* storage);

  absl::flat_hash_map<std::string, Namespace> namespaces_;
};

}  // namespace kreplay

#endif  // KREPLAY_MODEL_LABEL_INDEX_H_
