#include "model/field_set.h"

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kreplay {
namespace {

int Rank(const std::string& element) {
  if (element.size() < 2 || element[1] != ':') return 4;
  switch (element[0]) {
    case 'f': return 0;
    case 'k': return 1;
    case 'v': return 2;
    case 'i': return 3;
    default: return 4;
  }
}

// The JSON (or index) after the `x:` prefix.
Json Payload(const std::string& element) {
  Json value = Json::parse(element.substr(2), nullptr, false);
  return value.is_discarded() ? Json(element) : value;
}

bool NumberChar(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' ||
         c == 'E';
}

// Compares two payloads of the same shape by value without parsing them:
// text order, except that numbers outside string literals compare
// numerically (`80` before `443`), as structured-merge-diff orders values.
bool PayloadLess(const std::string& a, const std::string& b) {
  size_t i = 0;
  bool in_string = false;
  while (i < a.size() && i < b.size() && a[i] == b[i]) {
    if (a[i] == '"' && (i == 0 || a[i - 1] != '\\')) in_string = !in_string;
    ++i;
  }
  if (in_string || i == a.size() || i == b.size() || !NumberChar(a[i]) ||
      !NumberChar(b[i])) {
    return a.compare(i, std::string::npos, b, i, std::string::npos) < 0;
  }
  size_t start = i;
  while (start > 0 && NumberChar(a[start - 1])) --start;
  double x = std::strtod(a.c_str() + start, nullptr);
  double y = std::strtod(b.c_str() + start, nullptr);
  return x != y ? x < y : a < b;
}

}  // namespace

bool PathElementLess::operator()(const std::string& a, const std::string& b) const {
  int ra = Rank(a), rb = Rank(b);
  if (ra != rb) return ra < rb;
  if (ra == 0 || ra == 4) return a < b;
  return PayloadLess(a, b);
}

FieldSet FieldSet::FromFieldsV1(const Json& fields) {
  FieldSet set;
  if (!fields.is_object()) return set;
  for (auto it = fields.begin(); it != fields.end(); ++it) {
    if (!it->is_object()) continue;
    if (it.key() == ".") {
      set.member_ = true;
      continue;
    }
    FieldSet child = FromFieldsV1(*it);
    if (it->empty()) child.member_ = true;
    set.children_[it.key()] = std::move(child);
  }
  return set;
}

Json FieldSet::ToFieldsV1() const {
  Json out = Json::object();
  for (const auto& [element, child] : children_) {
    Json sub = child.ToFieldsV1();
    if (child.member_ && !sub.empty()) sub["."] = Json::object();
    out[element] = std::move(sub);
  }
  return out;
}

void FieldSet::Insert(const Path& path) {
  FieldSet* node = this;
  for (const std::string& element : path) node = &node->children_[element];
  node->member_ = true;
}

bool FieldSet::Has(const Path& path) const {
  const FieldSet* node = this;
  for (const std::string& element : path) {
    node = node->Child(element);
    if (node == nullptr) return false;
  }
  return node->member_;
}

bool FieldSet::Empty() const {
  if (member_) return false;
  for (const auto& [element, child] : children_) {
    if (!child.Empty()) return false;
  }
  return true;
}

const FieldSet* FieldSet::Child(const std::string& element) const {
  auto it = children_.find(element);
  return it == children_.end() ? nullptr : &it->second;
}

FieldSet FieldSet::Union(const FieldSet& other) const {
  FieldSet out = *this;
  out.member_ = member_ || other.member_;
  for (const auto& [element, child] : other.children_) {
    auto it = out.children_.find(element);
    out.children_[element] = it == out.children_.end() ? child : it->second.Union(child);
  }
  return out;
}

FieldSet FieldSet::Difference(const FieldSet& other) const {
  FieldSet out;
  out.member_ = member_ && !other.member_;
  for (const auto& [element, child] : children_) {
    const FieldSet* theirs = other.Child(element);
    FieldSet rest = theirs == nullptr ? child : child.Difference(*theirs);
    if (!rest.Empty()) out.children_[element] = std::move(rest);
  }
  return out;
}

FieldSet FieldSet::Intersection(const FieldSet& other) const {
  FieldSet out;
  out.member_ = member_ && other.member_;
  for (const auto& [element, child] : children_) {
    const FieldSet* theirs = other.Child(element);
    if (theirs == nullptr) continue;
    FieldSet common = child.Intersection(*theirs);
    if (!common.Empty()) out.children_[element] = std::move(common);
  }
  return out;
}

void FieldSet::CollectMembers(Path& prefix, std::vector<Path>& out) const {
  for (const auto& [element, child] : children_) {
    if (!child.member_) continue;
    prefix.push_back(element);
    out.push_back(prefix);
    prefix.pop_back();
  }
  for (const auto& [element, child] : children_) {
    prefix.push_back(element);
    child.CollectMembers(prefix, out);
    prefix.pop_back();
  }
}

std::vector<FieldSet::Path> FieldSet::Members() const {
  std::vector<Path> out;
  Path prefix;
  if (member_) out.push_back(prefix);
  CollectMembers(prefix, out);
  return out;
}

namespace {

// value.ToString: strings quoted, everything else as JSON.
std::string ValueString(const Json& value) { return value.dump(); }

std::string ElementString(const std::string& element) {
  switch (Rank(element)) {
    case 0:
      return absl::StrCat(".", element.substr(2));
    case 1: {
      std::vector<std::string> parts;
      Json keys = Payload(element);
      for (auto it = keys.begin(); it != keys.end(); ++it) {
        parts.push_back(absl::StrCat(it.key(), "=", ValueString(*it)));
      }
      return absl::StrCat("[", absl::StrJoin(parts, ","), "]");
    }
    case 2:
      return absl::StrCat("[=", ValueString(Payload(element)), "]");
    case 3:
      return absl::StrCat("[", element.substr(2), "]");
    default:
      return element;
  }
}

}  // namespace

std::string PathString(const FieldSet::Path& path) {
  std::string out;
  for (const std::string& element : path) out += ElementString(element);
  return out;
}

}  // namespace kreplay
