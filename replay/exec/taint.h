// `kubectl taint nodes`: the edit kubectl makes to a node's spec.taints
// (pkg/cmd/taint/taint.go and utils.go), for the edit handler
// (replay/exec/edit.cc).
//
// The operation's pairs (replay/kubectl/pair_builders.cc) hold the taint
// specs: `KEY:EFFECT` to a value adds or replaces that taint, `KEY:EFFECT`
// to nothing removes it (`KEY:EFFECT-`), `KEY` to nothing removes every
// taint of the key (`KEY-`). As kubectl's reorganizeTaints, the new taints
// come first, then the node's other taints in their order; a NoExecute
// taint gets timeAdded.
#ifndef KREPLAY_REPLAY_EXEC_TAINT_H_
#define KREPLAY_REPLAY_EXEC_TAINT_H_

#include <string>

#include "absl/status/status.h"
#include "model/json.h"
#include "replay/exec/operation.h"

namespace kreplay {

// Edits `node`'s spec.taints as the operation says, at time `now`.
// Errors: InvalidArgument with kubectl's texts: `node N already has KEY
// taint(s) with same effect(s) and --overwrite is false`, `taint "KEY:EFFECT"
// not found`, and `error: taint is only applicable to nodes` for another
// kind.
absl::Status TaintNode(Json& node, const Operation& op, const std::string& now);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_EXEC_TAINT_H_
