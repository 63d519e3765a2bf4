// MCP JSON-RPC 2.0 logs (docs/ledger-formats.md, mcp-jsonrpc): tools/call
// requests paired with their responses by id. Both failure channels count:
// a JSON-RPC `error` (Flux159 reports almost every failure this way) and a
// result with `isError: true` (containers/kubernetes-mcp-server).
#include <map>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "replay/ledger/import_fields.h"
#include "replay/ledger/importer.h"

namespace kreplay {
namespace {

constexpr absl::string_view kToolsCall = "tools/call";

// Flux159's kubectl_scale reports failure as a normal result whose text is
// {"success":false,"message":...}.
bool ReportsNoSuccess(const std::string& text) {
  Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  return parsed.is_object() && parsed.contains("success") &&
         parsed["success"].is_boolean() && !parsed["success"].get<bool>();
}

RecordedOutcome OutcomeOfResponse(const Json& response) {
  RecordedOutcome outcome;
  if (const Json* error = Find(response, "error"); error && !error->is_null()) {
    outcome.status = RecordedOutcome::Status::kError;
    outcome.error = GetString(*error, "message", Compact(*error));
    if (const Json* code = Find(*error, "code")) {
      absl::StrAppend(&outcome.error, " (code ", Compact(*code), ")");
    }
    return outcome;
  }
  const Json* result = Find(response, "result");
  if (result == nullptr || !result->is_object()) return outcome;
  const Json* content = Find(*result, "content");
  const Json* structured = Find(*result, "structuredContent");
  outcome.output = content ? ContentText(*content)
                           : (structured ? Compact(*structured) : "");
  bool failed = GetBool(*result, "isError") || ReportsNoSuccess(outcome.output);
  outcome.status = failed ? RecordedOutcome::Status::kError
                          : RecordedOutcome::Status::kOk;
  if (failed) outcome.error = outcome.output;
  return outcome;
}

bool IsMessage(const Json& record) {
  return record.contains("jsonrpc") || record.contains("method") ||
         record.contains("result") || record.contains("error");
}

// A message may come wrapped by a logger ({"direction":..,"message":{..}}).
const Json& Unwrap(const Json& record) {
  if (IsMessage(record)) return record;
  const Json* inner = Find(record, "message");
  return inner && inner->is_object() ? *inner : record;
}

// When a logging proxy saw the message: the envelope's `timestamp` or `time`
// (RFC 3339 text, or Unix milliseconds). JSON-RPC itself carries no time,
// and without one a call cannot be ordered against the fixture's chaos
// events or stamp what it changed (a rollout restart's restartedAt).
std::string EnvelopeTime(const Json& record, int line, ImportSink& sink) {
  if (IsMessage(record)) return "";
  for (const char* key : {"timestamp", "time"}) {
    const Json* value = Find(record, key);
    if (value == nullptr) continue;
    if (value->is_string()) return value->get<std::string>();
    if (value->is_number()) return TimeFromMillisField(*value, line, key, sink).value_or("");
  }
  return "";
}

class McpJsonRpcImporter : public Importer {
 public:
  void Add(const Record& record, ImportSink& sink) override {
    if (record.value.is_array()) {
      for (const Json& message : record.value) AddMessage(record.line, message, sink);
      return;
    }
    AddMessage(record.line, record.value, sink);
  }

  void Finish(ImportSink& sink) override {
    for (const auto& [index, id] : InCallOrder(pending_)) {
      sink.Problem(sink.call(index).line, "id",
                   absl::StrCat("tools/call ", id, " has no response (outcome unknown)"),
                   Severity::kWarning);
    }
    if (!ignored_.empty()) {
      std::vector<std::string> parts;
      for (const auto& [what, count] : ignored_) {
        parts.push_back(absl::StrCat(what, " x", count));
      }
      sink.Problem(0, "", absl::StrCat("ignored messages: ", absl::StrJoin(parts, ", ")),
                   Severity::kInfo);
    }
  }

