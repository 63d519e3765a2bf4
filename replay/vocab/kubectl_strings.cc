// Tools whose argument is a shell command line: evidra-bench's run_command,
// alexei-led/k8s-mcp-server's execute_kubectl / execute_helm, Azure
// aks-mcp's call_kubectl / call_helm (and its legacy kubectl_* tools with
// {operation, resource, args}), Claude Code's Bash, kagent's shell. The text
// goes through the command-line interpreter (pipes, &&, heredocs, quoting);
// tools that run one program take the command with or without the program
// name, as their servers do.
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "replay/vocab/args.h"
#include "replay/vocab/tables.h"

namespace kreplay {
namespace {

// `get pods` -> `kubectl get pods`; `kubectl get pods` unchanged.
std::string WithProgram(const std::string& program, const std::string& text) {
  absl::string_view trimmed = absl::StripLeadingAsciiWhitespace(text);
  if (absl::StartsWith(trimmed, program + " ") || trimmed == program) return text;
  return absl::StrCat(program, " ", trimmed);
}

// The command line must be one string: an array (`["kubectl", "delete",
// ...]`) is not what these servers accept, and reading it as an empty line
// would make the call vanish; it is a problem that leaves the call
// uninterpreted.
bool CommandIsText(const ToolCall& call, Interpretation& out) {
  auto it = call.args.find("command");
  if (it == call.args.end() || it->is_string() || it->is_null()) return true;
  Operation op = TargetOp(Verb::kUnknown, "", "", "", call);
  op.problem = absl::StrCat("argument \"command\": expected a string, got ", it->type_name());
  out.operations.push_back(std::move(op));
  return false;
}

void Shell(const ToolCall& call, Interpretation& out) {
  if (!CommandIsText(call, out)) return;
  if (!HasRequired(call, Verb::kUnknown, {"command"}, out)) return;
  AddCommandLine(ArgString(call.args, "command"), call, out);
}

void Kubectl(const ToolCall& call, Interpretation& out) {
  if (!CommandIsText(call, out)) return;
  if (!HasRequired(call, Verb::kUnknown, {"command"}, out)) return;
  AddCommandLine(WithProgram("kubectl", ArgString(call.args, "command")), call, out);
}

void Helm(const ToolCall& call, Interpretation& out) {
  if (!CommandIsText(call, out)) return;
  if (!HasRequired(call, Verb::kUnknown, {"command"}, out)) return;
  AddCommandLine(WithProgram("helm", ArgString(call.args, "command")), call, out);
}

// Azure legacy tools: operation='patch', resource='pod', args='web --type=json -p ...'.
void AzureLegacy(const ToolCall& call, Interpretation& out) {
  if (!HasRequired(call, Verb::kUnknown, {"operation"}, out)) return;
  std::string text = absl::StrCat("kubectl ", ArgString(call.args, "operation"), " ",
                                  ArgString(call.args, "resource"), " ",
                                  ArgString(call.args, "args"));
  AddCommandLine(text, call, out);
}

constexpr ToolSpec kTools[] = {
    {"run_command", "kubectl", false, &Shell},
    {"Bash", "kubectl", false, &Shell},
    {"bash", "kubectl", false, &Shell},
    {"shell", "kubectl", false, &Shell},
    {"execute_kubectl", "kubectl", false, &Kubectl},
    {"call_kubectl", "kubectl", false, &Kubectl},
    {"kubectl", "kubectl", false, &Kubectl},
    {"execute_helm", "kubectl", false, &Helm},
    {"call_helm", "kubectl", false, &Helm},
    {"kubectl_resources", "kubectl", false, &AzureLegacy},
    {"kubectl_workloads", "kubectl", false, &AzureLegacy},
    {"kubectl_metadata", "kubectl", false, &AzureLegacy},
    {"kubectl_diagnostics", "kubectl", false, &AzureLegacy},
    {"kubectl_cluster", "kubectl", false, &AzureLegacy},
    {"kubectl_config", "kubectl", false, &AzureLegacy},
};

}  // namespace

absl::Span<const ToolSpec> KubectlStringTools() { return kTools; }

}  // namespace kreplay
