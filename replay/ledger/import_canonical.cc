// kreplay's canonical JSONL (kreplay.ledger/v1), docs/ledger-formats.md.
#include <array>
#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "replay/ledger/import_fields.h"
#include "replay/ledger/importer.h"

namespace kreplay {
namespace {

constexpr absl::string_view kSchema = "kreplay.ledger/v1";
constexpr std::array<absl::string_view, 6> kCallKeys = {
    "tool", "args", "result", "time", "server", "id"};
constexpr std::array<absl::string_view, 5> kResultKeys = {
    "status", "output", "error", "exit_code", "response_object"};
constexpr std::array<absl::string_view, 6> kHeaderKeys = {
    "schema", "fixture", "agent", "model", "source_format", "description"};

struct StatusName {
  absl::string_view name;
  RecordedOutcome::Status status;
};
constexpr std::array<StatusName, 3> kStatuses = {{
    {"ok", RecordedOutcome::Status::kOk},
    {"error", RecordedOutcome::Status::kError},
    {"unknown", RecordedOutcome::Status::kUnknown},
}};

template <size_t N>
bool Contains(const std::array<absl::string_view, N>& keys,
              absl::string_view key) {
  for (absl::string_view known : keys) {
    if (known == key) return true;
  }
  return false;
}

template <size_t N>
void ReportUnknownKeys(const Json& object,
                       const std::array<absl::string_view, N>& known,
                       absl::string_view prefix, int line, ImportSink& sink) {
  for (const auto& [key, value] : object.items()) {
    if (Contains(known, key)) continue;
    sink.Problem(line, absl::StrCat(prefix, key), "unknown field (ignored)",
                 Severity::kWarning);
  }
}

bool ReadStatus(const Json& result, int line, ImportSink& sink,
                RecordedOutcome& outcome) {
  const Json* status = Find(result, "status");
  if (status == nullptr) return true;
  for (const StatusName& known : kStatuses) {
    if (status->is_string() && status->get<std::string>() == known.name) {
      outcome.status = known.status;
      return true;
    }
  }
  sink.Problem(line, "result.status", "expected \"ok\", \"error\" or \"unknown\"",
               Severity::kFatal);
  return false;
}

bool ReadResult(const Json& record, int line, ImportSink& sink,
                RecordedOutcome& outcome) {
  const Json* result = Find(record, "result");
  if (result == nullptr || result->is_null()) return true;
  if (!result->is_object()) {
    sink.Problem(line, "result", "expected an object", Severity::kFatal);
    return false;
  }
  if (!ReadStatus(*result, line, sink, outcome)) return false;
  outcome.output = StringField(*result, "output", line, sink, Severity::kWarning,
                               "result.").value_or("");
  outcome.error = StringField(*result, "error", line, sink, Severity::kWarning,
                              "result.").value_or("");
  if (const Json* code = Find(*result, "exit_code"); code && !code->is_null()) {
    if (code->is_number_integer()) {
      outcome.exit_code = code->get<int>();
    } else {
      sink.Problem(line, "result.exit_code", "expected an integer",
                   Severity::kWarning);
    }
  }
  if (const Json* object = Find(*result, "response_object")) {
    outcome.response_object = *object;
  }
  ReportUnknownKeys(*result, kResultKeys, "result.", line, sink);
  return true;
}

class CanonicalImporter : public Importer {
 public:
  void Add(const Record& record, ImportSink& sink) override {
    bool first = !seen_record_;
    seen_record_ = true;
    if (!RequireObject(record, sink)) return;
    if (record.value.contains("schema")) return AddHeader(record, first, sink);
    AddCall(record, sink);
  }

 private:
  void AddHeader(const Record& record, bool first, ImportSink& sink) {
    if (!first) {
      sink.Problem(record.line, "schema",
                   "a header is allowed only on the first line (ignored)",
                   Severity::kWarning);
      return;
    }
    if (GetString(record.value, "schema") != kSchema) {
      sink.Problem(record.line, "schema",
                   absl::StrCat("expected \"", kSchema, "\""), Severity::kFatal);
    }
    ReportUnknownKeys(record.value, kHeaderKeys, "", record.line, sink);
    if (std::optional<std::string> fixture =
            StringField(record.value, "fixture", record.line, sink, Severity::kWarning, "")) {
      sink.SetFixture(*fixture);
    }
  }

  void AddCall(const Record& record, ImportSink& sink) {
    const Json& value = record.value;
    ToolCall call;
    call.line = record.line;
    std::optional<std::string> tool = RequiredName(value, "tool", record.line, sink);
    if (!tool) return;
    call.tool = *tool;
    if (const Json* args = Find(value, "args"); args && !args->is_null()) {
      if (!args->is_object()) {
        sink.Problem(record.line, "args",
                     absl::StrCat("expected an object, got ", args->type_name()),
                     Severity::kFatal);
        return;
      }
      call.args = *args;
    }
    if (!ReadResult(value, record.line, sink, call.outcome)) return;
    call.server = StringField(value, "server", record.line, sink,
                              Severity::kWarning).value_or("");
    call.time = StringField(value, "time", record.line, sink,
                            Severity::kWarning).value_or("");
    std::ignore = StringField(value, "id", record.line, sink, Severity::kWarning);
    ReportUnknownKeys(value, kCallKeys, "", record.line, sink);
    sink.Add(std::move(call));
  }

  bool seen_record_ = false;
};

}  // namespace

bool LooksCanonical(const Json& record) {
  if (!record.is_object()) return false;
  if (absl::StartsWith(GetString(record, "schema"), "kreplay.ledger/")) {
    return true;
  }
  if (!record.contains("tool") || !record["tool"].is_string()) return false;
  for (const auto& [key, value] : record.items()) {
    if (!Contains(kCallKeys, key)) return false;
  }
  const Json* result = Find(record, "result");
  return result == nullptr || result->is_object();
}

std::unique_ptr<Importer> MakeCanonicalImporter() {
  return std::make_unique<CanonicalImporter>();
}

}  // namespace kreplay
