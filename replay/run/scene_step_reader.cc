#include "replay/run/scene_step_reader.h"

#include <cmath>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "model/status_macros.h"
#include "model/type_registry.h"

namespace kreplay {
namespace {

class StepReader {
 public:
  StepReader(const std::string& file, const SceneFileReader& read_file, const FieldWhere& where)
      : file_(file), read_file_(read_file), where_(where) {}

  absl::Status Error(const std::string& field, const std::string& expected) const {
    return absl::InvalidArgumentError(
        absl::StrCat(where_ ? where_(field) : file_, ": ", field, ": ", expected));
  }

  absl::Status Known(const Json& node, const std::set<std::string>& keys,
                     const std::string& field) const {
    if (!node.is_object()) return Error(field, "expected a mapping");
    for (const auto& [key, value] : node.items()) {
      if (!keys.contains(key)) {
        return Error(absl::StrCat(field, ".", key),
                     absl::StrCat("unknown field (expected one of: ", absl::StrJoin(keys, ", "),
                                  ")"));
      }
    }
    return absl::OkStatus();
  }

  absl::StatusOr<std::string> String(const Json& node, const std::string& key,
                                     const std::string& field) const {
    const Json* v = Find(node, key);
    if (v == nullptr || v->is_null()) return std::string();
    if (!v->is_string()) return Error(field, "expected a string");
    return v->get<std::string>();
  }

  // A Go duration (`8s`, `+10s`, `1m30s`; a leading + allowed), finite and
  // not negative.
  absl::StatusOr<absl::Duration> Duration(const std::string& text, const std::string& field,
                                          const std::string& expected) const {
    std::string bare = !text.empty() && text[0] == '+' ? text.substr(1) : text;
    absl::Duration d;
    if (!absl::ParseDuration(bare, &d) || d == absl::InfiniteDuration() ||
        d < absl::ZeroDuration()) {
      return Error(field, absl::StrCat(expected, ", got \"", text, "\""));
    }
    return d;
  }

  absl::StatusOr<SceneStep> Step(const Json& node, const std::string& at, bool chaos) const {
    std::set<std::string> keys = {"kubectl", "apply", "file", "sleep"};
    if (chaos) keys.insert({"at", "after_change"});
    KREPLAY_RETURN_IF_ERROR(Known(node, keys, at));
    SceneStep s;
    s.field = at;
    KREPLAY_ASSIGN_OR_RETURN(s.kubectl, String(node, "kubectl", at + ".kubectl"));
    KREPLAY_ASSIGN_OR_RETURN(s.file, String(node, "file", at + ".file"));
    KREPLAY_ASSIGN_OR_RETURN(s.sleep, String(node, "sleep", at + ".sleep"));
    if (const Json* apply = Find(node, "apply"); apply != nullptr) s.apply = *apply;
    int kinds = !s.kubectl.empty() + !s.apply.is_null() + !s.file.empty() + !s.sleep.empty();
    if (kinds != 1) return Error(at, "expected exactly one of kubectl, apply, file or sleep");
    if (!s.apply.is_null() && !s.apply.is_object()) {
      return Error(at + ".apply", "expected a manifest (a mapping)");
    }
    if (!s.sleep.empty()) {
      KREPLAY_ASSIGN_OR_RETURN(
          absl::Duration d,
          Duration(s.sleep, at + ".sleep", "expected a finite, non-negative duration such as 8s"));
      s.sleep_seconds = static_cast<int64_t>(std::ceil(absl::ToDoubleSeconds(d)));
    }
    if (!s.file.empty()) {
      absl::StatusOr<std::vector<Json>> manifests = read_file_(s.file);
      if (!manifests.ok()) return Error(at + ".file", std::string(manifests.status().message()));
      s.file_manifests = *std::move(manifests);
    }
    if (chaos) KREPLAY_RETURN_IF_ERROR(Trigger(node, at, s));
    return s;
  }

