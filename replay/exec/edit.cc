// Verbs that edit live objects in place: patch, label, annotate, scale,
// set image|env|resources, rollout restart|pause|resume, cordon, uncordon,
// taint (replay/exec/taint.h).
// Each is a function from the live object to the edited one, applied to
// every target as kubectl does (one request per object).
#include "absl/strings/str_cat.h"
#include "model/patch.h"
#include "model/type_registry.h"
#include "replay/exec/edit.h"
#include "replay/exec/taint.h"

namespace kreplay {
namespace {

using Edit = absl::Status (*)(Json& object, const Operation& op, const ExecContext& ctx);

// The pod spec an edit works on: a Pod's spec, or a workload's template's
// (created if the template has none), where the type registry puts them.
Json* PodSpec(Json& object) {
  const TypeInfo* type = LookupKind(GetString(object, "kind"));
  if (type == nullptr || type->pod_spec.empty()) return nullptr;
  if (Find(object, type->workload() ? type->pod_template : type->pod_spec) == nullptr) return nullptr;
  return &Ensure(object, type->pod_spec);
}

std::string Ref(const Json& object) {
  return absl::StrCat(GetString(object, "kind"), "/", GetString(object, "metadata.name"));
}

absl::Status Patch(Json& object, const Operation& op, const ExecContext&) {
  absl::StatusOr<Json> patched = ApplyPatch(object, op.patch, op.patch_type);
  if (!patched.ok()) return patched.status();
  object = *std::move(patched);
  return absl::OkStatus();
}

absl::Status SetPairs(Json& object, const Operation& op, const char* map) {
  Json& entries = Ensure(object, std::string("metadata.") + map);
  for (const auto& [key, value] : op.pairs) {
    if (!value) {
      entries.erase(key);
      continue;
    }
    if (entries.contains(key) && entries[key] != Json(*value) && !op.overwrite) {
      return absl::InvalidArgumentError(
          absl::StrCat("error: '", key, "' already has a value (",
                       entries[key].is_string() ? entries[key].get<std::string>() : Compact(entries[key]),
                       "), and --overwrite is false"));
    }
    entries[key] = *value;
  }
  if (entries.empty()) Erase(object, std::string("metadata.") + map);
  return absl::OkStatus();
}

absl::Status Label(Json& o, const Operation& op, const ExecContext&) { return SetPairs(o, op, "labels"); }
absl::Status Annotate(Json& o, const Operation& op, const ExecContext&) { return SetPairs(o, op, "annotations"); }

absl::Status Scale(Json& object, const Operation& op, const ExecContext&) {
  if (!IsScalableKind(GetString(object, "kind")) || !op.replicas) {
    return absl::InvalidArgumentError(absl::StrCat("error: cannot scale ", Ref(object)));
  }
  if (*op.replicas < 0) {
    // The scale subresource validates the Scale it is sent
    // (autoscaling ValidateScale) before the workload's own validation.
    return absl::InvalidArgumentError(absl::StrCat(
        "Scale.autoscaling \"", GetString(object, "metadata.name"),
        "\" is invalid: spec.replicas: Invalid value: ", *op.replicas,
        ": must be greater than or equal to 0"));
  }
  object["spec"]["replicas"] = *op.replicas;
  return absl::OkStatus();
}

absl::Status SetImage(Json& object, const Operation& op, const ExecContext&) {
  Json* spec = PodSpec(object);
  if (spec == nullptr) return absl::InvalidArgumentError(absl::StrCat("error: ", Ref(object), " has no pod template"));
  for (const auto& [container, image] : op.pairs) {
    bool found = false;
    for (const char* list : {"initContainers", "containers"}) {
      if (!spec->contains(list)) continue;
      for (Json& c : (*spec)[list]) {
        if (container != "*" && GetString(c, "name") != container) continue;
        c["image"] = image.value_or("");
        found = true;
      }
    }
    if (!found) {
      return absl::InvalidArgumentError(
          absl::StrCat("error: unable to find container named \"", container, "\""));
    }
  }
  return absl::OkStatus();
}

absl::Status SetEnv(Json& object, const Operation& op, const ExecContext&) {
  Json* spec = PodSpec(object);
  if (spec == nullptr || !spec->contains("containers")) {
    return absl::InvalidArgumentError(absl::StrCat("error: ", Ref(object), " has no pod template"));
  }
  for (Json& c : (*spec)["containers"]) {
    if (!op.container.empty() && GetString(c, "name") != op.container) continue;
    Json env = c.value("env", Json::array());
    for (const auto& [name, value] : op.pairs) {
      Json kept = Json::array();
      for (const Json& e : env) {
        if (GetString(e, "name") != name) kept.push_back(e);
      }
      if (value) kept.push_back({{"name", name}, {"value", *value}});
      env = kept;
    }
    c["env"] = env;
  }
  return absl::OkStatus();
}

absl::Status SetResources(Json& object, const Operation& op, const ExecContext&) {
  Json* spec = PodSpec(object);
  if (spec == nullptr || !spec->contains("containers")) {
    return absl::InvalidArgumentError(absl::StrCat("error: ", Ref(object), " has no pod template"));
  }
  for (Json& c : (*spec)["containers"]) {
    if (!op.container.empty() && GetString(c, "name") != op.container) continue;
    for (const auto& [path, value] : op.pairs) {  // "limits.cpu" -> "200m"
      size_t dot = path.find('.');
      if (dot == std::string::npos || !value) continue;
      c["resources"][path.substr(0, dot)][path.substr(dot + 1)] = *value;
    }
  }
  return absl::OkStatus();
}

absl::Status Restart(Json& object, const Operation&, const ExecContext& ctx) {
  if (GetBool(object, "spec.paused")) {
    return absl::FailedPreconditionError(absl::StrCat(
        "error: ", Ref(object), " can't restart paused deployment (run rollout resume first)"));
  }
  if (PodSpec(object) == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat("error: ", Ref(object), " is not restartable"));
  }
  Ensure(object, "spec.template.metadata.annotations")["kubectl.kubernetes.io/restartedAt"] = ctx.time;
  return absl::OkStatus();
}

absl::Status SetPaused(Json& object, bool paused) {
  if (GetBool(object, "spec.paused") == paused) {
    return absl::FailedPreconditionError(absl::StrCat(
        "error: ", Ref(object), paused ? " is already paused" : " is not paused"));
  }
  object["spec"]["paused"] = paused;
  if (!paused) object["spec"].erase("paused");
  return absl::OkStatus();
}

absl::Status Pause(Json& o, const Operation&, const ExecContext&) { return SetPaused(o, true); }
absl::Status Resume(Json& o, const Operation&, const ExecContext&) { return SetPaused(o, false); }

absl::Status Cordon(Json& object, const Operation& op, const ExecContext&) {
  bool on = op.verb == Verb::kCordon;
  if (on) {
    Ensure(object, "spec")["unschedulable"] = true;
  } else {
    Erase(object, "spec.unschedulable");
  }
  return absl::OkStatus();
}

absl::Status Taint(Json& object, const Operation& op, const ExecContext& ctx) {
  return TaintNode(object, op, ctx.time);
}

struct VerbEdit {
  Verb verb;
  Edit edit;
};
constexpr VerbEdit kEdits[] = {
    {Verb::kPatch, &Patch},           {Verb::kLabel, &Label},
    {Verb::kAnnotate, &Annotate},     {Verb::kScale, &Scale},
    {Verb::kSetImage, &SetImage},     {Verb::kSetEnv, &SetEnv},
    {Verb::kSetResources, &SetResources}, {Verb::kRolloutRestart, &Restart},
    {Verb::kRolloutPause, &Pause},    {Verb::kRolloutResume, &Resume},
    {Verb::kCordon, &Cordon},         {Verb::kUncordon, &Cordon},
    {Verb::kTaint, &Taint},
};

}  // namespace

absl::StatusOr<ExecResult> ExecEdit(Cluster& cluster, const Operation& op, ExecContext& ctx) {
  Edit edit = nullptr;
  for (const VerbEdit& e : kEdits) {
    if (e.verb == op.verb) edit = e.edit;
  }
  std::vector<ObjectKey> targets = TargetsOf(cluster, op, ctx);
  if (targets.empty()) {
    if (!op.selector.empty() || op.all) return ExecResult{};  // kubectl: no objects matched
    return absl::InvalidArgumentError(absl::StrCat("error: you must specify the object to ",
                                                   InfoOf(op.verb).name));
  }
  for (const ObjectKey& key : targets) {
    const Json* live = cluster.Get(key);
    if (live == nullptr) return NotFound(key);
    Json edited = *live;
    if (absl::Status s = edit(edited, op, ctx); !s.ok()) return s;
    if (absl::StatusOr<Json> updated = cluster.Update(std::move(edited)); !updated.ok()) {
      return updated.status();
    }
  }
  return ExecResult{};
}

}  // namespace kreplay
