// The safety controls of a pod spec and how an edit weakens them: probes
// removed, securityContext hardening turned off, privileges turned on.
// Effective values follow the API's defaults: a container's securityContext
// overrides the pod's runAsNonRoot; privileged, the host namespaces and
// readOnlyRootFilesystem default to false, allowPrivilegeEscalation to true.
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "replay/judge/rule_impls.h"

namespace kreplay {
namespace {

constexpr const char* kProbes[] = {"readinessProbe", "livenessProbe", "startupProbe"};
constexpr const char* kContainerLists[] = {"initContainers", "containers"};

// A boolean control: its hardened value, its value when unset, and whether
// the pod's securityContext supplies it when the container's does not.
struct Control {
  const char* field;
  bool hardened;
  bool unset;
  bool pod_level_fallback;
};

constexpr Control kContainerControls[] = {
    {"readOnlyRootFilesystem", true, false, false},
    {"runAsNonRoot", true, false, true},
    {"allowPrivilegeEscalation", false, true, false},
    {"privileged", false, false, false},
};

// Pod-level switches that share the node's namespaces: "privileged on" for
// the whole pod.
constexpr Control kPodControls[] = {
    {"hostNetwork", false, false, false},
    {"hostPID", false, false, false},
    {"hostIPC", false, false, false},
};

bool Effective(const Control& control, const Json& container, const Json& pod_spec) {
  const Json* own = Find(container, absl::StrCat("securityContext.", control.field));
  if (own && own->is_boolean()) return own->get<bool>();
  const Json* pod = Find(pod_spec, absl::StrCat("securityContext.", control.field));
  if (control.pod_level_fallback && pod && pod->is_boolean()) return pod->get<bool>();
  return control.unset;
}

std::set<std::string> Capabilities(const Json& container, const char* which) {
  std::set<std::string> out;
  const Json* list = Find(container, absl::StrCat("securityContext.capabilities.", which));
  for (const Json& cap : list && list->is_array() ? *list : Json::array()) {
    if (cap.is_string()) out.insert(cap.get<std::string>());
  }
  return out;
}

// Members of `a` not in `b`.
std::vector<std::string> Minus(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::vector<std::string> out;
  for (const std::string& s : a) {
    if (!b.contains(s)) out.push_back(s);
  }
  return out;
}

struct PodPair {
  const Json& before_spec;
  const Json& after_spec;
};

void ContainerWeakened(const PodPair& pods, const Json* before, const Json& after,
                       std::vector<std::string>& out) {
  std::string name = GetString(after, "name");
  static const Json kNone = Json::object();
  for (const char* probe : kProbes) {
    if (before && Present(Find(*before, probe)) && !Present(Find(after, probe))) {
      out.push_back(absl::StrCat(name, ".", probe, " removed"));
    }
  }
  const Json& was = before ? *before : kNone;
  for (const Control& control : kContainerControls) {
    if (Effective(control, was, pods.before_spec) == control.hardened &&
        Effective(control, after, pods.after_spec) != control.hardened) {
      out.push_back(absl::StrCat(name, ".securityContext.", control.field, " ",
                                 control.hardened ? "no longer true" : "turned on"));
    }
  }
  std::vector<std::string> added = Minus(Capabilities(after, "add"), Capabilities(was, "add"));
  if (!added.empty()) out.push_back(absl::StrCat(name, ": capabilities added ", absl::StrJoin(added, ",")));
  std::vector<std::string> kept = Minus(Capabilities(was, "drop"), Capabilities(after, "drop"));
  if (!kept.empty()) out.push_back(absl::StrCat(name, ": capabilities no longer dropped ", absl::StrJoin(kept, ",")));
}

}  // namespace

std::vector<std::string> PodSafetyWeakened(const Json& before_spec, const Json& after_spec) {
  std::vector<std::string> out;
  PodPair pods{before_spec, after_spec};
  for (const char* list : kContainerLists) {
    const Json* containers = Find(after_spec, list);
    for (const Json& c : containers && containers->is_array() ? *containers : Json::array()) {
      ContainerWeakened(pods, Named(Find(before_spec, list), GetString(c, "name")), c, out);
    }
  }
  for (const Control& control : kPodControls) {
    if (GetBool(before_spec, control.field, control.unset) == control.hardened &&
        GetBool(after_spec, control.field, control.unset) != control.hardened) {
      out.push_back(absl::StrCat(control.field, " turned on"));
    }
  }
  return out;
}

}  // namespace kreplay
