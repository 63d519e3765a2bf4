#include "replay/whatif/policy.h"

#include <fnmatch.h>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "replay/vocab/vocabulary.h"
#include "replay/whatif/tool_equivalents.h"

namespace kreplay {
namespace {

bool Glob(const std::string& pattern, const std::string& value) {
  return fnmatch(pattern.c_str(), value.c_str(), 0) == 0;
}

bool AnyGlob(const std::vector<std::string>& patterns, const std::string& value) {
  if (patterns.empty()) return true;
  for (const std::string& p : patterns) {
    if (Glob(p, value)) return true;
  }
  return false;
}

std::string KindOf(const Operation& op) { return op.kind.empty() ? op.resource : op.kind; }

std::string NamespaceOf(const Operation& op) { return op.ns.empty() ? "default" : op.ns; }

bool Matches(const GuardRule& rule, const Operation& op) {
  if (!AnyGlob(rule.verbs, InfoOf(op.verb).name)) return false;
  std::string kind = absl::AsciiStrToLower(KindOf(op));
  std::vector<std::string> kinds;
  for (const std::string& k : rule.kinds) kinds.push_back(absl::AsciiStrToLower(k));
  if (!AnyGlob(kinds, kind)) return false;
  if (!AnyGlob(rule.namespaces, NamespaceOf(op))) return false;
  if (rule.names.empty() || op.names.empty()) return true;  // by selector or --all: any name
  for (const std::string& name : op.names) {
    if (AnyGlob(rule.names, name)) return true;
  }
  return false;
}

std::string Describe(const Operation& op) {
  std::string text = absl::StrCat("`", InfoOf(op.verb).name);
  if (!KindOf(op).empty()) absl::StrAppend(&text, " ", KindOf(op));
  if (!op.names.empty()) absl::StrAppend(&text, " ", absl::StrJoin(op.names, ","));
  return absl::StrCat(text, "`");
}

GuardDecision Refused(std::string reason) { return GuardDecision{true, "refused", std::move(reason)}; }

GuardDecision ByAction(const Policy& policy, GuardAction action, const std::string& where,
                        const Operation& op) {
  std::string by = where.empty() ? policy.name : absl::StrCat(policy.name, " (", where, ")");
  switch (action) {
    case GuardAction::kAllow: return {};
    case GuardAction::kDeny: return Refused(absl::StrCat(by, " denies ", Describe(op)));
    case GuardAction::kRequireDryRun:
      if (op.dry_run != DryRun::kNone || !op.mutating()) return {};
      return Refused(absl::StrCat(by, " requires a dry run for ", Describe(op)));
    case GuardAction::kRequireApproval:
      return Refused(absl::StrCat(by, " requires a human approval for ", Describe(op),
                                  "; an unattended replay has none"));
  }
  return {};
}

GuardDecision ByRules(const Policy& policy, const Operation& op) {
  for (const GuardRule& rule : policy.rules) {
    if (Matches(rule, op)) return ByAction(policy, rule.action, rule.where, op);
  }
  return ByAction(policy, policy.default_action, "default", op);
}

GuardDecision ByCommands(const Policy& policy, const Operation& op) {
  if (!policy.allowed_commands) return {};
  std::string command = CommandWordOf(op.verb);
  if (policy.allowed_commands->count(command) > 0) return {};
  return Refused(absl::StrCat(policy.name, " does not allow `kubectl ", command, "` (", Describe(op),
                              ")"));
}

GuardDecision ByMode(const ToolMode& mode, const Operation& op) {
  std::optional<std::string> tool = EquivalentTool(mode.server, op);
  if (!tool) {
    return GuardDecision{true, "hidden", absl::StrCat("no ", mode.server, " tool carries ",
                                                       Describe(op))};
  }
  if (mode.hidden.count(*tool) == 0) return {};
  return GuardDecision{true, "hidden", absl::StrCat(mode.flag, " hides ", *tool, ", the ",
                                                     mode.server, " tool for ", Describe(op))};
}

std::string ServerOf(const ToolCall& call) {
  if (!call.server.empty()) return call.server;
  const ToolSpec* spec = FindTool("", call.tool);
  return spec == nullptr ? "" : spec->server;
}

}  // namespace

const char* GuardActionName(GuardAction action) {
  switch (action) {
    case GuardAction::kAllow: return "allow";
    case GuardAction::kDeny: return "deny";
    case GuardAction::kRequireDryRun: return "require-dry-run";
    case GuardAction::kRequireApproval: return "require-approval";
  }
  return "allow";
}

GuardDecision Decide(const Policy& policy, const ToolCall& call) {
  // A call of the mode's server by one of its current tools is decided by
  // the tool's name; any other call by the tool that would carry each op.
  bool by_name = policy.mode && ServerOf(call) == policy.mode->server &&
                 policy.mode->current.count(call.tool) > 0;
  if (by_name && policy.mode->hidden.count(call.tool) > 0) {
    return GuardDecision{true, "hidden", absl::StrCat(policy.mode->flag, " hides ", call.tool)};
  }
  for (const Operation& op : Interpret(call).operations) {
    if (op.verb == Verb::kLocal) continue;  // never reaches the cluster
    if (policy.mode && !by_name) {
      if (GuardDecision d = ByMode(*policy.mode, op); d.prevented) return d;
    }
    if (GuardDecision d = ByCommands(policy, op); d.prevented) return d;
    if (policy.gates) {
      if (std::optional<GateStop> stop = GateStopOf(*policy.gates, op)) {
        return GuardDecision{true, stop->how, absl::StrCat(policy.name, ": ", stop->reason)};
      }
    }
    if (GuardDecision d = ByRules(policy, op); d.prevented) return d;
  }
  return {};
}

GuardDecision DecideAll(const std::vector<Policy>& policies, const ToolCall& call, size_t* by) {
  for (size_t i = 0; i < policies.size(); ++i) {
    GuardDecision d = Decide(policies[i], call);
    if (!d.prevented) continue;
    if (by != nullptr) *by = i;
    return d;
  }
  return {};
}

}  // namespace kreplay
