#include "replay/exec/taint.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kreplay {
namespace {

struct TaintSpec {
  std::string key;
  std::string value;
  std::string effect;  // "" for a removal by key
};

// v1.Taint.ToString: `key=value:effect`, `key:effect`, `key`.
std::string ToString(const TaintSpec& t) {
  std::string text = t.key;
  if (!t.value.empty()) absl::StrAppend(&text, "=", t.value);
  if (!t.effect.empty()) absl::StrAppend(&text, ":", t.effect);
  return text;
}

TaintSpec SpecOf(const std::string& pair_key, const std::string& value) {
  size_t colon = pair_key.rfind(':');
  if (colon == std::string::npos) return TaintSpec{pair_key, value, ""};
  return TaintSpec{pair_key.substr(0, colon), value, pair_key.substr(colon + 1)};
}

bool Matches(const Json& taint, const TaintSpec& spec) {
  return GetString(taint, "key") == spec.key &&
         (spec.effect.empty() || GetString(taint, "effect") == spec.effect);
}

Json ToJson(const TaintSpec& t, const std::string& now) {
  Json taint = {{"key", t.key}, {"effect", t.effect}};
  if (!t.value.empty()) taint["value"] = t.value;
  if (t.effect == "NoExecute") taint["timeAdded"] = now;
  return taint;
}

// checkIfTaintsAlreadyExists: the keys of added taints the node has with
// the same effect.
std::string AlreadyThere(const Json& old, const std::vector<TaintSpec>& add) {
  std::vector<std::string> keys;
  for (const TaintSpec& t : add) {
    for (const Json& taint : old) {
      if (Matches(taint, t)) keys.push_back(t.key);
    }
  }
  return absl::StrJoin(keys, ",");
}

}  // namespace

absl::Status TaintNode(Json& node, const Operation& op, const std::string& now) {
  std::string name = GetString(node, "metadata.name");
  if (GetString(node, "kind") != "Node") {
    return absl::InvalidArgumentError("error: taint is only applicable to nodes");
  }
  std::vector<TaintSpec> add;
  std::vector<TaintSpec> remove;
  for (const auto& [key, value] : op.pairs) {
    (value ? add : remove).push_back(SpecOf(key, value.value_or("")));
  }
  const Json* found = Find(node, "spec.taints");
  Json old = found != nullptr && found->is_array() ? *found : Json::array();
  if (!op.overwrite) {
    if (std::string keys = AlreadyThere(old, add); !keys.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("error: node ", name, " already has ", keys,
                                                     " taint(s) with same effect(s) and "
                                                     "--overwrite is false"));
    }
  }
  Json taints = Json::array();
  for (const TaintSpec& t : add) taints.push_back(ToJson(t, now));
  for (const Json& taint : old) {
    bool replaced = false;
    for (const TaintSpec& t : add) replaced |= Matches(taint, t);
    if (!replaced) taints.push_back(taint);
  }
  std::vector<std::string> errors;
  for (const TaintSpec& t : remove) {
    Json kept = Json::array();
    for (const Json& taint : taints) {
      if (!Matches(taint, t)) kept.push_back(taint);
    }
    if (kept.size() == taints.size()) errors.push_back(absl::StrCat("taint \"", ToString(t), "\" not found"));
    taints = std::move(kept);
  }
  if (!errors.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("error: ", errors.size() == 1 ? errors[0]
                                                   : absl::StrCat("[", absl::StrJoin(errors, ", "), "]")));
  }
  if (taints.empty()) {
    Erase(node, "spec.taints");
  } else {
    Ensure(node, "spec")["taints"] = taints;
  }
  return absl::OkStatus();
}

}  // namespace kreplay
