#include "model/ssa_merge.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "model/field_set.h"
#include "model/merge_keys.h"
#include "model/ssa_fields.h"
#include "model/status_macros.h"

namespace kreplay {
namespace {

std::string ChildTypeOf(absl::string_view type, absl::string_view field) {
  const FieldMeta* meta = LookupField(type, field);
  return meta == nullptr ? "" : meta->child;
}

bool Empty(const Json& value) {
  return value.is_null() || ((value.is_object() || value.is_array()) && value.empty());
}

// A list's items with their path elements; `seen` maps an element to its
// item, or to null when the element repeats (upstream does not merge into
// duplicated live items).
struct IndexedList {
  std::vector<std::string> elements;
  std::map<std::string, const Json*> seen;
};

absl::StatusOr<IndexedList> Index(const Json& list, const ListShape& shape,
                                  bool allow_duplicates) {
  IndexedList index;
  for (const Json& item : list) {
    KREPLAY_ASSIGN_OR_RETURN(std::optional<std::string> element,
                             ListItemElement(item, shape));
    auto [it, inserted] = index.seen.emplace(*element, &item);
    if (!inserted) {
      if (!allow_duplicates) {
        return absl::InvalidArgumentError(absl::StrCat(
            "duplicate entries for key ", PathString({*element})));
      }
      it->second = nullptr;
    }
    index.elements.push_back(*element);
  }
  return index;
}

absl::StatusOr<Json> MergeObject(const Json& live, const Json& config,
                                 absl::string_view type);

// upstream's visitListItems for list maps and sets: walks both lists;
// shared items follow the configuration's order, live-only items keep their
// place, configuration-only items come where the configuration puts them.
class ListMerger {
 public:
  ListMerger(const Json& live, const IndexedList& left, const IndexedList& right,
             const ListShape& shape)
      : live_(live), left_(left), right_(right), shape_(shape) {
    for (const std::string& e : right_.elements) {
      if (left_.seen.count(e)) shared_.push_back(e);
    }
  }

  absl::StatusOr<Json> Merge() {
    while (li_ < left_.elements.size() || ri_ < right_.elements.size()) {
      KREPLAY_RETURN_IF_ERROR(Step());
    }
    return std::move(out_);
  }

 private:
  bool InRight(const std::string& e) const { return right_.seen.count(e) > 0; }

  absl::Status Step() {
    if (li_ < left_.elements.size() && ri_ < right_.elements.size()) {
      const std::string& pe = left_.elements[li_];
      if (pe == right_.elements[ri_]) {
        KREPLAY_RETURN_IF_ERROR(Emit(pe));
        ++li_;
        ++ri_;
        ++next_shared_;
        return absl::OkStatus();
      }
      if (InRight(pe) && next_shared_ < shared_.size() && shared_[next_shared_] != pe) {
        ++li_;  // a shared item, but not the one due in this round
        return absl::OkStatus();
      }
    }
    if (li_ < left_.elements.size()) {
      const std::string& pe = left_.elements[li_];
      if (!InRight(pe)) {
        out_.push_back(live_[li_++]);
        return absl::OkStatus();
      }
      if (merged_.count(pe)) {
        ++li_;
        return absl::OkStatus();
      }
    }
    if (ri_ < right_.elements.size()) {
      const std::string& pe = right_.elements[ri_++];
      KREPLAY_RETURN_IF_ERROR(Emit(pe));
      if (next_shared_ < shared_.size() && shared_[next_shared_] == pe) ++next_shared_;
    }
    return absl::OkStatus();
  }

  // The item for `element`: both sides merged, else whichever exists.
  absl::Status Emit(const std::string& element) {
    merged_.insert(element);
    auto l = left_.seen.find(element);
    const Json* lhs = l == left_.seen.end() ? nullptr : l->second;
    const Json* rhs = right_.seen.at(element);
    if (lhs != nullptr && shape_.type == ListType::kMap && lhs->is_object() &&
        rhs->is_object()) {
      KREPLAY_ASSIGN_OR_RETURN(Json item, MergeObject(*lhs, *rhs, shape_.element_type));
      out_.push_back(std::move(item));
    } else {
      out_.push_back(*rhs);
    }
    return absl::OkStatus();
  }

  const Json& live_;
  const IndexedList& left_;
  const IndexedList& right_;
  const ListShape& shape_;
  std::vector<std::string> shared_;
  size_t next_shared_ = 0;
  std::set<std::string> merged_;
  size_t li_ = 0, ri_ = 0;
  Json out_ = Json::array();
};

absl::StatusOr<Json> MergeField(const Json& live, const Json& config,
                                absl::string_view type, const std::string& key) {
  bool both_empty = Empty(live) && Empty(config);
  if (live.is_object() && config.is_object() && !both_empty &&
      !IsAtomicStruct(type, key)) {
    return MergeObject(live, config, ChildTypeOf(type, key));
  }
  ListShape shape = ListShapeOf(type, key);
  if (!live.is_array() || !config.is_array() || both_empty ||
      shape.type == ListType::kAtomic) {
    return config;
  }
  KREPLAY_ASSIGN_OR_RETURN(IndexedList left, Index(live, shape, true));
  KREPLAY_ASSIGN_OR_RETURN(IndexedList right, Index(config, shape, false));
  return ListMerger(live, left, right, shape).Merge();
}

absl::StatusOr<Json> MergeObject(const Json& live, const Json& config,
                                 absl::string_view type) {
  Json out = live.is_object() ? live : Json::object();
  for (auto it = config.begin(); it != config.end(); ++it) {
    auto found = out.find(it.key());
    if (it->is_null()) {
      out.erase(it.key());
    } else if (found == out.end()) {
      out[it.key()] = *it;
    } else {
      KREPLAY_ASSIGN_OR_RETURN(*found, MergeField(*found, *it, type, it.key()));
    }
  }
  return out;
}

}  // namespace

absl::StatusOr<Json> MergeApplied(const Json& live, const Json& config,
                                  absl::string_view type) {
  return MergeObject(live, config, type);
}

}  // namespace kreplay
