// kreplay's JSON value type and small helpers for reading Kubernetes objects.
//
// Objects are kept as nlohmann::json (keys sorted, so every dump is
// deterministic). Helpers here never throw: a missing or mistyped field reads
// as the given default.
#ifndef KREPLAY_MODEL_JSON_H_
#define KREPLAY_MODEL_JSON_H_

#include <cstdint>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "absl/strings/string_view.h"

namespace kreplay {

using Json = nlohmann::json;

// Returns the value at `path` (dot-separated object keys, e.g.
// "spec.template.metadata") or nullptr when any step is missing or not an
// object. The pointer is into `root` and lives as long as it does.
const Json* Find(const Json& root, absl::string_view path);

// Returns the object at `path`, creating empty objects on the way.
// REQUIRES: every existing step on the path is an object or null.
Json& Ensure(Json& root, absl::string_view path);

// Typed reads with defaults: wrong type or absent gives `fallback`.
std::string GetString(const Json& root, absl::string_view path,
                      const std::string& fallback = "");
int64_t GetInt(const Json& root, absl::string_view path, int64_t fallback = 0);
bool GetBool(const Json& root, absl::string_view path, bool fallback = false);

// A string map such as metadata.labels; non-string values are skipped.
std::map<std::string, std::string> GetStringMap(const Json& root,
                                                absl::string_view path);

// metadata.annotations[key] / metadata.labels[key] of an object; "" if absent.
// (Annotation keys contain dots, so they cannot be reached through `path`.)
std::string GetAnnotation(const Json& object, const std::string& key);
std::string GetLabel(const Json& object, const std::string& key);

// Removes the key at `path` if present; returns whether anything was removed.
bool Erase(Json& root, absl::string_view path);

// Compact, deterministic rendering (keys sorted) used in messages and hashes.
std::string Compact(const Json& value);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_JSON_H_
