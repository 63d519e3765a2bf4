#include "model/json.h"

#include <string_view>
#include <vector>

#include "absl/strings/str_split.h"

namespace kreplay {
namespace {

std::vector<std::string> Steps(absl::string_view path) {
  return absl::StrSplit(path, '.', absl::SkipEmpty());
}

}  // namespace

// The hottest read in kreplay (graph extraction, controllers, health): the
// path is split into views and looked up without copying a key.
const Json* Find(const Json& root, absl::string_view path) {
  const Json* node = &root;
  for (absl::string_view step : absl::StrSplit(path, '.', absl::SkipEmpty())) {
    if (!node->is_object()) return nullptr;
    auto it = node->find(std::string_view(step.data(), step.size()));
    if (it == node->end()) return nullptr;
    node = &*it;
  }
  return node;
}

Json& Ensure(Json& root, absl::string_view path) {
  Json* node = &root;
  for (const std::string& step : Steps(path)) {
    if (!node->is_object()) *node = Json::object();
    node = &(*node)[step];
  }
  if (node->is_null()) *node = Json::object();
  return *node;
}

std::string GetString(const Json& root, absl::string_view path,
                      const std::string& fallback) {
  const Json* v = Find(root, path);
  return v && v->is_string() ? v->get<std::string>() : fallback;
}

int64_t GetInt(const Json& root, absl::string_view path, int64_t fallback) {
  const Json* v = Find(root, path);
  return v && v->is_number_integer() ? v->get<int64_t>() : fallback;
}

bool GetBool(const Json& root, absl::string_view path, bool fallback) {
  const Json* v = Find(root, path);
  return v && v->is_boolean() ? v->get<bool>() : fallback;
}

std::map<std::string, std::string> GetStringMap(const Json& root,
                                                absl::string_view path) {
  std::map<std::string, std::string> out;
  const Json* v = Find(root, path);
  if (!v || !v->is_object()) return out;
  for (const auto& [key, value] : v->items()) {
    if (value.is_string()) out[key] = value.get<std::string>();
  }
  return out;
}

namespace {

std::string MetaEntry(const Json& object, const char* map, const std::string& key) {
  const Json* entries = Find(object, map);
  if (entries == nullptr || !entries->is_object()) return "";
  auto it = entries->find(key);
  return it != entries->end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

std::string GetAnnotation(const Json& object, const std::string& key) {
  return MetaEntry(object, "metadata.annotations", key);
}

std::string GetLabel(const Json& object, const std::string& key) {
  return MetaEntry(object, "metadata.labels", key);
}

bool Erase(Json& root, absl::string_view path) {
  std::vector<std::string> steps = Steps(path);
  if (steps.empty()) return false;
  std::string last = steps.back();
  steps.pop_back();
  Json* node = &root;
  for (const std::string& step : steps) {
    if (!node->is_object() || !node->contains(step)) return false;
    node = &(*node)[step];
  }
  return node->is_object() && node->erase(last) > 0;
}

std::string Compact(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace kreplay
