#include "replay/judge/checks.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/health.h"
#include "model/jsonpath.h"
#include "replay/judge/access_review_check.h"
#include "model/status_macros.h"
#include "re2/re2.h"
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
  CheckResult result;
  result.name = check.name;
  result.type = check.type;
  result.passed = passed;
  result.message = std::move(message);
  result.when_failed = check.when_failed;
  return result;
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

// What a jsonpath-* template is evaluated on: the object, or for a glob a
// List of the matching objects in key order, as `kubectl get <kind> -o
// jsonpath=...` prints (`{.items[0].metadata.name}`). Errors: NotFound
// naming the object when a single object is missing.
absl::StatusOr<Json> JsonPathSubject(const Check& check, const Cluster& cluster) {
  if (check.object.find_first_of("*?") == std::string::npos) {
    ObjectKey key;
    const Json* object = Target(check, cluster, &key);
    if (object == nullptr) return absl::NotFoundError(check.object + " not found");
    return *object;
  }
  Json list = {{"apiVersion", "v1"}, {"kind", "List"}, {"items", Json::array()}};
  for (const auto& [key, object] : cluster.store().objects()) {
    if (MatchesObject(check.object, key)) list["items"].push_back(*object);
  }
  return list;
}

// The template's text on the check's subject, trailing newlines dropped.
absl::StatusOr<std::string> JsonPathText(const Check& check, const Cluster& cluster) {
  KREPLAY_ASSIGN_OR_RETURN(Json subject, JsonPathSubject(check, cluster));
  KREPLAY_ASSIGN_OR_RETURN(std::string text, EvaluateJsonPath(check.jsonpath, subject));
  return std::string(DropTrailingNewlines(text));
}

CheckResult JsonPathEquals(const Check& check, const Cluster& cluster) {
  absl::StatusOr<std::string> got = JsonPathText(check, cluster);
  if (!got.ok()) return Result(check, false, std::string(got.status().message()));
  std::string want = check.value.is_string() ? check.value.get<std::string>() : Compact(check.value);
  bool passed = *got == DropTrailingNewlines(want);
  return Result(check, passed,
                absl::StrCat("want=", Compact(Json(want)), " got=", Compact(Json(*got))));
}

// The whole text matches the RE2 pattern (checked valid when the fixture loaded).
CheckResult JsonPathMatches(const Check& check, const Cluster& cluster) {
  absl::StatusOr<std::string> got = JsonPathText(check, cluster);
  if (!got.ok()) return Result(check, false, std::string(got.status().message()));
  RE2 pattern(check.pattern, RE2::Quiet);
  bool passed = pattern.ok() && RE2::FullMatch(*got, pattern);
  return Result(check, passed,
                absl::StrCat("want=/", check.pattern, "/ got=", Compact(Json(*got))));
}

CheckResult JsonPathContains(const Check& check, const Cluster& cluster) {
  absl::StatusOr<std::string> got = JsonPathText(check, cluster);
  if (!got.ok()) return Result(check, false, std::string(got.status().message()));
  std::vector<std::string> missing;
  for (const std::string& text : check.contains) {
    if (got->find(text) == std::string::npos) missing.push_back(Compact(Json(text)));
  }
  if (missing.empty()) return Result(check, true, absl::StrCat("got=", Compact(Json(*got))));
  return Result(check, false, absl::StrCat("missing ", absl::StrJoin(missing, ", "),
                                           " in got=", Compact(Json(*got))));
}

struct CheckType {
  const char* type;
  Checker run;
};
// In name order, as FixtureCheckTypes() lists the loader's.
constexpr CheckType kCheckTypes[] = {
    {"access-review", &RunAccessReview},  // replay/judge/access_review_check.h
    {"deployment-ready", &DeploymentReady},   {"field-absent", &FieldAbsent},
    {"field-equals", &FieldEquals},           {"jsonpath-contains", &JsonPathContains},
    {"jsonpath-equals", &JsonPathEquals},     {"jsonpath-matches", &JsonPathMatches},
    {"object-absent", &ObjectAbsent},         {"object-exists", &ObjectExists},
    {"service-endpoints", &ServiceEndpoints},
};

// The check's result, or a skip when its only_if check (an earlier one, by
// name; the loader makes sure it exists) did not pass.
CheckResult RunOne(const Check& check, const Cluster& cluster,
                   const std::vector<CheckResult>& earlier) {
  if (!check.only_if.empty()) {
    auto guard = std::find_if(earlier.rbegin(), earlier.rend(), [&](const CheckResult& r) {
      return r.name == check.only_if;
    });
    if (guard == earlier.rend() || !guard->passed || guard->skipped) {
      CheckResult skipped = Result(check, true, absl::StrCat("not applied: only_if ",
                                                             check.only_if, " did not pass"));
      skipped.skipped = true;
      return skipped;
    }
  }
  for (const CheckType& type : kCheckTypes) {
    if (check.type == type.type) return type.run(check, cluster);
  }
  return Result(check, false, absl::StrCat("unknown check type \"", check.type, "\""));
}

}  // namespace

bool MatchesObject(const std::string& pattern, const ObjectKey& key) {
  return Glob(pattern.c_str(), key.ToString().c_str());
}

std::vector<CheckResult> RunChecks(const Fixture& fixture, const Cluster& cluster) {
  std::vector<CheckResult> out;
  for (const Check& check : fixture.checks) out.push_back(RunOne(check, cluster, out));
  return out;
}

std::vector<std::string> JudgeCheckTypes() {
  std::vector<std::string> out;
  for (const CheckType& type : kCheckTypes) out.push_back(type.type);
  return out;
}

}  // namespace kreplay
