#include "replay/step_effect.h"

#include <map>

#include "absl/strings/match.h"

namespace kreplay {
namespace {

struct Span {
  ObjectPtr before;
  ObjectPtr after;
  std::string via;
};

bool Noise(const std::string& path) {
  return path == "/metadata/resourceVersion" ||
         absl::StartsWith(path, "/metadata/managedFields");
}

Json Diff(const Json& before, const Json& after) {
  Json out = Json::array();
  for (const Json& op : Json::diff(before, after)) {
    if (!Noise(GetString(op, "path"))) out.push_back(op);
  }
  return out;
}

}  // namespace

Effect EffectOf(const std::vector<Change>& journal) {
  std::map<ObjectKey, Span> spans;
  for (const Change& change : journal) {
    auto [it, inserted] = spans.try_emplace(change.key, Span{change.before, change.after, change.actor});
    if (!inserted) it->second.after = change.after;
  }
  Effect effect;
  for (const auto& [key, span] : spans) {
    if (!span.before && span.after) {
      effect.created.push_back({key, span.via, Json()});
    } else if (span.before && !span.after) {
      effect.deleted.push_back({key, span.via, Json()});
    } else if (span.before && span.after) {
      Json diff = Diff(*span.before, *span.after);
      if (!diff.empty()) effect.updated.push_back({key, span.via, std::move(diff)});
    }
  }
  return effect;
}

int64_t ReadyEndpoints(const Cluster& cluster, const ObjectKey& service) {
  const Json* ep = cluster.Get(ObjectKey{"Endpoints", service.ns, service.name});
  return ep == nullptr ? 0 : ReadyAddresses(*ep);
}

int64_t ReadyAddresses(const Json& endpoints) {
  int64_t n = 0;
  for (const Json& subset : endpoints.value("subsets", Json::array())) {
    n += static_cast<int64_t>(subset.value("addresses", Json::array()).size());
  }
  return n;
}

}  // namespace kreplay
