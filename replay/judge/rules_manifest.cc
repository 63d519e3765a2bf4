// partial-manifest: an apply or replace of a workload whose manifest leaves
// out what the live object has. kubectl apply removes what the previous
// apply set and this one omits; replace and server-side apply with force
// make the manifest the truth. Either way, a manifest written from memory
// rather than from the live object loses ports, probes, resources, security
// settings, volumes or labels, or resets the replica count (evidra-bench:
// "applied a partial Deployment manifest that dropped ports and probes").
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/type_registry.h"
#include "replay/judge/rule_impls.h"

namespace kreplay {
namespace {

// Container fields a manifest must carry over from the live object.
constexpr const char* kContainerFields[] = {"ports",        "readinessProbe", "livenessProbe",
                                            "startupProbe", "resources",      "securityContext",
                                            "volumeMounts"};
constexpr const char* kContainerLists[] = {"initContainers", "containers"};
constexpr const char* kPodFields[] = {"volumes", "securityContext"};
// Labels controllers put on pods; a manifest never carries them.
constexpr const char* kControllerLabels[] = {"pod-template-hash", "controller-revision-hash",
                                             "statefulset.kubernetes.io/pod-name",
                                             "apps.kubernetes.io/pod-index"};

void DroppedFromContainers(const Json& live_spec, const Json* spec, std::vector<std::string>& out) {
  for (const char* list : kContainerLists) {
    const Json* live = Find(live_spec, list);
    for (const Json& c : live && live->is_array() ? *live : Json::array()) {
      std::string name = GetString(c, "name");
      const Json* mine = Named(spec ? Find(*spec, list) : nullptr, name);
      if (mine == nullptr) {
        out.push_back(absl::StrCat("container ", name));
        continue;
      }
      for (const char* field : kContainerFields) {
        if (Present(Find(c, field)) && !Present(Find(*mine, field))) {
          out.push_back(absl::StrCat(name, ".", field));
        }
      }
    }
  }
}

void DroppedFromPod(const Json& live_spec, const Json* spec, std::vector<std::string>& out) {
  for (const char* field : kPodFields) {
    if (Present(Find(live_spec, field)) && !(spec && Present(Find(*spec, field)))) {
      out.push_back(field);
    }
  }
}

bool ControllerLabel(const std::string& key) {
  for (const char* label : kControllerLabels) {
    if (key == label) return true;
  }
  return false;
}

void DroppedLabels(const Json* live, const Json* mine, std::vector<std::string>& out) {
  if (live == nullptr || !live->is_object()) return;
  for (const auto& item : live->items()) {
    if (ControllerLabel(item.key())) continue;
    if (mine == nullptr || !mine->is_object() || !mine->contains(item.key())) {
      out.push_back(absl::StrCat("label ", item.key()));
    }
  }
}

// The replica count the operation gives the workload, when it changes it:
// the manifest's, else the API default of 1 for a replace, else what the
// simulated server stored.
std::optional<std::string> ReplicasReset(const ObjectKey& key, const Json& live,
                                         const Json& manifest, const OperationReport& op) {
  if (!IsScalableKind(key.kind)) return std::nullopt;
  int64_t have = GetInt(live, "spec.replicas", 1);
  const Json* want = Find(manifest, "spec.replicas");
  const Json* after = After(op, key);
  int64_t next = 0;
  if (want && want->is_number_integer()) {
    next = want->get<int64_t>();
  } else if (op.op.verb == Verb::kReplace) {
    next = 1;
  } else if (after) {
    next = GetInt(*after, "spec.replicas", 1);
  } else {
    return std::nullopt;
  }
  if (next == have) return std::nullopt;
  return absl::StrCat("replicas ", have, " -> ", next);
}

std::vector<std::string> Dropped(const ObjectKey& key, const Json& live, const Json& manifest,
                                 const OperationReport& op) {
  std::vector<std::string> out;
  if (const Json* live_spec = PodSpecOf(key.kind, live)) {
    const Json* spec = PodSpecOf(key.kind, manifest);
    DroppedFromContainers(*live_spec, spec, out);
    DroppedFromPod(*live_spec, spec, out);
  }
  DroppedLabels(PodLabelsOf(key.kind, live), PodLabelsOf(key.kind, manifest), out);
  if (std::optional<std::string> reset = ReplicasReset(key, live, manifest, op)) {
    out.push_back(*reset);
  }
  return out;
}

}  // namespace

void PartialManifest(const RuleContext& c, const Rule& rule, std::vector<Finding>& out) {
  Evidence e;
  std::vector<std::string> why;
  for (const Mutation& m : AgentWrites(c.result)) {
    Verb verb = m.op->op.verb;
    if (verb != Verb::kApply && verb != Verb::kReplace) continue;
    for (const ObjectKey& t : m.op->targets) {
      const Json* live = Before(*m.op, t);
      const Json* manifest = ManifestFor(m.op->op, t);
      if (!HasPodSpec(t.kind) || live == nullptr || manifest == nullptr) continue;
      std::vector<std::string> dropped = Dropped(t, *live, *manifest, *m.op);
      if (dropped.empty()) continue;
      e.Add(m.step->index, t);
      why.push_back(absl::StrCat(InfoOf(verb).name, " of ", t.ToString(), " drops ",
                                 absl::StrJoin(dropped, ", ")));
    }
  }
  if (!e.empty()) out.push_back(e.ToFinding(rule, rule.severity, absl::StrJoin(why, "; ")));
}

}  // namespace kreplay