 private:
  absl::Status Trigger(const Json& node, const std::string& at, SceneStep& s) const {
    KREPLAY_ASSIGN_OR_RETURN(s.at, String(node, "at", at + ".at"));
    const Json* change = Find(node, "after_change");
    if (s.at.empty() == (change == nullptr || change->is_null())) {
      return Error(at, "expected exactly one of at or after_change");
    }
    if (!s.at.empty()) {
      return Duration(s.at, at + ".at",
                      "expected a finite offset from agent start such as +10s, +2m or +1h30m")
          .status();
    }
    std::string field = at + ".after_change";
    KREPLAY_RETURN_IF_ERROR(Known(*change, {"api_version", "resource", "namespace", "name"}, field));
    ChangeTrigger& t = s.after_change;
    KREPLAY_ASSIGN_OR_RETURN(t.api_version, String(*change, "api_version", field + ".api_version"));
    KREPLAY_ASSIGN_OR_RETURN(t.resource, String(*change, "resource", field + ".resource"));
    KREPLAY_ASSIGN_OR_RETURN(t.ns, String(*change, "namespace", field + ".namespace"));
    KREPLAY_ASSIGN_OR_RETURN(t.name, String(*change, "name", field + ".name"));
    if (t.resource.empty()) return Error(field + ".resource", "required string is missing");
    if (t.name.empty()) return Error(field + ".name", "required string is missing");
    const TypeInfo* type = LookupType(t.resource);
    if (type == nullptr) {
      return Error(field + ".resource",
                   absl::StrCat("\"", t.resource, "\" is not a resource kreplay knows"));
    }
    if (!t.api_version.empty() && t.api_version != type->ApiVersion()) {
      return Error(field + ".api_version",
                   absl::StrCat(t.resource, " are ", type->ApiVersion(), ", not ", t.api_version));
    }
    if (type->namespaced == t.ns.empty()) {
      return Error(field + ".namespace",
                   type->namespaced ? absl::StrCat(t.resource, " are namespaced: name the namespace")
                                    : absl::StrCat(t.resource, " are cluster-scoped: no namespace"));
    }
    t.kind = type->kind;
    return absl::OkStatus();
  }

  const std::string& file_;
  const SceneFileReader& read_file_;
  const FieldWhere& where_;
};

absl::StatusOr<std::vector<SceneStep>> ReadList(const StepReader& r, const Json* steps,
                                                const std::string& field, bool chaos) {
  std::vector<SceneStep> out;
  if (steps == nullptr || steps->is_null()) return out;
  if (!steps->is_array()) return r.Error(field, "expected a list of steps");
  for (size_t i = 0; i < steps->size(); ++i) {
    KREPLAY_ASSIGN_OR_RETURN(SceneStep step,
                             r.Step((*steps)[i], absl::StrCat(field, "[", i, "]"), chaos));
    out.push_back(std::move(step));
  }
  return out;
}

// Timed chaos steps fire in the order listed, each before the first call
// recorded at or after its time: a step listed before an earlier one would
// fire late. after_change steps fire when their object changes, in any order.
absl::Status CheckChaosOrder(const StepReader& r, const std::vector<SceneStep>& chaos) {
  absl::Duration last = absl::ZeroDuration();
  std::string last_field;
  for (const SceneStep& step : chaos) {
    if (step.at.empty()) continue;
    KREPLAY_ASSIGN_OR_RETURN(absl::Duration offset, r.Duration(step.at, step.field + ".at", ""));
    if (!last_field.empty() && offset < last) {
      return r.Error(step.field + ".at",
                     absl::StrCat(step.at, " is before ", last_field, ".at (",
                                  absl::FormatDuration(last),
                                  "); list chaos steps in the order they happen"));
    }
    last = offset;
    last_field = step.field;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<SceneStep>> ReadSceneSteps(const std::string& fixture_file,
                                                      const Json* steps, const std::string& field,
                                                      const SceneFileReader& read_file,
                                                      const FieldWhere& where) {
  return ReadList(StepReader(fixture_file, read_file, where), steps, field, false);
}

absl::StatusOr<ChaosPlan> ReadChaos(const std::string& fixture_file, const Json* chaos,
                                    const SceneFileReader& read_file, const FieldWhere& where) {
  StepReader r(fixture_file, read_file, where);
  ChaosPlan plan;
  if (chaos != nullptr && chaos->is_object()) {
    KREPLAY_RETURN_IF_ERROR(r.Known(*chaos, {"stop_on_agent_done", "steps"}, "chaos"));
    if (const Json* stop = Find(*chaos, "stop_on_agent_done"); stop != nullptr) {
      if (!stop->is_boolean()) return r.Error("chaos.stop_on_agent_done", "expected true or false");
      plan.stop_on_agent_done = stop->get<bool>();
    }
    KREPLAY_ASSIGN_OR_RETURN(plan.steps, ReadList(r, Find(*chaos, "steps"), "chaos.steps", true));
  } else if (chaos != nullptr && !chaos->is_null() && !chaos->is_array()) {
    return r.Error("chaos", "expected a list of steps or a mapping {stop_on_agent_done, steps}");
  } else {
    KREPLAY_ASSIGN_OR_RETURN(plan.steps, ReadList(r, chaos, "chaos", true));
  }
  KREPLAY_RETURN_IF_ERROR(CheckChaosOrder(r, plan.steps));
  return plan;
}

}  // namespace kreplay
