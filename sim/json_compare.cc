#include "sim/json_compare.h"

#include <algorithm>

namespace kreplay {

bool EqualExcept(const Json& a, const Json& b, std::initializer_list<absl::string_view> skip) {
  if (!a.is_object() || !b.is_object()) return a == b;
  auto skipped = [&](const std::string& name) {
    return std::find(skip.begin(), skip.end(), absl::string_view(name)) != skip.end();
  };
  size_t kept = 0;
  for (const auto& [name, value] : a.items()) {
    if (skipped(name)) continue;
    ++kept;
    auto it = b.find(name);
    if (it == b.end() || *it != value) return false;
  }
  // Every kept member of `a` is in `b`: equal when `b` keeps no more.
  for (const auto& [name, value] : b.items()) {
    if (!skipped(name) && kept-- == 0) return false;
  }
  return kept == 0;
}

}  // namespace kreplay
