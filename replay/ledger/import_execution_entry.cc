// The ExecutionEntry ledger of an instrumented MCP server
// (docs/ledger-formats.md: {tool, input, output, timestamp ms, safetyFlags,
// traceId}), as JSONL or as one JSON array.
#include <array>
#include <memory>
#include <string>

#include "replay/ledger/import_fields.h"
#include "replay/ledger/importer.h"

namespace kreplay {
namespace {

constexpr std::array<absl::string_view, 6> kFailedStatuses = {
    "error", "failed", "failure", "denied", "rejected", "refused"};

bool IsFailedStatus(const std::string& status) {
  for (absl::string_view failed : kFailedStatuses) {
    if (status == failed) return true;
  }
  return false;
}

RecordedOutcome OutcomeOf(const Json* output) {
  RecordedOutcome outcome;
  if (output == nullptr || output->is_null()) return outcome;
  outcome.output = output->is_string() ? output->get<std::string>()
                                       : Compact(*output);
  std::string error = GetString(*output, "error");
  bool failed = !error.empty() || GetBool(*output, "isError") ||
                IsFailedStatus(GetString(*output, "status"));
  outcome.status = failed ? RecordedOutcome::Status::kError
                          : RecordedOutcome::Status::kOk;
  outcome.error = failed && error.empty() ? outcome.output : error;
  return outcome;
}

std::string TimeOf(const Json* timestamp, int line, ImportSink& sink) {
  if (timestamp == nullptr) return "";
  if (timestamp->is_number()) {
    return TimeFromMillisField(*timestamp, line, "timestamp", sink).value_or("");
  }
  return timestamp->is_string() ? timestamp->get<std::string>() : "";
}

class ExecutionEntryImporter : public Importer {
 public:
  void Add(const Record& record, ImportSink& sink) override {
    std::optional<ToolCall> flat = FlatToolCall(record, "input", sink);
    if (!flat) return;
    const Json& value = record.value;
    ToolCall call = *std::move(flat);
    call.server = "execution-entry";
    call.outcome = OutcomeOf(Find(value, "output"));
    call.time = TimeOf(Find(value, "timestamp"), record.line, sink);
    sink.Add(std::move(call));
  }
};

}  // namespace

bool LooksExecutionEntry(const Json& record) {
  return record.is_object() && record.contains("tool") &&
         (record.contains("input") || record.contains("safetyFlags") ||
          record.contains("traceId"));
}

std::unique_ptr<Importer> MakeExecutionEntryImporter() {
  return std::make_unique<ExecutionEntryImporter>();
}

}  // namespace kreplay
