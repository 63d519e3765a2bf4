// Sets of field paths: what a field manager owns under server-side apply.
//
// A FieldSet is a tree whose edges are path elements in the FieldsV1
// spelling of `metadata.managedFields` (`f:spec` a field, `k:{"name":"web"}`
// an item of a list map, `v:"a"` an item of a set, `i:0` a list index) and
// whose nodes may themselves be members (FieldsV1's `.`). Elements order as
// in sigs.k8s.io/structured-merge-diff: fields, then keys, then values,
// then indices, each by value; Members() iterates in that library's order
// (a node's own members before its sub-trees), which is the order of paths
// in conflict messages.
#ifndef KREPLAY_MODEL_FIELD_SET_H_
#define KREPLAY_MODEL_FIELD_SET_H_

#include <map>
#include <string>
#include <vector>

#include "model/json.h"

namespace kreplay {

// Orders path elements as structured-merge-diff does.
struct PathElementLess {
  bool operator()(const std::string& a, const std::string& b) const;
};

class FieldSet {
 public:
  using Path = std::vector<std::string>;

  // Reads a FieldsV1 object; entries that are not objects are ignored.
  static FieldSet FromFieldsV1(const Json& fields);
  Json ToFieldsV1() const;

  void Insert(const Path& path);
  bool Has(const Path& path) const;
  bool Empty() const;

  FieldSet Union(const FieldSet& other) const;
  FieldSet Difference(const FieldSet& other) const;
  FieldSet Intersection(const FieldSet& other) const;

  // Every member path, in structured-merge-diff's iteration order.
  std::vector<Path> Members() const;

  // The sub-tree under one element, or nullptr.
  const FieldSet* Child(const std::string& element) const;
  bool member() const { return member_; }

  bool operator==(const FieldSet& other) const = default;

 private:
  void CollectMembers(Path& prefix, std::vector<Path>& out) const;

  bool member_ = false;
  std::map<std::string, FieldSet, PathElementLess> children_;
};

// A path as the API server prints it in conflicts:
// `.spec.template.spec.containers[name="web"].image`, `[=value]`, `[0]`.
std::string PathString(const FieldSet::Path& path);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_FIELD_SET_H_
