#include "replay/kubectl/flag_fields.h"

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/patch.h"
#include "model/status_macros.h"
#include "replay/kubectl/grammar.h"

namespace kreplay {
namespace {

using Setter = absl::Status (*)(absl::string_view value, Operation& op);

// Which flag fills which field, on which commands (FlagSpec syntax).
struct FlagField {
  const char* flag;
  const char* commands;
  const char* except;  // commands where the flag means something else
  Setter set;
};

absl::Status SetBool(absl::string_view value, bool& field) {
  field = value == "true";
  return absl::OkStatus();
}

absl::Status SetNamespace(absl::string_view value, Operation& op) {
  op.ns = std::string(value);
  op.ns_explicit = true;
  return absl::OkStatus();
}

absl::Status SetDryRun(absl::string_view value, Operation& op) {
  KREPLAY_ASSIGN_OR_RETURN(op.dry_run, ParseDryRun(value));
  return absl::OkStatus();
}

absl::Status SetCascade(absl::string_view value, Operation& op) {
  KREPLAY_ASSIGN_OR_RETURN(op.cascade, ParseCascade(value));
  return absl::OkStatus();
}

absl::Status SetGracePeriod(absl::string_view value, Operation& op) {
  KREPLAY_ASSIGN_OR_RETURN(op.grace_period, ParseIntFlag("--grace-period", value));
  return absl::OkStatus();
}

absl::Status SetReplicas(absl::string_view value, Operation& op) {
  KREPLAY_ASSIGN_OR_RETURN(op.replicas, ParseIntFlag("--replicas", value));
  return absl::OkStatus();
}

absl::Status SetCurrentReplicas(absl::string_view value, Operation& op) {
  KREPLAY_ASSIGN_OR_RETURN(op.current_replicas, ParseIntFlag("--current-replicas", value));
  return absl::OkStatus();
}

absl::Status SetToRevision(absl::string_view value, Operation& op) {
  KREPLAY_ASSIGN_OR_RETURN(op.to_revision, ParseIntFlag("--to-revision", value));
  return absl::OkStatus();
}

absl::Status SetPatchType(absl::string_view value, Operation& op) {
  std::optional<PatchType> type = ParsePatchType(value);
  if (!type.has_value()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--type must be one of [json merge strategic], not \"", value, "\""));
  }
  op.patch_type = *type;
  return absl::OkStatus();
}

constexpr FlagField kFlagFields[] = {
    {"namespace", "*", "config set-context", SetNamespace},
    {"all-namespaces", "*", "",
     [](absl::string_view v, Operation& op) { return SetBool(v, op.all_namespaces); }},
    {"selector", "*", "expose,create poddisruptionbudget",
     [](absl::string_view v, Operation& op) {
       op.selector = std::string(v);
       return absl::OkStatus();
     }},
    {"field-selector", "*", "",
     [](absl::string_view v, Operation& op) {
       op.field_selector = std::string(v);
       return absl::OkStatus();
     }},
    {"all", "*", "", [](absl::string_view v, Operation& op) { return SetBool(v, op.all); }},
    {"dry-run", "*", "", SetDryRun},
    {"cascade", "*", "", SetCascade},
    {"grace-period", "*", "", SetGracePeriod},
    {"force", "*", "", [](absl::string_view v, Operation& op) { return SetBool(v, op.force); }},
    {"overwrite", "*", "",
     [](absl::string_view v, Operation& op) { return SetBool(v, op.overwrite); }},
    {"ignore-not-found", "*", "",
     [](absl::string_view v, Operation& op) { return SetBool(v, op.ignore_not_found); }},
    {"server-side", "*", "",
     [](absl::string_view v, Operation& op) { return SetBool(v, op.server_side); }},
    {"force-conflicts", "*", "",
     [](absl::string_view v, Operation& op) { return SetBool(v, op.force_conflicts); }},
    {"field-manager", "*", "",
     [](absl::string_view v, Operation& op) {
       op.field_manager = std::string(v);
       return absl::OkStatus();
     }},
    {"local", "*", "", [](absl::string_view v, Operation& op) { return SetBool(v, op.local); }},
    {"container", "*", "",
     [](absl::string_view v, Operation& op) {
       op.container = std::string(v);
       return absl::OkStatus();
     }},
    {"containers", "set *", "",
     [](absl::string_view v, Operation& op) {
       op.container = std::string(v);
       return absl::OkStatus();
     }},
    {"replicas", "scale", "", SetReplicas},
    {"current-replicas", "scale", "", SetCurrentReplicas},
    {"to-revision", "rollout undo", "", SetToRevision},
    {"subresource", "*", "",
     [](absl::string_view v, Operation& op) {
       op.subresource = std::string(v);
       return absl::OkStatus();
     }},
    {"type", "patch", "", SetPatchType},
};

bool AppliesTo(const FlagField& entry, absl::string_view command) {
  const ArgGrammar& grammar = KubectlGrammar();
  return CommandListMatches(entry.commands, command, grammar) &&
         !CommandListMatches(entry.except, command, grammar);
}

}  // namespace

absl::Status ApplyFlagFields(const KubectlCall& call, Operation& op) {
  for (const auto& [name, values] : call.args.flags) {
    op.flags[name] = absl::StrJoin(values, ",");
  }
  for (const FlagField& entry : kFlagFields) {
    const std::string* value = call.args.Last(entry.flag);
    if (value == nullptr || !AppliesTo(entry, call.args.command)) continue;
    KREPLAY_RETURN_IF_ERROR(entry.set(*value, op));
  }
  return absl::OkStatus();
}

absl::StatusOr<DryRun> ParseDryRun(absl::string_view word) {
  if (word == "" || word == "none" || word == "false") return DryRun::kNone;
  if (word == "client" || word == "true" || word == "unchanged") return DryRun::kClient;
  if (word == "server") return DryRun::kServer;
  return absl::InvalidArgumentError(absl::StrCat(
      "invalid --dry-run value \"", word, "\": expected none, client or server"));
}

absl::StatusOr<Cascade> ParseCascade(absl::string_view word) {
  if (word == "background" || word == "true") return Cascade::kBackground;
  if (word == "foreground") return Cascade::kForeground;
  if (word == "orphan" || word == "false") return Cascade::kOrphan;
  return absl::InvalidArgumentError(absl::StrCat(
      "invalid --cascade value \"", word, "\": expected background, foreground or orphan"));
}

absl::StatusOr<int64_t> ParseIntFlag(absl::string_view flag, absl::string_view word) {
  int64_t value = 0;
  if (!absl::SimpleAtoi(word, &value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid argument \"", word, "\" for \"", flag, "\": expected an integer"));
  }
  return value;
}

}  // namespace kreplay
