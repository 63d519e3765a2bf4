#include "replay/whatif/safety_gates.h"

#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kreplay {
namespace {

enum class GateType { kBool, kInt };

struct GateField {
  const char* name;
  GateType type;
};

constexpr GateField kGates[] = {
    {"dry_run_default", GateType::kBool},      {"max_patch_keys", GateType::kInt},
    {"allow_direct_deletion", GateType::kBool}, {"require_grace_period", GateType::kBool},
    {"force_full_replace_allowed", GateType::kBool},
};

int64_t Leaves(const Json& value) {
  if (!value.is_object()) return 1;
  int64_t n = 0;
  for (const auto& [key, child] : value.items()) {
    if (!absl::StartsWith(key, "$")) n += Leaves(child);
  }
  return n;
}

absl::Status Error(const FieldPositions& positions, const std::string& source,
                   const std::string& field, const std::string& what) {
  TextPosition at = PositionOfField(positions, "/mcp_server/safety_gates/" + field);
  return absl::InvalidArgumentError(
      absl::StrCat(source, ":", at.line, ": mcp_server.safety_gates.", field, ": ", what));
}

std::string What(const Operation& op) {
  std::string out = absl::StrCat("`", InfoOf(op.verb).name);
  const std::string& kind = op.kind.empty() ? op.resource : op.kind;
  if (!kind.empty()) absl::StrAppend(&out, " ", kind);
  if (!op.names.empty()) absl::StrAppend(&out, " ", absl::StrJoin(op.names, ","));
  return out + "`";
}

}  // namespace

int64_t PatchKeyCount(const Operation& op) {
  if (op.patch_type == PatchType::kJson) return op.patch.is_array() ? op.patch.size() : 1;
  return Leaves(op.patch);
}

absl::StatusOr<SafetyGates> ReadSafetyGates(const Json& doc, const FieldPositions& positions,
                                            const std::string& source) {
  SafetyGates g;
  Json gates = doc.at("mcp_server").value("safety_gates", Json::object());
  if (!gates.is_object()) return Error(positions, source, "", "want a mapping");
  std::set<std::string> known;
  for (const GateField& f : kGates) known.insert(f.name);
  for (const auto& [key, value] : gates.items()) {
    const GateField* field = nullptr;
    for (const GateField& f : kGates) {
      if (key == f.name) field = &f;
    }
    if (field == nullptr) {
      return Error(positions, source, key,
                   absl::StrCat("unknown gate (known: ", absl::StrJoin(known, ", "), ")"));
    }
    bool ok = field->type == GateType::kBool ? value.is_boolean() : value.is_number_integer();
    if (!ok) {
      return Error(positions, source, key,
                   field->type == GateType::kBool ? "want true or false" : "want an integer");
    }
  }
  g.dry_run_default = gates.value("dry_run_default", false);
  if (gates.contains("max_patch_keys")) g.max_patch_keys = gates["max_patch_keys"].get<int64_t>();
  g.allow_direct_deletion = gates.value("allow_direct_deletion", true);
  g.require_grace_period = gates.value("require_grace_period", false);
  g.force_full_replace_allowed = gates.value("force_full_replace_allowed", true);
  return g;
}

std::optional<GateStop> GateStopOf(const SafetyGates& g, const Operation& op) {
  if (!op.mutating()) return std::nullopt;
  if (op.verb == Verb::kDelete && !g.allow_direct_deletion) {
    return GateStop{"refused", absl::StrCat("allow_direct_deletion: false refuses ", What(op))};
  }
  if (op.verb == Verb::kDelete && g.require_grace_period &&
      (op.force || (op.grace_period && *op.grace_period == 0))) {
    return GateStop{"refused", absl::StrCat("require_grace_period: true refuses ", What(op),
                                            " without a grace period")};
  }
  if ((op.verb == Verb::kReplace || op.verb == Verb::kApply) && op.force &&
      !g.force_full_replace_allowed) {
    return GateStop{"refused", absl::StrCat("force_full_replace_allowed: false refuses ", What(op),
                                            " --force")};
  }
  if (op.verb == Verb::kPatch && g.max_patch_keys && PatchKeyCount(op) > *g.max_patch_keys) {
    return GateStop{"refused", absl::StrCat("max_patch_keys: ", *g.max_patch_keys, " refuses ",
                                            What(op), ", which sets ", PatchKeyCount(op), " keys")};
  }
  if (g.dry_run_default && op.dry_run == DryRun::kNone) {
    return GateStop{"dry-run", absl::StrCat("dry_run_default: true sends ", What(op),
                                            " as a dry run: nothing is persisted")};
  }
  return std::nullopt;
}

}  // namespace kreplay
