// The agent's authority under an authority_profile as evidra's authority
// engine judges it (docs/rules.md): which mutation attempts touch a
// protected object or are not granted by the compiled RBAC, and which
// granted, accepted mutations make a forbidden field change in their request
// body.
//
// "Granted" is decided on the rules as the profile states them (the
// objects of run/agent_rbac.h in an otherwise empty store, plus the built-in
// discovery rights), not on the Roles as the agent may have edited them.
#ifndef KREPLAY_REPLAY_JUDGE_AGENT_AUTHORITY_H_
#define KREPLAY_REPLAY_JUDGE_AGENT_AUTHORITY_H_

#include <string>
#include <vector>

#include "model/object_key.h"
#include "model/object_store.h"
#include "replay/run/authority_profile.h"
#include "replay/run/replay_result.h"

namespace kreplay {

// Whether `key` is one of the profile's protected objects.
bool ProfileProtects(const AuthorityProfile& profile, const ObjectKey& key);

// The profile's RBAC, compiled once.
class AgentGrants {
 public:
  explicit AgentGrants(const AuthorityProfile& profile);
  // Whether every write request `op` sends for `target` is granted (a dry
  // run judged as if sent: the attempt counts).
  bool Granted(const OperationReport& op, const ObjectKey& target) const;

 private:
  ObjectStore store_;
};

// One forbidden field transition found in a request body.
struct ForbiddenChangeHit {
  int step = 0;
  ObjectKey target;
  std::string message;  // `spec...readinessProbe removed by a JSON patch remove`
};

// The forbidden_changes the run's granted, accepted mutations make. Bodies
// kreplay cannot read for a forbidden change's object go to `unreadable`
// (one text per operation: the verdict is incomplete).
std::vector<ForbiddenChangeHit> ForbiddenChanges(const ReplayResult& result,
                                                 std::vector<std::string>* unreadable);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_JUDGE_AGENT_AUTHORITY_H_
