#include "cli/ledger_report.h"

#include <ostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/object_key.h"
#include "replay/ledger/ledger_reader.h"

namespace kreplay {
namespace {

const char* DryRunName(DryRun dry_run) {
  switch (dry_run) {
    case DryRun::kClient:
      return "client";
    case DryRun::kServer:
      return "server";
    case DryRun::kNone:
      break;
  }
  return "none";
}

// The objects a manifest-carrying operation names, else `Kind/ns/name` for
// each name, else the kind with its scope for a selection.
std::string TargetOf(const Operation& op) {
  std::string kind = op.kind.empty() ? op.resource : op.kind;
  std::vector<std::string> parts;
  for (const Json& manifest : op.manifests) {
    ObjectKey key = KeyOf(manifest);
    if (key.ns.empty()) key.ns = op.ns;
    parts.push_back(key.ToString());
  }
  if (parts.empty()) {
    for (const std::string& name : op.names) parts.push_back(ObjectKey{kind, op.ns, name}.ToString());
  }
  if (parts.empty() && !kind.empty()) {
    parts.push_back(op.ns.empty() ? kind : absl::StrCat(kind, " in ", op.ns));
  }
  return absl::StrJoin(parts, ", ");
}

std::vector<std::string> FlagsOf(const Operation& op) {
  std::vector<std::string> flags;
  if (!op.selector.empty()) flags.push_back(absl::StrCat("-l ", op.selector));
  if (!op.field_selector.empty()) flags.push_back("--field-selector " + op.field_selector);
  if (op.all) flags.push_back("--all");
  if (op.all_namespaces) flags.push_back("all namespaces");
  if (op.verb == Verb::kPatch) flags.push_back(PatchTypeName(op.patch_type));
  if (op.replicas) flags.push_back(absl::StrCat("replicas=", *op.replicas));
  if (op.dry_run != DryRun::kNone) flags.push_back(absl::StrCat("dry-run=", DryRunName(op.dry_run)));
  if (op.server_side) flags.push_back("server-side");
  if (op.force_conflicts) flags.push_back("force-conflicts");
  if (!op.field_manager.empty()) flags.push_back("manager=" + op.field_manager);
  if (op.force) flags.push_back("force");
  if (op.grace_period) flags.push_back(absl::StrCat("grace-period=", *op.grace_period));
  if (op.local) flags.push_back("local");
  return flags;
}

Json OperationJson(const Operation& op) {
  Json json = {{"verb", InfoOf(op.verb).name}, {"mutating", op.mutating()},
               {"kind", op.kind},           {"resource", op.resource},
               {"namespace", op.ns},        {"names", op.names},
               {"target", TargetOf(op)},    {"flags", FlagsOf(op)},
               {"source", op.source}};
  if (!op.problem.empty()) json["problem"] = op.problem;
  return json;
}

Json CallJson(const CheckedCall& checked) {
  const ToolCall& call = *checked.call;
  Json operations = Json::array();
  for (const Operation& op : checked.meaning.operations) operations.push_back(OperationJson(op));
  return {{"line", call.line},
          {"tool", call.tool},
          {"server", checked.server},
          {"known_tool", checked.meaning.known_tool},
          {"outcome", OutcomeStatusName(call.outcome.status)},
          {"operations", operations},
          {"problems", checked.meaning.problems}};
}

Json ProblemJson(const LedgerProblem& problem) {
  return {{"line", problem.line},
          {"field", problem.field},
          {"message", problem.Text()},
          {"fatal", problem.fatal()},
          {"info", IsInfoProblem(problem)}};
}

std::string Count(size_t n, const char* noun) {
  return absl::StrCat(n, " ", noun, n == 1 ? "" : "s");
}

bool CallUnderstood(const CheckedCall& checked) {
  if (!checked.meaning.known_tool || !checked.meaning.problems.empty()) return false;
  for (const Operation& op : checked.meaning.operations) {
    if (!op.problem.empty()) return false;
  }
  return true;
}

}  // namespace

std::string ProblemLine(const LedgerProblem& problem) {
  std::string where = problem.line > 0 ? absl::StrCat(problem.source, ":", problem.line, ": ")
                                       : absl::StrCat(problem.source, ": ");
  if (!problem.field.empty()) absl::StrAppend(&where, problem.field, ": ");
  const char* tag = problem.fatal() ? "skipped: " : (IsInfoProblem(problem) ? "" : "warning: ");
  return absl::StrCat(where, tag, problem.Text());
}

std::string DescribeOperation(const Operation& op) {
  std::string text = InfoOf(op.verb).name;
  std::string target = TargetOf(op);
  if (!target.empty()) absl::StrAppend(&text, " ", target);
  std::vector<std::string> flags = FlagsOf(op);
  if (!flags.empty()) absl::StrAppend(&text, " (", absl::StrJoin(flags, ", "), ")");
  return text;
}

LedgerCheck CheckLedger(const Ledger& ledger) {
  LedgerCheck check{&ledger, {}, true};
  for (const ToolCall& call : ledger.calls) {
    CheckedCall checked{&call, "", Interpret(call)};
    if (const ToolSpec* spec = FindTool(call.server, call.tool)) checked.server = spec->server;
    check.understood = check.understood && CallUnderstood(checked);
    check.calls.push_back(std::move(checked));
  }
  for (const LedgerProblem& problem : ledger.problems) {
    if (!IsInfoProblem(problem)) check.understood = false;
  }
  return check;
}

void WriteCheckText(const LedgerCheck& check, std::ostream& out) {
  const Ledger& ledger = *check.ledger;
  out << ledger.source << ": format " << ledger.format << ", " << Count(ledger.calls.size(), "call")
      << ", " << Count(ledger.problems.size(), "problem") << "\n";
  for (const CheckedCall& checked : check.calls) {
    const ToolCall& call = *checked.call;
    out << "line " << call.line << ": " << call.tool << " ["
        << (checked.server.empty() ? "unknown tool" : checked.server) << "] recorded "
        << OutcomeStatusName(call.outcome.status) << "\n";
    for (const Operation& op : checked.meaning.operations) {
      out << "    " << DescribeOperation(op) << "\n";
      if (!op.problem.empty()) out << "      not understood: " << op.problem << "\n";
    }
    for (const std::string& problem : checked.meaning.problems) {
      out << "    not understood: " << problem << "\n";
    }
  }
  for (const LedgerProblem& problem : ledger.problems) out << ProblemLine(problem) << "\n";
  out << (check.understood ? "everything understood\n" : "something was not understood\n");
}

Json CheckJson(const LedgerCheck& check) {
  Json calls = Json::array();
  for (const CheckedCall& checked : check.calls) calls.push_back(CallJson(checked));
  Json problems = Json::array();
  for (const LedgerProblem& problem : check.ledger->problems) {
    problems.push_back(ProblemJson(problem));
  }
  return {{"schema", "kreplay.ledger-check/v1"},
          {"source", check.ledger->source},
          {"format", check.ledger->format},
          {"understood", check.understood},
          {"calls", calls},
          {"problems", problems}};
}

}  // namespace kreplay
