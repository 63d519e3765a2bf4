#include "model/json_diff.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace kreplay {
namespace {

// Appends `key` to `path` as a JSON Pointer token (RFC 6901: ~ and /
// escaped).
void AppendToken(std::string& path, const std::string& key) {
  path += '/';
  if (key.find_first_of("~/") == std::string::npos) {
    path += key;
  } else {
    path += absl::StrReplaceAll(key, {{"~", "~0"}, {"/", "~1"}});
  }
}

void Diff(const Json& source, const Json& target, std::string& path, Json& out);

// Common elements pairwise, then removals from the last index down (so each
// index stays valid), then additions at the end, as Json::diff orders them.
void DiffArrays(const Json& source, const Json& target, std::string& path, Json& out) {
  size_t common = std::min(source.size(), target.size());
  size_t length = path.size();
  for (size_t i = 0; i < common; ++i) {
    absl::StrAppend(&path, "/", i);
    Diff(source[i], target[i], path, out);
    path.resize(length);
  }
  for (size_t i = source.size(); i > common; --i) {
    out.push_back(Json::object({{"op", "remove"}, {"path", absl::StrCat(path, "/", i - 1)}}));
  }
  for (size_t i = common; i < target.size(); ++i) {
    out.push_back({{"op", "add"}, {"path", path + "/-"}, {"value", target[i]}});
  }
}

// Members in source order (descend or remove), then the target's new ones
// in target order. Both maps are sorted the same way, so one merge walk
// finds the matches.
void DiffObjects(const Json& source, const Json& target, std::string& path, Json& out) {
  size_t length = path.size();
  auto t = target.begin();
  std::vector<Json::const_iterator> added;
  for (auto s = source.begin(); s != source.end(); ++s) {
    for (; t != target.end() && t.key() < s.key(); ++t) added.push_back(t);
    AppendToken(path, s.key());
    if (t != target.end() && t.key() == s.key()) {
      Diff(*s, *t, path, out);
      ++t;
    } else {
      out.push_back(Json::object({{"op", "remove"}, {"path", path}}));
    }
    path.resize(length);
  }
  for (; t != target.end(); ++t) added.push_back(t);
  for (const Json::const_iterator& it : added) {
    AppendToken(path, it.key());
    out.push_back({{"op", "add"}, {"path", path}, {"value", *it}});
    path.resize(length);
  }
}

// Containers of one type are walked without comparing them first: equal
// ones yield no operation either way. Scalars compare with == (1 equals 1.0
// there, as in Json::diff).
void Diff(const Json& source, const Json& target, std::string& path, Json& out) {
  if (source.is_object() && target.is_object()) return DiffObjects(source, target, path, out);
  if (source.is_array() && target.is_array()) return DiffArrays(source, target, path, out);
  if (source != target) out.push_back({{"op", "replace"}, {"path", path}, {"value", target}});
}

}  // namespace

Json DiffJson(const Json& source, const Json& target) {
  Json out = Json::array();
  std::string path;
  Diff(source, target, path, out);
  return out;
}

}  // namespace kreplay
