// create role / clusterrole / rolebinding / clusterrolebinding.
#include <algorithm>
#include <map>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "model/status_macros.h"
#include "model/type_registry.h"
#include "replay/kubectl/generators.h"

namespace kreplay {
namespace {

constexpr char kRbacGroup[] = "rbac.authorization.k8s.io";

void AppendUnique(Json& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), Json(value)) == list.end()) list.push_back(value);
}

// create_role.go Complete(): duplicates removed, `*` stands for every verb.
Json Verbs(const GeneratorInput& in) {
  Json verbs = Json::array();
  for (const std::string& verb : in.call.args.Values("verb")) {
    if (verb == "*") return Json::array({"*"});
    AppendUnique(verbs, verb);
  }
  return verbs;
}

// `resource[.group][/subresource]`, resolved as kubectl's REST mapper would
// (`deploy` -> deployments in apps); unknown resources stay as typed.
std::pair<std::string, std::string> GroupAndResource(absl::string_view spec) {
  std::pair<absl::string_view, absl::string_view> sections =
      absl::StrSplit(spec, absl::MaxSplits('/', 1));
  std::pair<absl::string_view, absl::string_view> parts =
      absl::StrSplit(sections.first, absl::MaxSplits('.', 1));
  std::string group(parts.second);
  std::string resource(parts.first);
  if (const TypeInfo* type = LookupType(sections.first)) {
    group = type->group;
    resource = type->plural;
  }
  if (!sections.second.empty()) absl::StrAppend(&resource, "/", sections.second);
  return {group, resource};
}

// generateResourcePolicyRules: one rule per API group, groups sorted.
Json Rules(const GeneratorInput& in, const Json& verbs) {
  std::map<std::string, Json> by_group;
  for (const std::string& spec : in.call.args.Values("resource")) {
    if (spec == "*") {
      by_group = {{"", Json::array({"*"})}};
      break;
    }
    auto [group, resource] = GroupAndResource(spec);
    AppendUnique(by_group.try_emplace(group, Json::array()).first->second, resource);
  }
  Json names = Json::array();
  for (const std::string& name : in.call.args.Values("resource-name")) AppendUnique(names, name);
  Json rules = Json::array();
  for (auto& [group, resources] : by_group) {
    Json rule = {{"verbs", verbs}, {"apiGroups", Json::array({group})}, {"resources", resources}};
    if (!names.empty()) rule["resourceNames"] = names;
    rules.push_back(std::move(rule));
  }
  return rules;
}

absl::StatusOr<Generated> RoleOf(const GeneratorInput& in, absl::string_view kind,
                                 bool namespaced) {
  Json verbs = Verbs(in);
  if (verbs.empty()) return absl::InvalidArgumentError(absl::StrCat(
      "kubectl ", in.call.args.command, ": at least one verb must be specified (--verb)"));
  std::vector<std::string> urls = in.call.args.Values("non-resource-url");
  if (!in.call.args.Has("resource") && urls.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "kubectl ", in.call.args.command, ": at least one resource must be specified "
        "(--resource)"));
  }
  Json rules = Rules(in, verbs);
  if (!urls.empty()) rules.push_back({{"verbs", verbs}, {"nonResourceURLs", urls}});
  Json role = NewObject(absl::StrCat(kRbacGroup, "/v1"), kind, GeneratedMetadata(in, namespaced));
  role["rules"] = std::move(rules);
  std::string problem;
  if (in.call.args.Has("aggregation-rule")) {
    problem = "create clusterrole --aggregation-rule: the aggregation rule is not modelled";
  }
  return Generated{std::move(role), std::move(problem)};
}

absl::StatusOr<Json> Subjects(const GeneratorInput& in) {
  Json subjects = Json::array();
  for (const std::string& user : in.call.args.Values("user")) {
    subjects.push_back({{"kind", "User"}, {"apiGroup", kRbacGroup}, {"name", user}});
  }
  for (const std::string& group : in.call.args.Values("group")) {
    subjects.push_back({{"kind", "Group"}, {"apiGroup", kRbacGroup}, {"name", group}});
  }
  for (const std::string& sa : in.call.args.Values("serviceaccount")) {
    std::vector<std::string> parts = absl::StrSplit(sa, absl::MaxSplits(':', 1));
    if (parts.size() != 2 || parts[1].empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "kubectl ", in.call.args.command, ": serviceaccount must be <namespace>:<name>, got \"",
          sa, "\""));
    }
    subjects.push_back({{"kind", "ServiceAccount"}, {"namespace", parts[0]}, {"name", parts[1]}});
  }
  return subjects;
}

absl::StatusOr<Generated> BindingOf(const GeneratorInput& in, absl::string_view kind,
                                    bool namespaced) {
  const std::string* role = in.call.args.Last("role");
  const std::string* cluster_role = in.call.args.Last("clusterrole");
  if ((role == nullptr) == (cluster_role == nullptr) || (role != nullptr && !namespaced)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "kubectl ", in.call.args.command, ": exactly one of ",
        namespaced ? "--clusterrole or --role" : "--clusterrole", " must be specified"));
  }
  KREPLAY_ASSIGN_OR_RETURN(Json subjects, Subjects(in));
  Json binding = NewObject(absl::StrCat(kRbacGroup, "/v1"), kind,
                           GeneratedMetadata(in, namespaced));
  binding["roleRef"] = {{"apiGroup", kRbacGroup},
                        {"kind", role != nullptr ? "Role" : "ClusterRole"},
                        {"name", role != nullptr ? *role : *cluster_role}};
  if (!subjects.empty()) binding["subjects"] = std::move(subjects);
  return Generated{std::move(binding), ""};
}

}  // namespace

absl::StatusOr<Generated> GenerateRole(const GeneratorInput& in) {
  if (!in.call.args.Has("resource")) {
    return absl::InvalidArgumentError(
        "kubectl create role: at least one resource must be specified (--resource)");
  }
  return RoleOf(in, "Role", true);
}

absl::StatusOr<Generated> GenerateClusterRole(const GeneratorInput& in) {
  return RoleOf(in, "ClusterRole", false);
}

absl::StatusOr<Generated> GenerateRoleBinding(const GeneratorInput& in) {
  return BindingOf(in, "RoleBinding", true);
}

absl::StatusOr<Generated> GenerateClusterRoleBinding(const GeneratorInput& in) {
  return BindingOf(in, "ClusterRoleBinding", false);
}

}  // namespace kreplay
