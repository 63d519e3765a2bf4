#include "replay/ledger/ledger_writer.h"

#include <ostream>

#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

Json ResultOf(const RecordedOutcome& outcome) {
  Json result = {{"status", OutcomeStatusName(outcome.status)}};
  if (!outcome.output.empty()) result["output"] = outcome.output;
  if (!outcome.error.empty()) result["error"] = outcome.error;
  if (outcome.exit_code) result["exit_code"] = *outcome.exit_code;
  if (!outcome.response_object.is_null()) {
    result["response_object"] = outcome.response_object;
  }
  return result;
}

}  // namespace

Json CanonicalRecord(const ToolCall& call, const std::string& format) {
  Json record = {{"tool", call.tool}, {"args", call.args}};
  if (!call.server.empty()) record["server"] = call.server;
  record["result"] = ResultOf(call.outcome);
  if (!call.time.empty()) record["time"] = call.time;
  record["id"] = absl::StrCat(format, ":", call.line);
  return record;
}

void WriteCanonicalLedger(const Ledger& ledger, std::ostream& out) {
  Json header = {{"schema", "kreplay.ledger/v1"}, {"source_format", ledger.format}};
  out << Compact(header) << '\n';
  for (const ToolCall& call : ledger.calls) {
    out << Compact(CanonicalRecord(call, ledger.format)) << '\n';
  }
}

}  // namespace kreplay
