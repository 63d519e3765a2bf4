// Resolving pod names from a recording to the simulated pods they must mean.
//
// A live cluster names pods `<replicaset>-<5 random characters>` and
// ReplicaSets `<deployment>-<hash>`; kreplay's names differ. When a ledger
// deletes `web-649bf8d897-2265d`, the alias table maps it to a pod of the
// same owner: the recorded hash maps to one of the Deployment's ReplicaSets
// (the newest with pods first, then older ones, in the order hashes are first
// seen), and recorded names map, in the order they are first seen, to that
// ReplicaSet's pods in name order. Mappings are kept for the whole run and
// reported (docs/concepts.md, Determinism). A mutation naming several pods resolves each name
// as its own request runs (Requests(), replay/exec/executor.h), after the
// ReplicaSet replaced the pods before it, as separate calls would.
#ifndef KREPLAY_REPLAY_EXEC_POD_ALIASES_H_
#define KREPLAY_REPLAY_EXEC_POD_ALIASES_H_

#include <map>
#include <string>

#include "sim/cluster.h"

namespace kreplay {

class PodAliases {
 public:
  // The simulated pod name for `recorded` in `ns`: itself when such a pod
  // exists, else its alias (made now if possible), else `recorded` unchanged.
  std::string Resolve(const Cluster& cluster, const std::string& ns,
                      const std::string& recorded);

  // Every alias made so far: "ns/recorded" -> simulated name.
  const std::map<std::string, std::string>& mapping() const { return mapping_; }

 private:
  std::string Assign(const Cluster& cluster, const std::string& ns,
                     const std::string& deployment, const std::string& hash);
  std::map<std::string, std::string> mapping_;
  std::map<std::string, std::string> rs_for_hash_;  // "ns/deploy/hash" -> ReplicaSet
};

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_EXEC_POD_ALIASES_H_
