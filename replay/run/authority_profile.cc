#include "replay/run/authority_profile.h"

#include <set>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/status_macros.h"

namespace kreplay {
namespace {

constexpr char kBlock[] = "authority_profile";

// Reads typed fields of the block, naming `file: field` on error.
class ProfileReader {
 public:
  explicit ProfileReader(std::string file) : file_(std::move(file)) {}

  absl::Status Error(const std::string& field, const std::string& expected) const {
    return absl::InvalidArgumentError(absl::StrCat(file_, ": ", field, ": ", expected));
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

  // A string field; "" when absent and not required. `empty_ok` allows ""
  // (the core API group) for a required field.
  absl::StatusOr<std::string> String(const Json& node, const std::string& key,
                                     const std::string& field, bool required,
                                     bool empty_ok = false) const {
    const Json* v = node.contains(key) ? &node[key] : nullptr;
    if (v == nullptr || v->is_null()) {
      if (required) return Error(field, "required string is missing");
      return std::string();
    }
    if (!v->is_string()) return Error(field, "expected a string");
    std::string out = v->get<std::string>();
    if (required && out.empty() && !empty_ok) return Error(field, "expected a non-empty string");
    return out;
  }

  // A list of strings; `required` refuses an absent or empty list.
  absl::StatusOr<std::vector<std::string>> Strings(const Json& node, const std::string& key,
                                                   const std::string& field,
                                                   bool required) const {
    std::vector<std::string> out;
    const Json* v = node.contains(key) ? &node[key] : nullptr;
    if (v == nullptr || v->is_null()) {
      if (required) return Error(field, "required list is missing");
      return out;
    }
    if (!v->is_array()) return Error(field, "expected a list of strings");
    for (const Json& item : *v) {
      if (!item.is_string()) return Error(field, "expected a list of strings");
      out.push_back(item.get<std::string>());
    }
    if (required && out.empty()) return Error(field, "expected at least one entry");
    return out;
  }

  // A list of mappings (absent = empty).
  absl::StatusOr<const Json*> List(const Json& node, const std::string& key,
                                   const std::string& field) const {
    const Json* v = node.contains(key) ? &node[key] : nullptr;
    if (v == nullptr || v->is_null()) return nullptr;
    if (!v->is_array()) return Error(field, "expected a list");
    return v;
  }

 private:
  std::string file_;
};

absl::StatusOr<AgentRule> ReadRule(const ProfileReader& r, const Json& node,
                                   const std::string& at, bool cluster_scoped,
                                   const std::vector<std::string>& agent_namespaces) {
  std::set<std::string> keys = {"apiGroups", "resources", "verbs", "resource_names"};
  if (!cluster_scoped) keys.insert("namespaces");
  KREPLAY_RETURN_IF_ERROR(r.Known(node, keys, at));
  AgentRule rule;
  KREPLAY_ASSIGN_OR_RETURN(rule.api_groups, r.Strings(node, "apiGroups", at + ".apiGroups", true));
  KREPLAY_ASSIGN_OR_RETURN(rule.resources, r.Strings(node, "resources", at + ".resources", true));
  KREPLAY_ASSIGN_OR_RETURN(rule.verbs, r.Strings(node, "verbs", at + ".verbs", true));
  KREPLAY_ASSIGN_OR_RETURN(rule.resource_names,
                           r.Strings(node, "resource_names", at + ".resource_names", false));
  KREPLAY_ASSIGN_OR_RETURN(rule.namespaces,
                           r.Strings(node, "namespaces", at + ".namespaces", false));
  std::set<std::string> allowed(agent_namespaces.begin(), agent_namespaces.end());
  for (const std::string& ns : rule.namespaces) {
    if (!allowed.contains(ns)) {
      return r.Error(at + ".namespaces",
                     absl::StrCat("\"", ns, "\" is not one of agent.namespaces [",
                                  absl::StrJoin(agent_namespaces, ", "), "]"));
    }
  }
  return rule;
}

absl::Status ReadAgent(const ProfileReader& r, const Json& block, AuthorityProfile& p) {
  std::string at = absl::StrCat(kBlock, ".agent");
  if (!block.contains("agent")) return r.Error(at, "required mapping is missing");
  const Json& agent = block["agent"];
  KREPLAY_RETURN_IF_ERROR(r.Known(agent, {"namespaces", "rules", "cluster_scoped_rules"}, at));
  KREPLAY_ASSIGN_OR_RETURN(p.agent_namespaces,
                           r.Strings(agent, "namespaces", at + ".namespaces", true));
  for (bool cluster : {false, true}) {
    std::string key = cluster ? "cluster_scoped_rules" : "rules";
    KREPLAY_ASSIGN_OR_RETURN(const Json* rules, r.List(agent, key, at + "." + key));
    if (rules == nullptr) continue;
    for (size_t i = 0; i < rules->size(); ++i) {
      KREPLAY_ASSIGN_OR_RETURN(AgentRule rule,
                               ReadRule(r, (*rules)[i], absl::StrCat(at, ".", key, "[", i, "]"),
                                        cluster, p.agent_namespaces));
      (cluster ? p.cluster_scoped_rules : p.rules).push_back(std::move(rule));
    }
  }
  return absl::OkStatus();
}

absl::Status ReadProtected(const ProfileReader& r, const Json& block, AuthorityProfile& p) {
  std::string key = absl::StrCat(kBlock, ".protected");
  KREPLAY_ASSIGN_OR_RETURN(const Json* list, r.List(block, "protected", key));
  if (list == nullptr) return absl::OkStatus();
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& item = (*list)[i];
    std::string at = absl::StrCat(key, "[", i, "]");
    KREPLAY_RETURN_IF_ERROR(r.Known(item, {"apiGroup", "resource", "name", "namespace"}, at));
    ProtectedResource pr;
    KREPLAY_ASSIGN_OR_RETURN(pr.api_group, r.String(item, "apiGroup", at + ".apiGroup", true, true));
    KREPLAY_ASSIGN_OR_RETURN(pr.resource, r.String(item, "resource", at + ".resource", true));
    KREPLAY_ASSIGN_OR_RETURN(pr.name, r.String(item, "name", at + ".name", true));
    KREPLAY_ASSIGN_OR_RETURN(pr.namespace_name,
                             r.String(item, "namespace", at + ".namespace", false));
    p.protected_resources.push_back(std::move(pr));
  }
  return absl::OkStatus();
}

// The `change` values, and whether each takes a `value`.
struct ChangeRow {
  const char* name;
  FieldChange change;
  bool takes_value;
};
constexpr ChangeRow kChanges[] = {
    {"removed", FieldChange::kRemoved, false},
    {"set", FieldChange::kSet, true},
};

absl::Status ReadForbiddenChanges(const ProfileReader& r, const Json& block,
                                  AuthorityProfile& p) {
  std::string key = absl::StrCat(kBlock, ".forbidden_changes");
  KREPLAY_ASSIGN_OR_RETURN(const Json* list, r.List(block, "forbidden_changes", key));
  if (list == nullptr) return absl::OkStatus();
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& item = (*list)[i];
    std::string at = absl::StrCat(key, "[", i, "]");
    KREPLAY_RETURN_IF_ERROR(r.Known(
        item, {"apiGroup", "resource", "name", "namespace", "field", "change", "value"}, at));
    ForbiddenChange fc;
    KREPLAY_ASSIGN_OR_RETURN(fc.api_group, r.String(item, "apiGroup", at + ".apiGroup", true, true));
    KREPLAY_ASSIGN_OR_RETURN(fc.resource, r.String(item, "resource", at + ".resource", true));
    KREPLAY_ASSIGN_OR_RETURN(fc.name, r.String(item, "name", at + ".name", true));
    KREPLAY_ASSIGN_OR_RETURN(fc.namespace_name,
                             r.String(item, "namespace", at + ".namespace", false));
    KREPLAY_ASSIGN_OR_RETURN(fc.field, r.String(item, "field", at + ".field", true));
    absl::StatusOr<std::vector<FieldPathStep>> path = ParseFieldPath(fc.field);
    if (!path.ok()) return r.Error(at + ".field", std::string(path.status().message()));
    fc.path = *std::move(path);
    KREPLAY_ASSIGN_OR_RETURN(std::string change, r.String(item, "change", at + ".change", true));
    const ChangeRow* row = nullptr;
    for (const ChangeRow& candidate : kChanges) {
      if (change == candidate.name) row = &candidate;
    }
    if (row == nullptr) {
      return r.Error(at + ".change", absl::StrCat("expected removed or set, got \"", change, "\""));
    }
    fc.change = row->change;
    bool has_value = item.contains("value");
    if (row->takes_value && !has_value) return r.Error(at + ".value", "required with change: set");
    if (!row->takes_value && has_value) {
      return r.Error(at + ".value", "not allowed with change: removed");
    }
    if (has_value) fc.value = item["value"];
    p.forbidden_changes.push_back(std::move(fc));
  }
  return absl::OkStatus();
}

absl::Status ReadExtras(const ProfileReader& r, const Json& block, AuthorityProfile& p) {
  KREPLAY_ASSIGN_OR_RETURN(p.on_denied, r.String(block, "on_denied", absl::StrCat(kBlock, ".on_denied"), false));
  if (p.on_denied.empty()) p.on_denied = "unsafe";
  if (p.on_denied != "unsafe") {
    return r.Error(absl::StrCat(kBlock, ".on_denied"),
                   absl::StrCat("expected unsafe (the only value evidra uses), got \"",
                                p.on_denied, "\""));
  }
  if (block.contains("evidence_reader") && !block["evidence_reader"].is_null()) {
    std::string at = absl::StrCat(kBlock, ".evidence_reader");
    const Json& reader = block["evidence_reader"];
    KREPLAY_RETURN_IF_ERROR(r.Known(reader, {"namespaces", "resources"}, at));
    KREPLAY_ASSIGN_OR_RETURN(p.evidence_reader.namespaces,
                             r.Strings(reader, "namespaces", at + ".namespaces", false));
    KREPLAY_ASSIGN_OR_RETURN(p.evidence_reader.resources,
                             r.Strings(reader, "resources", at + ".resources", false));
  }
  if (block.contains("allow_impersonation") && !block["allow_impersonation"].is_null()) {
    const Json& v = block["allow_impersonation"];
    if (!v.is_boolean()) {
      return r.Error(absl::StrCat(kBlock, ".allow_impersonation"), "expected true or false");
    }
    p.allow_impersonation = v.get<bool>();
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<FieldPathStep>> ParseFieldPath(const std::string& field) {
  std::vector<FieldPathStep> out;
  size_t i = 0;
  auto error = [&](const std::string& what) {
    return absl::InvalidArgumentError(
        absl::StrCat("expected a field path such as spec.template.spec.containers[name=app]."
                     "readinessProbe (", what, ")"));
  };
  while (true) {
    FieldPathStep step;
    while (i < field.size() && field[i] != '.' && field[i] != '[') step.key += field[i++];
    if (step.key.empty()) return error(absl::StrCat("empty step at character ", i + 1));
    if (i < field.size() && field[i] == '[') {
      size_t close = field.find(']', i);
      if (close == std::string::npos) return error("unclosed [");
      std::string inside = field.substr(i + 1, close - i - 1);
      size_t eq = inside.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == inside.size()) {
        return error(absl::StrCat("[", inside, "] is not [key=value]"));
      }
      step.select_key = inside.substr(0, eq);
      step.select_value = inside.substr(eq + 1);
      i = close + 1;
    }
    out.push_back(std::move(step));
    if (i == field.size()) return out;
    if (field[i] != '.') return error(absl::StrCat("unexpected '", field.substr(i, 1), "'"));
    ++i;
  }
}

absl::StatusOr<std::optional<AuthorityProfile>> ReadAuthorityProfile(const Json& doc,
                                                                     const std::string& file) {
  if (!doc.is_object() || !doc.contains(kBlock) || doc[kBlock].is_null()) return std::nullopt;
  ProfileReader r(file);
  if (doc.contains("authority")) {
    return r.Error(kBlock, "a fixture has either authority or authority_profile, not both");
  }
  const Json& block = doc[kBlock];
  KREPLAY_RETURN_IF_ERROR(r.Known(block,
                                  {"agent", "on_denied", "protected", "forbidden_changes",
                                   "evidence_reader", "allow_impersonation"},
                                  kBlock));
  AuthorityProfile p;
  KREPLAY_RETURN_IF_ERROR(ReadAgent(r, block, p));
  KREPLAY_RETURN_IF_ERROR(ReadProtected(r, block, p));
  KREPLAY_RETURN_IF_ERROR(ReadForbiddenChanges(r, block, p));
  KREPLAY_RETURN_IF_ERROR(ReadExtras(r, block, p));
  return p;
}

}  // namespace kreplay
