#include "sim/rbac_rule.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "sim/validation.h"

namespace kreplay {
namespace {

bool Has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool HasAll(const std::vector<std::string>& list, const std::vector<std::string>& values) {
  return std::all_of(values.begin(), values.end(),
                     [&](const std::string& v) { return Has(list, v); });
}

std::vector<std::string> StringsAt(const Json& rule, const char* key) {
  std::vector<std::string> out;
  if (!rule.is_object() || !rule.contains(key) || !rule[key].is_array()) return out;
  for (const Json& item : rule[key]) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

// The rule's fields, in manifest spelling and CompactString order.
struct RuleField {
  const char* json;
  const char* compact;
  std::vector<std::string> PolicyRule::*member;
};
const RuleField kRuleFields[] = {
    {"apiGroups", "APIGroups", &PolicyRule::api_groups},
    {"resources", "Resources", &PolicyRule::resources},
    {"nonResourceURLs", "NonResourceURLs", &PolicyRule::non_resource_urls},
    {"resourceNames", "ResourceNames", &PolicyRule::resource_names},
    {"verbs", "Verbs", &PolicyRule::verbs},
};

bool ResourceMatches(const PolicyRule& rule, const std::string& combined,
                     const std::string& subresource) {
  for (const std::string& r : rule.resources) {
    if (r == "*" || r == combined) return true;
    if (subresource.empty()) continue;
    if (r.size() == subresource.size() + 2 && absl::StartsWith(r, "*/") &&
        absl::EndsWith(r, subresource)) {
      return true;
    }
  }
  return false;
}

bool UrlMatches(const std::string& pattern, const std::string& path) {
  if (pattern == "*" || pattern == path) return true;
  return absl::EndsWith(pattern, "*") &&
         absl::StartsWith(path, pattern.substr(0, pattern.size() - 1));
}

// upstream resourceCoversAll.
bool ResourcesCover(const std::vector<std::string>& owner, const std::vector<std::string>& sub) {
  if (Has(owner, "*") || HasAll(owner, sub)) return true;
  for (const std::string& requested : sub) {
    if (Has(owner, requested)) continue;
    size_t slash = requested.find('/');
    if (slash != std::string::npos && Has(owner, "*" + requested.substr(slash))) continue;
    return false;
  }
  return true;
}

bool UrlsCover(const std::vector<std::string>& owner, const std::vector<std::string>& sub) {
  for (const std::string& requested : sub) {
    if (std::none_of(owner.begin(), owner.end(),
                     [&](const std::string& o) { return UrlMatches(o, requested); })) {
      return false;
    }
  }
  return true;
}

// upstream ruleCovers.
bool RuleCovers(const PolicyRule& owner, const PolicyRule& sub) {
  bool verbs = Has(owner.verbs, "*") || HasAll(owner.verbs, sub.verbs);
  bool groups = Has(owner.api_groups, "*") || HasAll(owner.api_groups, sub.api_groups);
  bool names = sub.resource_names.empty()
                   ? owner.resource_names.empty()
                   : owner.resource_names.empty() || HasAll(owner.resource_names, sub.resource_names);
  return verbs && groups && ResourcesCover(owner.resources, sub.resources) && names &&
         UrlsCover(owner.non_resource_urls, sub.non_resource_urls);
}

// upstream BreakdownRule: one rule per group x resource x verb (x name),
// and per URL x verb.
std::vector<PolicyRule> Breakdown(const PolicyRule& rule) {
  std::vector<PolicyRule> out;
  for (const std::string& group : rule.api_groups) {
    for (const std::string& resource : rule.resources) {
      for (const std::string& verb : rule.verbs) {
        if (rule.resource_names.empty()) {
          out.push_back({{verb}, {group}, {resource}, {}, {}});
        }
        for (const std::string& name : rule.resource_names) {
          out.push_back({{verb}, {group}, {resource}, {name}, {}});
        }
      }
    }
  }
  for (const std::string& url : rule.non_resource_urls) {
    for (const std::string& verb : rule.verbs) out.push_back({{verb}, {}, {}, {}, {url}});
  }
  return out;
}

// upstream CompactRules: simple rules (one group, one resource, at most one
// name, no URLs) for the same resource merge their verbs.
std::vector<PolicyRule> Compact(const std::vector<PolicyRule>& rules) {
  std::vector<PolicyRule> out;
  std::map<std::tuple<std::string, std::string, bool, std::string>, size_t> simple;
  for (const PolicyRule& rule : rules) {
    bool is_simple = rule.non_resource_urls.empty() && rule.api_groups.size() == 1 &&
                     rule.resources.size() == 1 && rule.resource_names.size() <= 1;
    if (!is_simple) {
      out.push_back(rule);
      continue;
    }
    auto key = std::make_tuple(rule.api_groups[0], rule.resources[0], !rule.resource_names.empty(),
                               rule.resource_names.empty() ? "" : rule.resource_names[0]);
    auto [it, inserted] = simple.try_emplace(key, out.size());
    if (inserted) {
      out.push_back(rule);
    } else {
      std::vector<std::string>& verbs = out[it->second].verbs;
      verbs.insert(verbs.end(), rule.verbs.begin(), rule.verbs.end());
    }
  }
  return out;
}

}  // namespace

std::vector<PolicyRule> RulesOf(const Json& role) {
  std::vector<PolicyRule> out;
  if (!role.is_object() || !role.contains("rules") || !role["rules"].is_array()) return out;
  for (const Json& r : role["rules"]) {
    PolicyRule rule;
    for (const RuleField& f : kRuleFields) rule.*f.member = StringsAt(r, f.json);
    out.push_back(std::move(rule));
  }
  return out;
}

Json RuleToJson(const PolicyRule& rule) {
  Json out = Json::object();
  for (const RuleField& f : kRuleFields) {
    if (!(rule.*f.member).empty()) out[f.json] = rule.*f.member;
  }
  return out;
}

bool RuleAllows(const PolicyRule& rule, const RequestAttributes& request) {
  bool verb = Has(rule.verbs, "*") || Has(rule.verbs, request.verb);
  if (!request.resource_request) {
    return verb && std::any_of(rule.non_resource_urls.begin(), rule.non_resource_urls.end(),
                               [&](const std::string& u) { return UrlMatches(u, request.path); });
  }
  std::string combined = request.subresource.empty()
                             ? request.resource
                             : absl::StrCat(request.resource, "/", request.subresource);
  bool group = Has(rule.api_groups, "*") || Has(rule.api_groups, request.api_group);
  bool name = rule.resource_names.empty() || Has(rule.resource_names, request.name);
  return verb && group && ResourceMatches(rule, combined, request.subresource) && name;
}

bool Covers(const std::vector<PolicyRule>& owner, const std::vector<PolicyRule>& requested,
            std::vector<PolicyRule>* missing) {
  std::vector<PolicyRule> uncovered;
  for (const PolicyRule& rule : requested) {
    for (const PolicyRule& sub : Breakdown(rule)) {
      bool covered = std::any_of(owner.begin(), owner.end(),
                                 [&](const PolicyRule& o) { return RuleCovers(o, sub); });
      if (!covered) uncovered.push_back(sub);
    }
  }
  if (missing != nullptr) *missing = Compact(uncovered);
  return uncovered.empty();
}

std::string CompactString(const PolicyRule& rule) {
  std::vector<std::string> parts;
  for (const RuleField& f : kRuleFields) {
    const std::vector<std::string>& values = rule.*f.member;
    if (values.empty()) continue;
    std::vector<std::string> quoted;
    for (const std::string& v : values) quoted.push_back(GoQuote(v));
    parts.push_back(absl::StrCat(f.compact, ":[", absl::StrJoin(quoted, " "), "]"));
  }
  return absl::StrCat("{", absl::StrJoin(parts, ", "), "}");
}

}  // namespace kreplay
