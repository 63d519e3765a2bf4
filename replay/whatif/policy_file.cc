#include "replay/whatif/policy_file.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/yaml_reader.h"

namespace kreplay {
namespace {

const std::map<std::string, GuardAction> kActions = {
    {"allow", GuardAction::kAllow},
    {"deny", GuardAction::kDeny},
    {"require-dry-run", GuardAction::kRequireDryRun},
    {"require-approval", GuardAction::kRequireApproval},
};

// The fields each level may hold, by JSON pointer pattern.
const std::set<std::string> kTopFields = {"apiVersion", "kind", "metadata", "spec"};
const std::set<std::string> kMetadataFields = {"name", "description"};
const std::set<std::string> kSpecFields = {"default", "rules"};
const std::set<std::string> kRuleFields = {"action", "verbs", "kinds", "names", "namespaces"};

class Reader {
 public:
  Reader(const std::string& source, const FieldPositions& positions)
      : source_(source), positions_(positions) {}

  absl::Status Error(const std::string& pointer, const std::string& field,
                     const std::string& what) const {
    TextPosition at = PositionOfField(positions_, pointer);
    return absl::InvalidArgumentError(absl::StrCat(source_, ":", at.line, ": ", field, ": ", what));
  }

  absl::Status Known(const Json& object, const std::string& pointer, const std::string& prefix,
                     const std::set<std::string>& fields) const {
    if (!object.is_object()) return Error(pointer, prefix, "want a mapping");
    for (const auto& [key, value] : object.items()) {
      if (fields.count(key) > 0) continue;
      return Error(absl::StrCat(pointer, "/", key), prefix.empty() ? key : prefix + "." + key,
                   absl::StrCat("unknown field (known: ", absl::StrJoin(fields, ", "), ")"));
    }
    return absl::OkStatus();
  }

  absl::StatusOr<GuardAction> Action(const Json& value, const std::string& pointer,
                                      const std::string& field) const {
    auto it = value.is_string() ? kActions.find(value.get<std::string>()) : kActions.end();
    if (it != kActions.end()) return it->second;
    return Error(pointer, field, "want allow, deny, require-dry-run or require-approval");
  }

  absl::StatusOr<std::vector<std::string>> Strings(const Json& value, const std::string& pointer,
                                                   const std::string& field) const {
    if (value.is_string()) return std::vector<std::string>{value.get<std::string>()};
    std::vector<std::string> out;
    if (!value.is_array()) return Error(pointer, field, "want a list of strings");
    for (const Json& v : value) {
      if (!v.is_string()) return Error(pointer, field, "want a list of strings");
      out.push_back(v.get<std::string>());
    }
    return out;
  }

  absl::StatusOr<GuardRule> Rule(const Json& rule, size_t i) const {
    std::string pointer = absl::StrCat("/spec/rules/", i);
    std::string prefix = absl::StrCat("spec.rules[", i, "]");
    if (absl::Status s = Known(rule, pointer, prefix, kRuleFields); !s.ok()) return s;
    GuardRule out;
    out.where = absl::StrCat(source_, ":", PositionOfField(positions_, pointer).line);
    if (!rule.contains("action")) return Error(pointer, prefix + ".action", "missing");
    absl::StatusOr<GuardAction> action = Action(rule["action"], pointer + "/action", prefix + ".action");
    if (!action.ok()) return action.status();
    out.action = *action;
    for (auto [key, into] : {std::pair{"verbs", &out.verbs}, std::pair{"kinds", &out.kinds},
                             std::pair{"names", &out.names}, std::pair{"namespaces", &out.namespaces}}) {
      if (!rule.contains(key)) continue;
      absl::StatusOr<std::vector<std::string>> list =
          Strings(rule[key], absl::StrCat(pointer, "/", key), absl::StrCat(prefix, ".", key));
      if (!list.ok()) return list.status();
      *into = *std::move(list);
    }
    return out;
  }

 private:
  std::string source_;
  const FieldPositions& positions_;
};

absl::Status CheckHeader(const Reader& r, const Json& doc) {
  if (absl::Status s = r.Known(doc, "", "", kTopFields); !s.ok()) return s;
  if (doc.value("apiVersion", Json()) != "kreplay.dev/v1") {
    return r.Error("/apiVersion", "apiVersion", "want kreplay.dev/v1");
  }
  if (doc.value("kind", Json()) != "Policy") return r.Error("/kind", "kind", "want Policy");
  return absl::OkStatus();
}

// A k8s-mcp-safety-config.yaml: `mcp_server: {name, safety_gates: {...}}`.
absl::StatusOr<Policy> SafetyConfigPolicy(const std::vector<YamlDocument>& docs,
                                          const std::string& source) {
  const Json& doc = docs.front().value;
  if (!doc.at("mcp_server").is_object()) {
    TextPosition at = PositionOfField(docs.front().fields, "/mcp_server");
    return absl::InvalidArgumentError(absl::StrCat(source, ":", at.line, ": mcp_server: want a mapping"));
  }
  absl::StatusOr<SafetyGates> gates = ReadSafetyGates(doc, docs.front().fields, source);
  if (!gates.ok()) return gates.status();
  Policy p;
  p.source = source;
  p.name = std::filesystem::path(source).stem().string();
  const Json& server = doc.at("mcp_server");
  if (server.contains("name") && server["name"].is_string()) p.name = server["name"].get<std::string>();
  p.gates = *gates;
  return p;
}

}  // namespace

absl::StatusOr<Policy> ParsePolicy(absl::string_view text, const std::string& source) {
  YamlReadOptions options;
  options.field_positions = true;
  absl::StatusOr<std::vector<YamlDocument>> docs = ReadYamlDocuments(text, source, options);
  if (!docs.ok()) return docs.status();
  if (docs->size() != 1) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": want one YAML document, found ",
                                                   docs->size()));
  }
  const Json& doc = docs->front().value;
  if (doc.is_object() && doc.contains("mcp_server")) return SafetyConfigPolicy(*docs, source);
  Reader r(source, docs->front().fields);
  if (absl::Status s = CheckHeader(r, doc); !s.ok()) return s;
  Policy p;
  p.source = source;
  p.name = std::filesystem::path(source).stem().string();
  Json metadata = doc.value("metadata", Json::object());
  if (absl::Status s = r.Known(metadata, "/metadata", "metadata", kMetadataFields); !s.ok()) return s;
  if (metadata.contains("name") && metadata["name"].is_string()) {
    p.name = metadata["name"].get<std::string>();
  }
  Json spec = doc.value("spec", Json::object());
  if (absl::Status s = r.Known(spec, "/spec", "spec", kSpecFields); !s.ok()) return s;
  if (spec.contains("default")) {
    absl::StatusOr<GuardAction> d = r.Action(spec["default"], "/spec/default", "spec.default");
    if (!d.ok()) return d.status();
    p.default_action = *d;
  }
  Json rules = spec.value("rules", Json::array());
  if (!rules.is_array()) return r.Error("/spec/rules", "spec.rules", "want a list");
  for (size_t i = 0; i < rules.size(); ++i) {
    absl::StatusOr<GuardRule> rule = r.Rule(rules[i], i);
    if (!rule.ok()) return rule.status();
    p.rules.push_back(*std::move(rule));
  }
  return p;
}

absl::StatusOr<Policy> LoadPolicyFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open the policy file"));
  std::stringstream text;
  text << in.rdbuf();
  return ParsePolicy(text.str(), path);
}

}  // namespace kreplay
