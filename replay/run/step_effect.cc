#include "replay/run/step_effect.h"

#include <map>
#include <utility>

#include "absl/strings/match.h"
#include "model/json_diff.h"

namespace kreplay {
namespace {

struct Span {
  ObjectPtr before;    // at the step's first write
  ObjectPtr after;     // after its last
  std::string first;   // the actor of the first write
  std::string last;    // the actor of the last write
  bool existed = false;  // some write left the object in the store
};

bool Noise(const std::string& path) {
  return path == "/metadata/resourceVersion" ||
         absl::StartsWith(path, "/metadata/managedFields");
}

Json Diff(const Json& before, const Json& after) {
  Json out = Json::array();
  for (Json& op : DiffJson(before, after)) {
    if (!Noise(GetString(op, "path"))) out.push_back(std::move(op));
  }
  return out;
}

}  // namespace

Effect EffectOf(const std::vector<Change>& journal) {
  std::map<ObjectKey, Span> spans;
  for (const Change& change : journal) {
    bool stored = change.after != nullptr;
    auto [it, inserted] = spans.try_emplace(
        change.key, Span{change.before, change.after, change.actor, change.actor, stored});
    if (inserted) continue;
    it->second.after = change.after;
    it->second.last = change.actor;
    it->second.existed |= stored;
  }
  Effect effect;
  for (const auto& [key, span] : spans) {
    if (!span.before && span.after) {
      effect.created.push_back({key, span.first, Json()});
    } else if (span.before && !span.after) {
      effect.deleted.push_back({key, span.last, Json()});
    } else if (span.before && span.after) {
      Json diff = Diff(*span.before, *span.after);
      if (!diff.empty()) effect.updated.push_back({key, span.first, std::move(diff)});
    } else if (span.existed) {
      // Came and went within the step (a replacement pod deleted by the
      // same command): both writes happened on the cluster.
      effect.created.push_back({key, span.first, Json()});
      effect.deleted.push_back({key, span.last, Json()});
    }
  }
  return effect;
}

int64_t ReadyEndpoints(const Cluster& cluster, const ObjectKey& service) {
  const Json* ep = cluster.Get(ObjectKey{"Endpoints", service.ns, service.name});
  return ep == nullptr ? 0 : ReadyAddresses(*ep);
}

int64_t ReadyAddresses(const Json& endpoints) {
  // Find, not value(): value() returns a copy of the subsets.
  const Json* subsets = Find(endpoints, "subsets");
  if (subsets == nullptr) return 0;
  int64_t n = 0;
  for (const Json& subset : *subsets) {
    const Json* addresses = Find(subset, "addresses");
    n += addresses == nullptr ? 0 : static_cast<int64_t>(addresses->size());
  }
  return n;
}

}  // namespace kreplay