 private:
  void AddMessage(int line, const Json& raw, ImportSink& sink) {
    if (!raw.is_object()) {
      sink.Problem(line, "", "expected a JSON-RPC message object", Severity::kFatal);
      return;
    }
    const Json& message = Unwrap(raw);
    const Json* method = Find(message, "method");
    if (method != nullptr) {
      return AddRequest(line, message, *method, EnvelopeTime(raw, line, sink), sink);
    }
    if (message.contains("result") || message.contains("error")) {
      return AddResponse(line, message, sink);
    }
    sink.Problem(line, "", "not a JSON-RPC request or response (skipped)",
                 Severity::kFatal);
  }

  void AddRequest(int line, const Json& message, const Json& method,
                  const std::string& time, ImportSink& sink) {
    std::string name = method.is_string() ? method.get<std::string>() : "";
    const Json* id = Find(message, "id");
    bool has_id = id != nullptr && !id->is_null();
    previous_call_.reset();
    if (name != kToolsCall) {
      ++ignored_[has_id ? name + " request" : name + " notification"];
      if (has_id) other_requests_[Compact(*id)] = true;
      return;
    }
    const Json* params = Find(message, "params");
    if (params == nullptr || !params->is_object()) {
      sink.Problem(line, "params", "missing (tools/call needs params.name)",
                   Severity::kFatal);
      return;
    }
    std::optional<std::string> tool = RequiredName(*params, "name", line, sink, "params.");
    if (!tool) return;
    std::optional<Json> args =
        ArgumentsField(Find(*params, "arguments"), line, "params.arguments", sink);
    if (!args) return;
    ToolCall call;
    call.line = line;
    call.tool = *tool;
    call.args = std::move(*args);
    call.time = time;
    size_t index = sink.Add(std::move(call));
    previous_call_ = index;
    if (!has_id) {
      sink.Problem(line, "id", "tools/call without id: its response cannot be paired",
                   Severity::kWarning);
      return;
    }
    std::string key = Compact(*id);
    if (auto it = pending_.find(key); it != pending_.end()) {
      sink.Problem(sink.call(it->second).line, "id",
                   absl::StrCat("request id ", key,
                                " reused before a response (outcome unknown)"),
                   Severity::kWarning);
    }
    pending_[key] = index;
  }

  void AddResponse(int line, const Json& message, ImportSink& sink) {
    const Json* id = Find(message, "id");
    std::optional<size_t> index;
    bool other_method = false;
    if (id == nullptr || id->is_null()) {
      index = previous_call_;
      if (index) {
        sink.Problem(line, "id",
                     absl::StrCat("response without id paired with the request on line ",
                                  sink.call(*index).line),
                     Severity::kWarning);
        ErasePending(*index);
      }
    } else if (auto it = pending_.find(Compact(*id)); it != pending_.end()) {
      index = it->second;
      pending_.erase(it);
    } else if (other_requests_.erase(Compact(*id)) > 0) {
      ++ignored_["response to another method"];
      other_method = true;
    }
    previous_call_.reset();
    if (index) {
      sink.call(*index).outcome = OutcomeOfResponse(message);
      return;
    }
    if (!other_method) {
      sink.Problem(line, "id", "response to no known tools/call request (skipped)",
                   Severity::kWarning);
    }
  }

  void ErasePending(size_t index) {
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
      if (it->second == index) {
        pending_.erase(it);
        return;
      }
    }
  }

  std::map<std::string, size_t> pending_;        // request id -> call index
  std::map<std::string, bool> other_requests_;   // ids of other methods
  std::map<std::string, int> ignored_;           // what -> count
  std::optional<size_t> previous_call_;          // the record just before
};

}  // namespace

bool LooksMcpJsonRpc(const Json& record) {
  const Json& message =
      record.is_array() && !record.empty() ? record.front() : record;
  if (!message.is_object()) return false;
  if (message.contains("jsonrpc") || GetString(message, "method") == kToolsCall) {
    return true;
  }
  const Json* inner = Find(message, "message");
  return inner != nullptr && inner->is_object() && inner->contains("jsonrpc");
}

std::unique_ptr<Importer> MakeMcpJsonRpcImporter() {
  return std::make_unique<McpJsonRpcImporter>();
}

}  // namespace kreplay
