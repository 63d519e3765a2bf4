#include "replay/json_diff.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace kreplay {
namespace {

// A member name as a JSON Pointer token (RFC 6901): ~ and / escaped.
std::string Escape(const std::string& key) {
  return absl::StrReplaceAll(key, {{"~", "~0"}, {"/", "~1"}});
}

void Replace(const std::string& path, const Json& target, Json& out) {
  out.push_back({{"op", "replace"}, {"path", path}, {"value", target}});
}

void Diff(const Json& source, const Json& target, const std::string& path, Json& out);

// Common elements pairwise, then removals from the last index down (so each
// index stays valid), then additions at the end, as Json::diff orders them.
void DiffArrays(const Json& source, const Json& target, const std::string& path, Json& out) {
  size_t common = std::min(source.size(), target.size());
  for (size_t i = 0; i < common; ++i) Diff(source[i], target[i], absl::StrCat(path, "/", i), out);
  for (size_t i = source.size(); i > common; --i) {
    out.push_back(Json::object({{"op", "remove"}, {"path", absl::StrCat(path, "/", i - 1)}}));
  }
  for (size_t i = common; i < target.size(); ++i) {
    out.push_back({{"op", "add"}, {"path", path + "/-"}, {"value", target[i]}});
  }
}

void DiffObjects(const Json& source, const Json& target, const std::string& path, Json& out) {
  for (const auto& [key, value] : source.items()) {
    std::string member = absl::StrCat(path, "/", Escape(key));
    auto it = target.find(key);
    if (it != target.end()) {
      Diff(value, *it, member, out);
    } else {
      out.push_back(Json::object({{"op", "remove"}, {"path", member}}));
    }
  }
  for (const auto& [key, value] : target.items()) {
    if (!source.contains(key)) {
      out.push_back({{"op", "add"}, {"path", absl::StrCat(path, "/", Escape(key))}, {"value", value}});
    }
  }
}

// Containers of one type are walked without comparing them first: equal
// ones yield no operation either way. Scalars compare with == (1 equals 1.0
// there, as in Json::diff).
void Diff(const Json& source, const Json& target, const std::string& path, Json& out) {
  if (source.is_object() && target.is_object()) return DiffObjects(source, target, path, out);
  if (source.is_array() && target.is_array()) return DiffArrays(source, target, path, out);
  if (source != target) Replace(path, target, out);
}

}  // namespace

Json DiffJson(const Json& source, const Json& target) {
  Json out = Json::array();
  Diff(source, target, "", out);
  return out;
}

}  // namespace kreplay
