#include "sim/scheduler_fit.h"

#include <algorithm>
#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

const Json& ArrayAt(const Json& root, const char* path) {
  static const Json* empty = new Json(Json::array());
  const Json* list = Find(root, path);
  return list != nullptr && list->is_array() ? *list : *empty;
}

bool ToleratesAny(const Json& pod, const Json& taint) {
  const Json& tolerations = ArrayAt(pod, "spec.tolerations");
  return std::any_of(tolerations.begin(), tolerations.end(),
                     [&](const Json& t) { return ToleratesTaint(t, taint); });
}

// --- NodeUnschedulable ---------------------------------------------------
std::optional<NodeFit> NodeUnschedulable(const Json& pod, const Json& node) {
  if (!GetBool(node, "spec.unschedulable")) return std::nullopt;
  Json taint = {{"key", "node.kubernetes.io/unschedulable"}, {"effect", "NoSchedule"}};
  if (ToleratesAny(pod, taint)) return std::nullopt;
  return NodeFit{FitCode::kUnresolvable, {"node(s) were unschedulable"}};
}

// --- TaintToleration: the first untolerated NoSchedule/NoExecute taint ----
std::optional<NodeFit> TaintToleration(const Json& pod, const Json& node) {
  for (const Json& taint : ArrayAt(node, "spec.taints")) {
    std::string effect = GetString(taint, "effect");
    if (effect != "NoSchedule" && effect != "NoExecute") continue;
    if (ToleratesAny(pod, taint)) continue;
    return NodeFit{FitCode::kUnresolvable,
                   {absl::StrCat("node(s) had untolerated taint {", GetString(taint, "key"), ": ",
                                 GetString(taint, "value"), "}")}};
  }
  return std::nullopt;
}

// --- NodeAffinity --------------------------------------------------------
bool InValues(const Json& requirement, const std::string& value) {
  for (const Json& v : ArrayAt(requirement, "values")) {
    if (v.is_string() && v.get<std::string>() == value) return true;
  }
  return false;
}

// Gt/Lt: both the label and the single value are integers.
bool CompareInt(const Json& requirement, const std::string& label, bool greater) {
  const Json& values = ArrayAt(requirement, "values");
  int64_t have = 0;
  int64_t want = 0;
  if (values.size() != 1 || !values[0].is_string() || !absl::SimpleAtoi(label, &have) ||
      !absl::SimpleAtoi(values[0].get<std::string>(), &want)) {
    return false;
  }
  return greater ? have > want : have < want;
}

struct Operator {
  const char* name;
  bool (*matches)(const Json& requirement, const std::string* value);
};

constexpr Operator kOperators[] = {
    {"In", [](const Json& r, const std::string* v) { return v && InValues(r, *v); }},
    {"NotIn", [](const Json& r, const std::string* v) { return !v || !InValues(r, *v); }},
    {"Exists", [](const Json&, const std::string* v) { return v != nullptr; }},
    {"DoesNotExist", [](const Json&, const std::string* v) { return v == nullptr; }},
    {"Gt", [](const Json& r, const std::string* v) { return v && CompareInt(r, *v, true); }},
    {"Lt", [](const Json& r, const std::string* v) { return v && CompareInt(r, *v, false); }},
};

bool RequirementMatches(const Json& requirement, const std::string* value) {
  std::string op = GetString(requirement, "operator");
  for (const Operator& o : kOperators) {
    if (op == o.name) return o.matches(requirement, value);
  }
  return false;  // an unknown operator selects nothing
}

// A term selects the node when all its requirements do; an empty term
// selects nothing (v1 NodeSelectorTerm).
bool TermMatches(const Json& term, const std::map<std::string, std::string>& labels,
                 const std::string& name) {
  const Json& expressions = ArrayAt(term, "matchExpressions");
  const Json& fields = ArrayAt(term, "matchFields");
  if (expressions.empty() && fields.empty()) return false;
  for (const Json& r : expressions) {
    auto it = labels.find(GetString(r, "key"));
    if (!RequirementMatches(r, it == labels.end() ? nullptr : &it->second)) return false;
  }
  for (const Json& r : fields) {
    bool known = GetString(r, "key") == "metadata.name";
    if (!RequirementMatches(r, known ? &name : nullptr)) return false;
  }
  return true;
}

std::optional<NodeFit> NodeAffinity(const Json& pod, const Json& node) {
  if (MatchesNodeSelection(pod, node)) return std::nullopt;
  return NodeFit{FitCode::kUnresolvable, {"node(s) didn't match Pod's node affinity/selector"}};
}

// --- NodeResourcesFit ----------------------------------------------------
Quantity Get(const ResourceList& list, const std::string& name) {
  auto it = list.find(name);
  return it == list.end() ? Quantity{} : it->second;
}

std::optional<NodeFit> NodeResourcesFit(const ResourceList& requests,
                                        const ResourceList& allocatable,
                                        const NodeUsage& used) {
  NodeFit fit{FitCode::kUnschedulable, {}};
  int64_t max_pods = Get(allocatable, "pods").milli / 1000;
  if (used.pods + 1 > max_pods) fit.reasons.push_back("Too many pods");
  // cpu, memory, ephemeral-storage first, then the other (scalar) resources
  // in name order, as fitsRequest reports them.
  std::vector<std::string> names = {"cpu", "memory", "ephemeral-storage"};
  for (const auto& [name, q] : requests) {
    if (std::find(names.begin(), names.end(), name) == names.end() && name != "pods") {
      names.push_back(name);
    }
  }
  for (const std::string& name : names) {
    int64_t want = Get(requests, name).milli;
    if (want <= 0) continue;
    if (want > Get(allocatable, name).milli - Get(used.requested, name).milli) {
      fit.reasons.push_back(absl::StrCat("Insufficient ", name));
    }
  }
  if (fit.reasons.empty()) return std::nullopt;
  return fit;
}

}  // namespace

bool ToleratesTaint(const Json& toleration, const Json& taint) {
  std::string effect = GetString(toleration, "effect");
  if (!effect.empty() && effect != GetString(taint, "effect")) return false;
  std::string key = GetString(toleration, "key");
  if (!key.empty() && key != GetString(taint, "key")) return false;
  std::string op = GetString(toleration, "operator");
  if (op == "Exists") return true;
  if (op.empty() || op == "Equal") return GetString(toleration, "value") == GetString(taint, "value");
  return false;
}

bool MatchesNodeSelection(const Json& pod, const Json& node) {
  std::map<std::string, std::string> labels = GetStringMap(node, "metadata.labels");
  for (const auto& [key, value] : GetStringMap(pod, "spec.nodeSelector")) {
    auto it = labels.find(key);
    if (it == labels.end() || it->second != value) return false;
  }
  const Json* required = Find(
      pod, "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution");
  if (required == nullptr || !required->is_object()) return true;
  std::string name = GetString(node, "metadata.name");
  const Json& terms = ArrayAt(*required, "nodeSelectorTerms");
  return std::any_of(terms.begin(), terms.end(),
                     [&](const Json& term) { return TermMatches(term, labels, name); });
}

NodeFit FilterNode(const Json& pod, const ResourceList& requests, const Json& node,
                   const ResourceList& allocatable, const NodeUsage& used) {
  if (std::optional<NodeFit> f = NodeUnschedulable(pod, node)) return *f;
  if (std::optional<NodeFit> f = TaintToleration(pod, node)) return *f;
  if (std::optional<NodeFit> f = NodeAffinity(pod, node)) return *f;
  if (std::optional<NodeFit> f = NodeResourcesFit(requests, allocatable, used)) return *f;
  return NodeFit{};
}

}  // namespace kreplay
