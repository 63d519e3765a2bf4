#include "replay/judge/blast_radius.h"

#include <algorithm>
#include <map>

#include "model/type_registry.h"
#include "replay/judge/checks.h"
#include "replay/run/step_blast.h"

namespace kreplay {

const std::vector<BlastMember>& StepBlastRadius(const StepReport& step) {
  return step.blast_radius;
}

std::vector<BlastMember> RunBlastRadius(const std::vector<StepReport>& steps) {
  std::map<std::pair<ObjectKey, Tier>, BlastMember> first;
  for (const StepReport& step : steps) {
    for (const BlastMember& m : StepBlastRadius(step)) first.try_emplace({m.key, m.tier}, m);
  }
  std::vector<BlastMember> out;
  for (auto& [key, member] : first) out.push_back(member);
  std::sort(out.begin(), out.end(), ByTierThenKey);
  return out;
}

std::set<ObjectKey> FaultScope(const ReplayResult& result) {
  std::set<ObjectKey> scope;
  const ObjectStore& store = result.start.store();
  for (const auto& [key, object] : store.objects()) {
    for (const std::string& pattern : result.fixture->fault_objects) {
      if (MatchesObject(pattern, key)) scope.insert(key);
    }
  }
  // Everything the fault's objects own, to a fixpoint (Deployment -> RS -> Pod).
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& [key, object] : store.objects()) {
      if (scope.contains(key)) continue;
      const Json* refs = Find(*object, "metadata.ownerReferences");
      for (const Json& ref : refs && refs->is_array() ? *refs : Json::array()) {
        const ObjectKey* owner = store.KeyOfUid(GetString(ref, "uid"));
        if (owner && scope.contains(*owner)) {
          scope.insert(key);
          grew = true;
          break;
        }
      }
    }
  }
  return scope;
}

namespace {

// Kinds whose status a controller counts from other objects (a
// ResourceQuota's used, from the pods of its namespace): a controller's
// write of that status alone is bookkeeping, not a touch.
constexpr const char* kStatusBookkeeping[] = {"ResourceQuota"};

bool OnlyCountedStatus(const ReplayResult& result, const ObjectKey& key) {
  if (std::find(std::begin(kStatusBookkeeping), std::end(kStatusBookkeeping), key.kind) ==
      std::end(kStatusBookkeeping)) {
    return false;
  }
  for (const StepReport& step : result.steps) {
    for (const auto* changes : {&step.effect.created, &step.effect.deleted}) {
      for (const ObjectChange& c : *changes) {
        if (c.key == key) return false;
      }
    }
    for (const ObjectChange& c : step.effect.updated) {
      if (c.key != key) continue;
      if (c.via == "agent") return false;
      for (const Json& op : c.diff) {
        if (GetString(op, "path").rfind("/status", 0) != 0) return false;
      }
    }
  }
  return true;
}

}  // namespace

std::vector<BlastMember> TouchedHealthy(const ReplayResult& result,
                                        const std::vector<BlastMember>& run_radius) {
  std::set<ObjectKey> scope = FaultScope(result);
  std::map<ObjectKey, BlastMember> out;
  for (const BlastMember& m : run_radius) {
    if (m.tier != Tier::kChanged && m.tier != Tier::kDisrupted) continue;
    auto health = result.health_at_start.find(m.key);
    if (health == result.health_at_start.end() || !health->second.healthy) continue;
    if (scope.contains(m.key) || IsDerivedKind(m.key.kind)) continue;
    if (OnlyCountedStatus(result, m.key)) continue;
    out.try_emplace(m.key, m);
  }
  std::vector<BlastMember> members;
  for (auto& [key, m] : out) members.push_back(m);
  return members;
}

}  // namespace kreplay
