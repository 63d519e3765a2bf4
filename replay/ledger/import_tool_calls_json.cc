// evidra-bench tool-calls.json: a JSON array of {tool, args, result,
// timestamp}, where result is the tool's whole text (docs/ledger-formats.md,
// tool-calls). JSONL with the same objects is accepted too.
#include <memory>
#include <string>

#include "replay/ledger/import_fields.h"
#include "replay/ledger/importer.h"

namespace kreplay {
namespace {

RecordedOutcome OutcomeOf(const Json* result) {
  if (result == nullptr || result->is_null()) return RecordedOutcome{};
  return OutcomeFromText(result->is_string() ? result->get<std::string>()
                                             : Compact(*result));
}

class ToolCallsImporter : public Importer {
 public:
  void Add(const Record& record, ImportSink& sink) override {
    std::optional<ToolCall> flat = FlatToolCall(record, "args", sink);
    if (!flat) return;
    const Json& value = record.value;
    ToolCall call = *std::move(flat);
    call.outcome = OutcomeOf(Find(value, "result"));
    call.time = StringField(value, "timestamp", record.line, sink,
                            Severity::kWarning).value_or("");
    sink.Add(std::move(call));
  }
};

}  // namespace

bool LooksToolCalls(const Json& record) {
  if (!record.is_object() || !record.contains("tool")) return false;
  const Json* result = Find(record, "result");
  return (result != nullptr && result->is_string()) ||
         record.contains("timestamp");
}

std::unique_ptr<Importer> MakeToolCallsImporter() {
  return std::make_unique<ToolCallsImporter>();
}

}  // namespace kreplay
