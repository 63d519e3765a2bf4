#include "replay/run/step_blast.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/dependency_graph.h"
#include "model/health.h"
#include "model/type_registry.h"
#include "sim/container_start.h"

namespace kreplay {
namespace {

// Each written object as it was before the step's first write to it
// (nullptr: it did not exist).
std::map<ObjectKey, ObjectPtr> FirstBefore(const std::vector<Change>& journal) {
  std::map<ObjectKey, ObjectPtr> first;
  for (const Change& change : journal) first.try_emplace(change.key, change.before);
  return first;
}

// The part of a state the step's walks can reach: the namespaces it wrote
// in, cluster-scoped objects, and RoleBindings everywhere (the only
// namespaced objects with edges into other namespaces, docs/graph.md). A
// walk from what the step wrote gives the same result on it as on the whole
// state, and a graph of it costs what the namespaces hold, not the cluster.
ObjectFilter Neighbourhood(const std::map<ObjectKey, ObjectPtr>& written) {
  std::set<std::string> namespaces;
  for (const auto& [key, object] : written) namespaces.insert(key.ns);
  return [namespaces = std::move(namespaces)](const ObjectKey& key) {
    return key.ns.empty() || namespaces.contains(key.ns) || key.kind == "RoleBinding";
  };
}

// The neighbourhood as it was before the step: `after`'s kept objects with
// the step's writes undone.
ObjectStore StateBefore(const ObjectStore& after, const ObjectFilter& keep,
                        const std::map<ObjectKey, ObjectPtr>& first) {
  ObjectStore before;
  for (const auto& [key, object] : after.objects()) {
    if (keep(key)) before.Put(object);
  }
  for (const auto& [key, object] : first) {
    before.Remove(key);
    if (object) before.Put(object);
  }
  return before;
}

// The dependency graphs of a step's neighbourhood after and before the
// step. The second is built only when asked for: most steps remove nothing,
// and every path they need is on the first.
class Graphs {
 public:
  Graphs(const ObjectStore& after, const std::map<ObjectKey, ObjectPtr>& first)
      : after_store_(after), first_(first), keep_(Neighbourhood(first)),
        after_(DependencyGraph::Build(after, keep_)) {}

  const DependencyGraph& after() const { return after_; }
  const DependencyGraph& before() {
    if (!before_) before_ = DependencyGraph::Build(StateBefore(after_store_, keep_, first_));
    return *before_;
  }

 private:
  const ObjectStore& after_store_;
  const std::map<ObjectKey, ObjectPtr>& first_;
  ObjectFilter keep_;
  DependencyGraph after_;
  std::optional<DependencyGraph> before_;
};

// Paths from the objects the agent addressed to what the step wrote: down
// ownership first (a Deployment's ReplicaSets and their pods), then up the
// dependents (the pods mounting a patched ConfigMap), on the state after the
// step and then, for what is not there any more, on the state before.
class PathFinder {
 public:
  PathFinder(Graphs& graphs, std::vector<ObjectKey> targets)
      : graphs_(graphs), targets_(std::move(targets)) {
    Add(graphs_.after());
  }

  std::string PathTo(const ObjectKey& key) {
    if (IsDerivedKind(key.kind)) return "";  // bookkeeping: no edge explains it
    if (!paths_.contains(key) && !searched_before_) {
      searched_before_ = true;
      Add(graphs_.before());
    }
    auto it = paths_.find(key);
    return it == paths_.end() ? "" : it->second;
  }

 private:
  void Add(const DependencyGraph& graph) {
    Collect(graph.Reach(targets_, Direction::kForward, kUnlimitedDepth,
                        EdgeKindSet::Of({EdgeKind::kOwns})));
    Collect(graph.Reach(targets_, Direction::kReverse));
  }
  void Collect(const std::vector<Reached>& reached) {
    for (const Reached& r : reached) paths_.try_emplace(r.key, RenderPath(r));
  }

