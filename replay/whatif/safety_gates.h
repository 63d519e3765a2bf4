// The safety gates of a `k8s-mcp-safety-config.yaml` (an MCP server wrapper
// configuration published in a tutorial: `mcp_server.safety_gates` with
// dry_run_default, max_patch_keys, allow_direct_deletion,
// require_grace_period, force_full_replace_allowed), read as a guardrail
// policy for `kreplay whatif --policy FILE` (docs/whatif.md, "Safety-gate
// files"). No server's source defines these gates; each one's reading is
// kreplay's and is documented there.
#ifndef KREPLAY_REPLAY_WHATIF_SAFETY_GATES_H_
#define KREPLAY_REPLAY_WHATIF_SAFETY_GATES_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "model/json.h"
#include "model/yaml_reader.h"
#include "replay/exec/operation.h"

namespace kreplay {

struct SafetyGates {
  bool dry_run_default = false;          // mutations go out as dry runs unless they say so
  std::optional<int64_t> max_patch_keys;  // a patch may set at most this many fields
  bool allow_direct_deletion = true;     // false: deletes are refused
  bool require_grace_period = false;     // true: deletes with --grace-period=0 or --force are refused
  bool force_full_replace_allowed = true;  // false: replace --force and apply --force are refused
};

// Reads `doc["mcp_server"]["safety_gates"]`. Errors: InvalidArgument
// "<source>:<line>: <field>: <what>" for an unknown gate or a value of the
// wrong type. The other sections of `mcp_server` are not guardrails on a
// call and are ignored.
absl::StatusOr<SafetyGates> ReadSafetyGates(const Json& doc, const FieldPositions& positions,
                                            const std::string& source);

// Why `gates` stop `op`: {how, reason} ("refused" or "dry-run"); nullopt
// when they let it through.
struct GateStop {
  std::string how;
  std::string reason;
};
std::optional<GateStop> GateStopOf(const SafetyGates& gates, const Operation& op);

// The number of fields a patch sets: leaf values of a merge or strategic
// patch (directive keys `$patch`, `$retainKeys`, ... not counted), operations
// of a JSON patch.
int64_t PatchKeyCount(const Operation& op);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_WHATIF_SAFETY_GATES_H_
