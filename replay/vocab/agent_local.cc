// Tools of the agent itself that never reach the cluster: Claude Code's
// built-ins (files, search, web, planning, subagents) and evidra-bench's
// bookkeeping tools (prescribe/report). They are kept in the ledger as
// `local` reads so that a run using them is not "incomplete"; note that a
// file written with Write/Edit and later applied with `kubectl apply -f`
// through Bash is not linked to that apply.
#include "replay/vocab/args.h"
#include "replay/vocab/tables.h"

namespace kreplay {
namespace {

void Local(const ToolCall& call, Interpretation& out) { AddLocal(call, out); }

constexpr ToolSpec kTools[] = {
    {"Read", "agent", true, &Local},          {"Write", "agent", true, &Local},
    {"Edit", "agent", true, &Local},          {"MultiEdit", "agent", true, &Local},
    {"NotebookEdit", "agent", true, &Local},  {"Glob", "agent", true, &Local},
    {"Grep", "agent", true, &Local},          {"LS", "agent", true, &Local},
    {"TodoWrite", "agent", true, &Local},     {"TodoRead", "agent", true, &Local},
    {"WebFetch", "agent", true, &Local},      {"WebSearch", "agent", true, &Local},
    {"Task", "agent", true, &Local},          {"BashOutput", "agent", true, &Local},
    {"KillShell", "agent", true, &Local},     {"KillBash", "agent", true, &Local},
    {"ExitPlanMode", "agent", true, &Local},  {"SlashCommand", "agent", true, &Local},
    {"evidra_prescribe", "agent", true, &Local}, {"evidra_report", "agent", true, &Local},
    {"prescribe", "agent", true, &Local},     {"report", "agent", true, &Local},
    {"get_event", "agent", true, &Local},
};

}  // namespace

absl::Span<const ToolSpec> AgentLocalTools() { return kTools; }

}  // namespace kreplay