  Graphs& graphs_;
  std::vector<ObjectKey> targets_;
  bool searched_before_ = false;
  std::map<ObjectKey, std::string> paths_;
};

std::vector<ObjectKey> AgentTargets(const StepReport& step) {
  std::set<ObjectKey> keys;
  for (const OperationReport& op : step.operations) keys.insert(op.targets.begin(), op.targets.end());
  return {keys.begin(), keys.end()};
}

bool Restarted(const Json& diff) {
  return std::any_of(diff.begin(), diff.end(), [](const Json& op) {
    return GetString(op, "path").find("/restartCount") != std::string::npos;
  });
}

void AddWritten(const StepReport& step, PathFinder& paths, std::vector<BlastMember>& out) {
  const std::pair<const std::vector<ObjectChange>*, const char*> groups[] = {
      {&step.effect.created, "created"}, {&step.effect.updated, "updated"},
      {&step.effect.deleted, "deleted"}};
  for (const auto& [changes, what] : groups) {
    for (const ObjectChange& c : *changes) {
      std::string path = paths.PathTo(c.key);
      out.push_back({c.key, Tier::kChanged, step.index, absl::StrCat(what, " by ", c.via), path});
      if (c.key.kind != "Pod") continue;
      if (changes == &step.effect.deleted) {
        out.push_back({c.key, Tier::kDisrupted, step.index,
                       absl::StrCat("pod removed by ", c.via), path});
      } else if (changes == &step.effect.updated && Restarted(c.diff)) {
        out.push_back({c.key, Tier::kDisrupted, step.index, "container restarted", path});
      }
    }
  }
}

int64_t Ready(const ObjectPtr& endpoints) { return endpoints ? ReadyAddresses(*endpoints) : 0; }

// Services whose Endpoints lost ready addresses in the step.
void AddFallenServices(const StepReport& step, const std::map<ObjectKey, ObjectPtr>& first,
                       const ObjectStore& after, PathFinder& paths,
                       std::vector<BlastMember>& out) {
  for (const auto& [key, before] : first) {
    if (key.kind != "Endpoints") continue;
    int64_t was = Ready(before);
    int64_t now = Ready(after.GetShared(key));
    if (now >= was) continue;
    ObjectKey service{"Service", key.ns, key.name};
    out.push_back({service, Tier::kDisrupted, step.index,
                   absl::StrCat("ready endpoints fell from ", was, " to ", now),
                   paths.PathTo(service)});
  }
}

// Dependents of what the step wrote: exposed, or latent for a ready pod
// that would not start again on the new state.
void AddReached(const StepReport& step, Graphs& graphs, const ObjectStore& after,
                const World& world, std::vector<BlastMember>& out) {
  std::set<ObjectKey> direct;
  for (const BlastMember& m : out) direct.insert(m.key);
  std::vector<ObjectKey> live_seeds;
  std::vector<ObjectKey> gone_seeds;
  for (const ObjectKey& key : direct) {
    if (IsDerivedKind(key.kind)) continue;
    (graphs.after().FindNode(key) ? live_seeds : gone_seeds).push_back(key);
  }
  std::set<ObjectKey> seen;
  auto visit = [&](const std::vector<Reached>& reached) {
    for (const Reached& r : reached) {
      if (r.depth() == 0 || direct.contains(r.key) || IsDerivedKind(r.key.kind)) continue;
      if (!seen.insert(r.key).second) continue;
      std::string latent = r.key.kind == "Pod" ? WouldFailOnRestart(r.key, after, world) : "";
      out.push_back({r.key, latent.empty() ? Tier::kExposed : Tier::kLatent, step.index,
                     latent.empty() ? absl::StrCat("depends on ", r.seed.ToString()) : latent,
                     RenderPath(r)});
    }
  };
  visit(graphs.after().Reach(live_seeds, Direction::kReverse));
  if (!gone_seeds.empty()) visit(graphs.before().Reach(gone_seeds, Direction::kReverse));
}

}  // namespace

std::string WouldFailOnRestart(const ObjectKey& pod, const ObjectStore& store, const World& world) {
  const Json* object = store.Get(pod);
  if (object == nullptr || !EvaluateHealth(store, pod).healthy) return "";
  std::vector<std::string> failures;
  for (const ContainerStart& c : EvaluateStart(*object, pod.ns, store, world)) {
    if (c.state == StartState::kRunning && c.ready) continue;
    failures.push_back(absl::StrCat(c.name, ": ",
                                    c.state == StartState::kRunning ? "not ready" : ReasonOf(c.state),
                                    c.message.empty() ? "" : " (" + c.message + ")"));
  }
  if (failures.empty()) return "";
  return absl::StrCat("running on its old config; a restart now gives ",
                      absl::StrJoin(failures, "; "));
}

std::vector<BlastMember> ComputeStepBlastRadius(const StepReport& step,
                                                const std::vector<Change>& journal,
                                                const ObjectStore& after, const World& world) {
  std::vector<BlastMember> out;
  if (step.effect.empty()) return out;
  std::map<ObjectKey, ObjectPtr> first = FirstBefore(journal);
  Graphs graphs(after, first);
  PathFinder paths(graphs, AgentTargets(step));
  AddWritten(step, paths, out);
  AddFallenServices(step, first, after, paths, out);
  AddReached(step, graphs, after, world, out);
  std::sort(out.begin(), out.end(), ByTierThenKey);
  return out;
}

}  // namespace kreplay
