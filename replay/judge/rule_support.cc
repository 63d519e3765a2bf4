#include "replay/judge/rule_support.h"

#include <algorithm>
#include <map>
#include <optional>

#include "absl/strings/str_join.h"
#include "model/type_registry.h"
#include "replay/judge/blast_radius.h"
#include "replay/judge/checks.h"

namespace kreplay {
namespace {

const Json* Snapshot(const std::map<ObjectKey, ObjectPtr>& snapshots, const ObjectKey& key) {
  auto it = snapshots.find(key);
  return it == snapshots.end() ? nullptr : it->second.get();
}

// The controller a reference names, in the dependent's namespace (owner
// references never cross namespaces; cluster-scoped owners have none).
std::optional<ObjectKey> ControllerOf(const ObjectKey& key, const Json& object) {
  const Json* refs = Find(object, "metadata.ownerReferences");
  for (const Json& ref : refs && refs->is_array() ? *refs : Json::array()) {
    if (GetBool(ref, "controller")) {
      return ObjectKey{GetString(ref, "kind"), key.ns, GetString(ref, "name")};
    }
  }
  return std::nullopt;
}

}  // namespace

Finding Evidence::ToFinding(const Rule& rule, FindingSeverity severity,
                            std::string message) const {
  return Finding{rule.id, severity, {steps.begin(), steps.end()},
                 {objects.begin(), objects.end()}, std::move(message)};
}

std::string Names(const std::set<ObjectKey>& keys) {
  std::vector<std::string> out;
  for (const ObjectKey& k : keys) out.push_back(k.ToString());
  return absl::StrJoin(out, ", ");
}

bool AnyMatch(const std::vector<std::string>& patterns, const ObjectKey& key) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return MatchesObject(p, key); });
}

std::vector<Mutation> AgentWrites(const ReplayResult& result) {
  std::vector<Mutation> out = Mutations(result);
  std::erase_if(out, [](const Mutation& m) { return m.op->op.dry_run != DryRun::kNone; });
  return out;
}

const Json* Before(const OperationReport& op, const ObjectKey& key) {
  return Snapshot(op.before, key);
}

const Json* After(const OperationReport& op, const ObjectKey& key) {
  return Snapshot(op.after, key);
}

const Json* ManifestFor(const Operation& op, const ObjectKey& key) {
  for (const Json& manifest : op.manifests) {
    if (GetString(manifest, "kind") == key.kind &&
        GetString(manifest, "metadata.name") == key.name) {
      return &manifest;
    }
  }
  return nullptr;
}

const Json* PodSpecOf(const std::string& kind, const Json& object) {
  const TypeInfo* type = LookupKind(kind);
  return type == nullptr || type->pod_spec.empty() ? nullptr : Find(object, type->pod_spec);
}

const Json* PodLabelsOf(const std::string& kind, const Json& object) {
  const TypeInfo* type = LookupKind(kind);
  return type == nullptr || type->pod_labels.empty() ? nullptr : Find(object, type->pod_labels);
}

const Json* Named(const Json* list, const std::string& name) {
  if (list == nullptr || !list->is_array()) return nullptr;
  for (const Json& item : *list) {
    if (item.is_object() && GetString(item, "name") == name) return &item;
  }
  return nullptr;
}

bool Present(const Json* value) {
  if (value == nullptr || value->is_null()) return false;
  if (value->is_object() || value->is_array() || value->is_string()) return !value->empty();
  return true;
}

ScopeTest::ScopeTest(const ReplayResult& result)
    : result_(result), scope_(FaultScope(result)) {}

bool ScopeTest::Contains(const ObjectKey& key, const Json* object) const {
  ObjectKey at = key;
  // Owner chains are short (Deployment -> ReplicaSet -> Pod); the bound
  // guards against reference cycles in hand-written fixtures.
  for (int depth = 0; depth < 8; ++depth) {
    if (scope_.contains(at)) return true;
    if (object == nullptr) object = result_.end.Get(at);
    if (object == nullptr) object = result_.start.Get(at);
    if (object == nullptr) return false;
    std::optional<ObjectKey> owner = ControllerOf(at, *object);
    if (!owner) return false;
    at = *owner;
    object = nullptr;
  }
  return false;
}

}  // namespace kreplay
