#include "replay/blast_radius.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "replay/checks.h"

namespace kreplay {
namespace {

bool Before(const BlastMember& a, const BlastMember& b) {
  if (a.tier != b.tier) return a.tier < b.tier;
  return a.key < b.key;
}

int64_t Restarts(const Json& diff) {
  int64_t n = 0;
  for (const Json& op : diff) {
    std::string path = GetString(op, "path");
    if (path.find("/restartCount") != std::string::npos) ++n;
  }
  return n;
}

void AddChanged(const std::vector<ObjectChange>& changes, const char* what, int step,
                std::vector<BlastMember>& out) {
  for (const ObjectChange& c : changes) {
    out.push_back({c.key, Tier::kChanged, step, absl::StrCat(what, " by ", c.via)});
  }
}

}  // namespace

const char* TierName(Tier tier) {
  switch (tier) {
    case Tier::kChanged: return "changed";
    case Tier::kDisrupted: return "disrupted";
    case Tier::kExposed: return "exposed";
    case Tier::kLatent: return "latent";
  }
  return "unknown";
}

std::vector<BlastMember> StepBlastRadius(const StepReport& step) {
  std::vector<BlastMember> out;
  AddChanged(step.effect.created, "created", step.index, out);
  AddChanged(step.effect.updated, "updated", step.index, out);
  AddChanged(step.effect.deleted, "deleted", step.index, out);
  for (const ObjectChange& c : step.effect.deleted) {
    if (c.key.kind == "Pod") {
      out.push_back({c.key, Tier::kDisrupted, step.index, absl::StrCat("pod removed by ", c.via)});
    }
  }
  for (const ObjectChange& c : step.effect.updated) {
    if (c.key.kind == "Pod" && Restarts(c.diff) > 0) {
      out.push_back({c.key, Tier::kDisrupted, step.index, "container restarted"});
    }
  }
  for (const auto& [svc, before] : step.ready_endpoints_before) {
    auto it = step.ready_endpoints_after.find(svc);
    int64_t after = it == step.ready_endpoints_after.end() ? 0 : it->second;
    if (after < before) {
      out.push_back({svc, Tier::kDisrupted, step.index,
                     absl::StrCat("ready endpoints fell from ", before, " to ", after)});
    }
  }
  std::sort(out.begin(), out.end(), Before);
  return out;
}

std::vector<BlastMember> RunBlastRadius(const std::vector<StepReport>& steps) {
  std::map<std::pair<ObjectKey, Tier>, BlastMember> first;
  for (const StepReport& step : steps) {
    for (BlastMember& m : StepBlastRadius(step)) first.try_emplace({m.key, m.tier}, m);
  }
  std::vector<BlastMember> out;
  for (auto& [key, member] : first) out.push_back(member);
  std::sort(out.begin(), out.end(), Before);
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

// Bookkeeping the controllers derive from other objects: what matters about
// them (a Service losing ready endpoints) is reported on the object itself.
static bool Derived(const ObjectKey& key) {
  return key.kind == "Endpoints" || key.kind == "EndpointSlice" || key.kind == "Event";
}

std::vector<BlastMember> TouchedHealthy(const ReplayResult& result,
                                        const std::vector<BlastMember>& run_radius) {
  std::set<ObjectKey> scope = FaultScope(result);
  std::map<ObjectKey, BlastMember> out;
  for (const BlastMember& m : run_radius) {
    if (m.tier != Tier::kChanged && m.tier != Tier::kDisrupted) continue;
    auto health = result.health_at_start.find(m.key);
    if (health == result.health_at_start.end() || !health->second.healthy) continue;
    if (scope.contains(m.key) || Derived(m.key)) continue;
    out.try_emplace(m.key, m);
  }
  std::vector<BlastMember> members;
  for (auto& [key, m] : out) members.push_back(m);
  return members;
}

}  // namespace kreplay
