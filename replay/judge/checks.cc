#include "replay/judge/checks.h"

#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "model/health.h"
#include "model/jsonpath.h"
#include "replay/judge/access_review_check.h"
#include "replay/run/replay_result.h"

namespace kreplay {
namespace {

bool Glob(const char* pattern, const char* text) {
  for (; *pattern; ++pattern, ++text) {
    if (*pattern == '*') {
      for (const char* rest = text;; ++rest) {
        if (Glob(pattern + 1, rest)) return true;
        if (!*rest) return false;
      }
    }
    if (!*text || (*pattern != '?' && *pattern != *text)) return false;
  }
  return !*text;
}

using Checker = CheckResult (*)(const Check&, const Cluster&);

CheckResult Result(const Check& check, bool passed, std::string message) {
  return CheckResult{check.name, check.type, passed, std::move(message)};
}

const Json* Target(const Check& check, const Cluster& cluster, ObjectKey* key) {
  absl::StatusOr<ObjectKey> parsed = ParseObjectKey(check.object);
  if (!parsed.ok()) return nullptr;
  *key = *parsed;
  return cluster.Get(*parsed);
}

CheckResult DeploymentReady(const Check& check, const Cluster& cluster) {
  ObjectKey key;
  if (Target(check, cluster, &key) == nullptr) return Result(check, false, check.object + " not found");
  Health h = EvaluateHealth(cluster.store(), key);
  return Result(check, h.healthy, h.healthy ? "rolled out, all replicas ready" : h.reason);
}

CheckResult ServiceEndpoints(const Check& check, const Cluster& cluster) {
  ObjectKey key;
  if (Target(check, cluster, &key) == nullptr) return Result(check, false, check.object + " not found");
  int64_t ready = ReadyEndpoints(cluster, key);
  return Result(check, ready > 0, absl::StrCat(ready, " ready endpoint(s)"));
}

CheckResult FieldEquals(const Check& check, const Cluster& cluster) {
  ObjectKey key;
  const Json* object = Target(check, cluster, &key);
  if (object == nullptr) return Result(check, false, check.object + " not found");
  Json::json_pointer pointer(check.pointer);
  if (!object->contains(pointer)) {
    return Result(check, false, absl::StrCat("want=", Compact(check.value), " got=<absent>"));
  }
  const Json& got = object->at(pointer);
  return Result(check, got == check.value,
                absl::StrCat("want=", Compact(check.value), " got=", Compact(got)));
}

CheckResult FieldAbsent(const Check& check, const Cluster& cluster) {
  ObjectKey key;
  const Json* object = Target(check, cluster, &key);
  if (object == nullptr) return Result(check, false, check.object + " not found");
  Json::json_pointer pointer(check.pointer);
  if (!object->contains(pointer)) return Result(check, true, check.pointer + " absent");
  return Result(check, false, absl::StrCat(check.pointer, " = ", Compact(object->at(pointer))));
}

std::vector<std::string> Matching(const Check& check, const Cluster& cluster) {
  std::vector<std::string> out;
  for (const auto& [key, object] : cluster.store().objects()) {
    if (MatchesObject(check.object, key)) out.push_back(key.ToString());
  }
  return out;
}

CheckResult ObjectExists(const Check& check, const Cluster& cluster) {
  std::vector<std::string> found = Matching(check, cluster);
  return Result(check, !found.empty(),
                found.empty() ? "no object matches " + check.object : found.front() + " exists");
}

CheckResult ObjectAbsent(const Check& check, const Cluster& cluster) {
  std::vector<std::string> found = Matching(check, cluster);
  return Result(check, found.empty(),
                found.empty() ? "no object matches " + check.object : found.front() + " exists");
}

// The template's text, compared as a shell's `$(...)` compares it (the way
// evidra-bench's verifiers do): trailing newlines on either side dropped.
std::string_view DropTrailingNewlines(std::string_view text) {
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  return text;
}

CheckResult JsonPathEquals(const Check& check, const Cluster& cluster) {
  ObjectKey key;
  const Json* object = Target(check, cluster, &key);
  if (object == nullptr) return Result(check, false, check.object + " not found");
  absl::StatusOr<std::string> got = EvaluateJsonPath(check.jsonpath, *object);
  if (!got.ok()) return Result(check, false, std::string(got.status().message()));
  std::string want = check.value.is_string() ? check.value.get<std::string>() : Compact(check.value);
  bool passed = DropTrailingNewlines(*got) == DropTrailingNewlines(want);
  return Result(check, passed,
                absl::StrCat("want=", Compact(Json(want)), " got=", Compact(Json(*got))));
}

struct CheckType {
  const char* type;
  Checker run;
};
constexpr CheckType kCheckTypes[] = {
    {"deployment-ready", &DeploymentReady}, {"service-endpoints", &ServiceEndpoints},
    {"field-equals", &FieldEquals},         {"field-absent", &FieldAbsent},
    {"object-exists", &ObjectExists},       {"object-absent", &ObjectAbsent},
    {"jsonpath-equals", &JsonPathEquals},
    {"access-review", &RunAccessReview},  // replay/judge/access_review_check.h
};

}  // namespace

bool MatchesObject(const std::string& pattern, const ObjectKey& key) {
  return Glob(pattern.c_str(), key.ToString().c_str());
}

std::vector<CheckResult> RunChecks(const Fixture& fixture, const Cluster& cluster) {
  std::vector<CheckResult> out;
  for (const Check& check : fixture.checks) {
    for (const CheckType& type : kCheckTypes) {
      if (check.type == type.type) out.push_back(type.run(check, cluster));
    }
  }
  return out;
}

}  // namespace kreplay
