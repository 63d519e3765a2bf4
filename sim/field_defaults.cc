#include "sim/field_defaults.h"

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace kreplay {
namespace {

std::string_view View(absl::string_view s) { return std::string_view(s.data(), s.size()); }

void Walk(Json& node, const std::vector<absl::string_view>& steps, size_t at,
          absl::FunctionRef<void(Json&)> fn) {
  if (!node.is_object()) return;
  if (at == steps.size()) {
    fn(node);
    return;
  }
  absl::string_view step = steps[at];
  if (absl::ConsumeSuffix(&step, "[]")) {
    auto it = node.find(View(step));
    if (it == node.end() || !it->is_array()) return;
    for (Json& element : *it) Walk(element, steps, at + 1, fn);
    return;
  }
  if (absl::ConsumeSuffix(&step, "?")) {
    auto it = node.find(View(step));
    if (it != node.end()) Walk(*it, steps, at + 1, fn);
    return;
  }
  Json& child = node[std::string(step)];
  if (child.is_null()) child = Json::object();
  Walk(child, steps, at + 1, fn);
}

void ApplyDefault(Json& parent, const FieldDefault& row) {
  if (!IsUnset(parent, row.field, row.unset)) return;
  if (row.when != nullptr && !row.when(parent)) return;
  parent[row.field] = row.compute != nullptr ? row.compute(parent) : Json::parse(row.value);
}

}  // namespace

void ForEachAt(Json& root, absl::string_view path, absl::FunctionRef<void(Json&)> fn) {
  std::vector<absl::string_view> steps = absl::StrSplit(path, '.', absl::SkipEmpty());
  Walk(root, steps, 0, fn);
}

void ApplyFieldDefaults(Json& root, absl::Span<const FieldDefault> rows) {
  for (const FieldDefault& row : rows) {
    ForEachAt(root, row.parent, [&row](Json& parent) { ApplyDefault(parent, row); });
  }
}

bool IsUnset(const Json& parent, absl::string_view field, Unset unset) {
  auto it = parent.find(View(field));
  if (it == parent.end() || it->is_null()) return true;
  if (unset == Unset::kNil) return false;
  if (it->is_string()) return it->get_ref<const std::string&>().empty();
  if (it->is_number()) return *it == 0;
  return (it->is_object() || it->is_array()) && it->empty();
}

}  // namespace kreplay
