// The small pieces the autopsy rules share: evidence collection, the
// agent's writes, object snapshots before and after an operation, pod
// templates, and the fault scope as the run sees it. Internal to
// replay/judge/rules*.cc.
#ifndef KREPLAY_REPLAY_JUDGE_RULE_SUPPORT_H_
#define KREPLAY_REPLAY_JUDGE_RULE_SUPPORT_H_

#include <set>
#include <string>
#include <vector>

#include "model/json.h"
#include "model/object_key.h"
#include "replay/judge/mutations.h"
#include "replay/judge/rules.h"
#include "replay/run/replay_result.h"

namespace kreplay {

// Evidence for one finding: steps and objects, deduplicated and ordered.
struct Evidence {
  std::set<int> steps;
  std::set<ObjectKey> objects;

  bool empty() const { return steps.empty(); }
  void Add(int step, const ObjectKey& key) {
    steps.insert(step);
    objects.insert(key);
  }
  Finding ToFinding(const Rule& rule, FindingSeverity severity, std::string message) const;
};

// `Kind/ns/name, ...` of `keys`, in order.
std::string Names(const std::set<ObjectKey>& keys);

// Whether any of the `Kind/ns/name` globs matches `key`.
bool AnyMatch(const std::vector<std::string>& patterns, const ObjectKey& key);

// The agent's mutations that could change the cluster: every mutation,
// attempts included, except dry runs (which persist nothing by design).
std::vector<Mutation> AgentWrites(const ReplayResult& result);

// A mutation's target as it was when addressed / right after the operation
// (run/replay_result.h); nullptr when it did not exist then.
const Json* Before(const OperationReport& op, const ObjectKey& key);
const Json* After(const OperationReport& op, const ObjectKey& key);

// The manifest of `op` that addresses `key` (same kind and name); nullptr
// when none does.
const Json* ManifestFor(const Operation& op, const ObjectKey& key);

// The pod spec (`spec.template.spec`, `spec.jobTemplate.spec.template.spec`,
// or `spec` of a Pod) and the pod labels (template labels, or a Pod's own)
// of a workload or Pod, where the type registry puts them (model/
// type_registry.h also says which kinds scale); nullptr when the object has
// none.
const Json* PodSpecOf(const std::string& kind, const Json& object);
const Json* PodLabelsOf(const std::string& kind, const Json& object);

// The element of `list` (an array of objects, may be null) whose `name` is
// `name`; nullptr when none.
const Json* Named(const Json* list, const std::string& name);

// Whether `value` holds something: present, not null, not an empty object,
// array or string.
bool Present(const Json* value);

// The objects the fault is about, as the run sees them: the fault scope at
// agent start (FaultScope) and whatever a member of it controls, through
// controller references, however late it was created (a new ReplicaSet of
// the faulty Deployment and its pods).
class ScopeTest {
 public:
  explicit ScopeTest(const ReplayResult& result);
  // `object` is `key` as addressed (may be null: then looked up at the end
  // and at the start of the run).
  bool Contains(const ObjectKey& key, const Json* object) const;

 private:
  const ReplayResult& result_;
  std::set<ObjectKey> scope_;
};

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_JUDGE_RULE_SUPPORT_H_
