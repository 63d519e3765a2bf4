#include "replay/diff/state_diff.h"

#include <map>

#include "absl/strings/match.h"
#include "model/json_diff.h"

namespace kreplay {
namespace {

bool Noise(const std::string& path) {
  return path == "/metadata/resourceVersion" ||
         absl::StartsWith(path, "/metadata/managedFields");
}

// DiffJson without the fields every write changes.
Json Difference(const Json& a, const Json& b) {
  Json out = Json::array();
  for (Json& op : DiffJson(a, b)) {
    std::string path = op.value("path", "");
    if (!Noise(path)) out.push_back(std::move(op));
  }
  return out;
}

// Who wrote each object during a run, from every step's effect.
using Writers = std::map<ObjectKey, std::set<std::string>>;

Writers WritersOf(const ReplayResult& result) {
  Writers writers;
  for (const StepReport& step : result.steps) {
    for (const auto* changes : {&step.effect.created, &step.effect.updated, &step.effect.deleted}) {
      for (const ObjectChange& change : *changes) writers[change.key].insert(change.via);
    }
  }
  return writers;
}

ObjectFate FateOf(const ReplayResult& result, const Writers& writers, const ObjectKey& key) {
  ObjectFate fate;
  const Json* start = result.start.Get(key);
  const Json* end = result.end.Get(key);
  if (start == nullptr) {
    fate.fate = end == nullptr ? "absent" : "created";
  } else if (end == nullptr) {
    fate.fate = "deleted";
  } else {
    fate.fate = Difference(*start, *end).empty() ? "unchanged" : "updated";
  }
  auto it = writers.find(key);
  if (it != writers.end()) fate.writers = it->second;
  return fate;
}

}  // namespace

std::vector<ObjectDiff> DiffEndStates(const ReplayResult& a, const ReplayResult& b) {
  std::map<ObjectKey, Presence> differing;
  for (const auto& [key, object] : a.end.store().objects()) {
    const Json* other = b.end.Get(key);
    if (other == nullptr) {
      differing[key] = Presence::kOnlyA;
    } else if (!Difference(*object, *other).empty()) {
      differing[key] = Presence::kDifferent;
    }
  }
  for (const auto& entry : b.end.store().objects()) {
    if (a.end.Get(entry.first) == nullptr) differing[entry.first] = Presence::kOnlyB;
  }
  Writers writers_a = WritersOf(a), writers_b = WritersOf(b);
  std::vector<ObjectDiff> out;
  for (const auto& [key, presence] : differing) {
    ObjectDiff d;
    d.key = key;
    d.presence = presence;
    if (presence == Presence::kDifferent) {
      d.object_a = *a.end.Get(key);
      d.diff = Difference(d.object_a, *b.end.Get(key));
    }
    d.a = FateOf(a, writers_a, key);
    d.b = FateOf(b, writers_b, key);
    d.by_controllers = d.a.writers.count("agent") == 0 && d.b.writers.count("agent") == 0;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace kreplay
