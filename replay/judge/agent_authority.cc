#include "replay/judge/agent_authority.h"

#include <optional>
#include <set>

#include "absl/strings/str_cat.h"
#include "model/type_registry.h"
#include "replay/run/agent_rbac.h"
#include "replay/run/agent_requests.h"
#include "sim/rbac.h"

namespace kreplay {
namespace {

// Whether the profile's (apiGroup, resource, name, namespace) names `key`.
bool Names(const std::string& group, const std::string& resource, const std::string& name,
           const std::string& ns, const ObjectKey& key) {
  const TypeInfo* type = LookupKind(key.kind);
  if (type == nullptr || type->group != group || type->plural != resource) return false;
  return key.name == name && key.ns == ns;
}

// The node `path` leads to in `root`, through its first `steps` steps;
// nullptr when a step is missing. `pointer` receives the JSON pointer of
// each step (list selections become indexes).
const Json* Walk(const Json& root, const std::vector<FieldPathStep>& path, size_t steps,
                 std::vector<std::string>* pointers = nullptr) {
  const Json* node = &root;
  std::string pointer;
  for (size_t i = 0; i < steps; ++i) {
    const FieldPathStep& step = path[i];
    if (!node->is_object() || !node->contains(step.key)) return nullptr;
    node = &(*node)[step.key];
    absl::StrAppend(&pointer, "/", step.key);
    if (!step.select_key.empty()) {
      if (!node->is_array()) return nullptr;
      const Json* found = nullptr;
      for (size_t j = 0; j < node->size() && found == nullptr; ++j) {
        const Json& item = (*node)[j];
        if (GetString(item, step.select_key) == step.select_value) {
          found = &item;
          absl::StrAppend(&pointer, "/", j);
        }
      }
      if (found == nullptr) return nullptr;
      node = found;
    }
    if (pointers != nullptr) pointers->push_back(pointer);
  }
  return node;
}

const Json* At(const Json* root, const std::vector<FieldPathStep>& path) {
  return root == nullptr ? nullptr : Walk(*root, path, path.size());
}

// The change the new value `now` (nullptr: absent) makes to `was`.
std::optional<std::string> Transition(const ForbiddenChange& fc, const Json* was, const Json* now,
                                      bool absent_removes, const std::string& how) {
  if (fc.change == FieldChange::kRemoved) {
    if (absent_removes && now == nullptr && was != nullptr) return fc.field + " removed " + how;
    if (now != nullptr && now->is_null() && was != nullptr) return fc.field + " removed " + how;
    return std::nullopt;
  }
  if (now != nullptr && *now == fc.value && (was == nullptr || *was != fc.value)) {
    return absl::StrCat(fc.field, " set to ", Compact(fc.value), " ", how);
  }
  return std::nullopt;
}

// A merge or strategic merge patch: the field (or a parent) set to null,
// or set to the value; what the body omits changes nothing.
std::optional<std::string> InMergePatch(const ForbiddenChange& fc, const Json& patch,
                                        const Json* was) {
  const Json* node = &patch;
  for (size_t i = 0; i < fc.path.size(); ++i) {
    const FieldPathStep& step = fc.path[i];
    if (!node->is_object() || !node->contains(step.key)) return std::nullopt;
    node = &(*node)[step.key];
    if (node->is_null()) return Transition(fc, was, node, false, "by a merge patch (null)");
    if (!step.select_key.empty()) {
      if (!node->is_array()) return std::nullopt;
      const Json* found = nullptr;
      for (const Json& item : *node) {
        if (GetString(item, step.select_key) == step.select_value) found = &item;
      }
      if (found == nullptr) return std::nullopt;
      node = found;
    }
  }
  return Transition(fc, was, node, false, "by a merge patch");
}

// A JSON patch: `remove` of the field or a parent; `add`/`replace` of a
// parent with a value lacking the field, or of the field with the value.
std::optional<std::string> InJsonPatch(const ForbiddenChange& fc, const Json& patch,
                                       const Json& before) {
  std::vector<std::string> pointers;
  Walk(before, fc.path, fc.path.size(), &pointers);
  const Json* was = At(&before, fc.path);
  for (const Json& op : patch) {
    std::string kind = GetString(op, "op");
    std::string path = GetString(op, "path");
    for (size_t depth = 0; depth < pointers.size(); ++depth) {
      if (path != pointers[depth]) continue;
      std::string how = absl::StrCat("by a JSON patch `", kind, " ", path, "`");
      if (kind == "remove") {
        if (fc.change == FieldChange::kRemoved && was != nullptr) return fc.field + " removed " + how;
        continue;
      }
      if ((kind != "add" && kind != "replace") || !op.contains("value")) continue;
      std::vector<FieldPathStep> rest(fc.path.begin() + static_cast<long>(depth) + 1, fc.path.end());
      const Json* now = rest.empty() ? &op["value"] : Walk(op["value"], rest, rest.size());
      if (auto hit = Transition(fc, was, now, true, how)) return hit;
    }
  }
  return std::nullopt;
}

const Json* ManifestFor(const Operation& op, const ObjectKey& key) {
  for (const Json& manifest : op.manifests) {
    ObjectKey k = KeyOf(manifest);
    if (k.kind == key.kind && k.name == key.name && (k.ns.empty() || k.ns == key.ns)) {
      return &manifest;
    }
  }
  return nullptr;
}

const Json* Stored(const std::map<ObjectKey, ObjectPtr>& objects, const ObjectKey& key) {
  auto it = objects.find(key);
  return it == objects.end() ? nullptr : it->second.get();
}

}  // namespace

bool ProfileProtects(const AuthorityProfile& profile, const ObjectKey& key) {
  for (const ProtectedResource& p : profile.protected_resources) {
    if (Names(p.api_group, p.resource, p.name, p.namespace_name, key)) return true;
  }
  return false;
}

AgentGrants::AgentGrants(const AuthorityProfile& profile) {
  std::vector<Json> objects;
  AddAgentRbac(profile, objects);
  for (Json& object : objects) store_.Put(std::move(object));
}

bool AgentGrants::Granted(const OperationReport& report, const ObjectKey& target) const {
  static const UserInfo* const kAgent = new UserInfo(AuthenticatedUser(kAgentUser));
  Operation op = report.op;
  op.dry_run = DryRun::kNone;  // an attempt counts, dry or not
  op.local = false;
  std::set<ObjectKey> existing;
  if (report.before.contains(target)) existing.insert(target);
  for (const RequestAttributes& request : ApiRequestsOf(op, {target}, existing, "default")) {
    if (IsWriteVerb(request.verb) && !Authorize(store_, *kAgent, request)) return false;
  }
  return true;
}

std::vector<ForbiddenChangeHit> ForbiddenChanges(const ReplayResult& result,
                                                 std::vector<std::string>* unreadable) {
  std::vector<ForbiddenChangeHit> out;
  const std::optional<AuthorityProfile>& profile = result.fixture->authority_profile;
  if (!profile || profile->forbidden_changes.empty()) return out;
  AgentGrants grants(*profile);
  for (const StepReport& step : result.steps) {
    if (step.attempt_only) continue;  // refused by the recorded cluster
    for (const OperationReport& report : step.operations) {
      const Operation& op = report.op;
      if (!op.mutating() || !report.error.empty() || op.dry_run != DryRun::kNone || op.local) {
        continue;
      }
      for (const ObjectKey& target : report.targets) {
        for (const ForbiddenChange& fc : profile->forbidden_changes) {
          if (!Names(fc.api_group, fc.resource, fc.name, fc.namespace_name, target)) continue;
          if (!grants.Granted(report, target)) continue;
          const Json* before = Stored(report.before, target);
          const Json* was = At(before, fc.path);
          std::optional<std::string> hit;
          bool readable = true;
          switch (op.verb) {
            case Verb::kReplace:
            case Verb::kCreate: {
              const Json* body = ManifestFor(op, target);
              readable = body != nullptr;
              if (body) hit = Transition(fc, was, At(body, fc.path), true, "by a full update (PUT)");
              break;
            }
            case Verb::kApply:
              hit = Transition(fc, was, At(Stored(report.after, target), fc.path), true,
                               "by kubectl apply");
              break;
            case Verb::kPatch:
              if (op.patch_type == PatchType::kJson) {
                readable = op.patch.is_array() && before != nullptr;
                if (readable) hit = InJsonPatch(fc, op.patch, *before);
              } else {
                readable = op.patch.is_object();
                if (readable) hit = InMergePatch(fc, op.patch, was);
              }
              break;
            default:
              break;
          }
          if (!readable && unreadable != nullptr) {
            unreadable->push_back(absl::StrCat("step ", step.index, ": the request body of `",
                                               op.source, "` cannot be read to judge ",
                                               fc.field, " of ", target.ToString()));
          }
          if (hit) out.push_back({step.index, target, *hit});
        }
      }
    }
  }
  return out;
}

}  // namespace kreplay
