// OpenAI transcripts (docs/ledger-formats.md, openai-chat and openai-responses):
//   - Chat Completions: assistant `tool_calls[].function.{name, arguments}`
//     (arguments a JSON string) paired with role=tool messages by
//     tool_call_id; accepted as JSONL of messages, an array of messages, a
//     request {"messages": [...]} or a response {"choices": [...]};
//   - Responses API: `function_call` / `function_call_output` items paired by
//     call_id, and hosted-MCP `mcp_call` items that carry their own output or
//     error; accepted as JSONL/array of items or {"input"|"output": [...]}.
// Neither records a failure flag for function tools: the outcome is read
// from the text as evidra-bench does (fields.h OutcomeFromText).
#include <map>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "replay/ledger/import_fields.h"
#include "replay/ledger/importer.h"

namespace kreplay {
namespace {

// Calls waiting for their output, and what was skipped, shared by both APIs.
class Pairing {
 public:
  void Open(const std::string& id, size_t index, int line, ImportSink& sink,
            absl::string_view field) {
    if (id.empty()) {
      sink.Problem(line, field, "missing: the output cannot be paired",
                   Severity::kWarning);
      return;
    }
    pending_[id] = index;
  }

  void Settle(const std::string& id, const Json* output, int line,
              absl::string_view field, ImportSink& sink) {
    auto it = pending_.find(id);
    if (it == pending_.end()) {
      sink.Problem(line, field, absl::StrCat("no call with id \"", id, "\" (skipped)"),
                   Severity::kWarning);
      return;
    }
    sink.call(it->second).outcome = OutcomeFromText(output ? ContentText(*output) : "");
    pending_.erase(it);
  }

  void Ignore(const std::string& what) { ++ignored_[what]; }

  void Finish(ImportSink& sink) {
    for (const auto& [index, id] : InCallOrder(pending_)) {
      sink.Problem(sink.call(index).line, "call_id",
                   absl::StrCat("call ", id, " has no output (outcome unknown)"),
                   Severity::kWarning);
    }
    if (ignored_.empty()) return;
    std::vector<std::string> parts;
    for (const auto& [what, count] : ignored_) parts.push_back(absl::StrCat(what, " x", count));
    sink.Problem(0, "", absl::StrCat("ignored: ", absl::StrJoin(parts, ", ")),
                 Severity::kInfo);
  }

 private:
  std::map<std::string, size_t> pending_;
  std::map<std::string, int> ignored_;
};

// A call from a name and JSON-string arguments; nullopt after a problem.
std::optional<ToolCall> CallOf(const Json& holder, const char* arguments_key,
                               int line, absl::string_view prefix,
                               ImportSink& sink) {
  std::optional<std::string> name = RequiredName(holder, "name", line, sink, prefix);
  if (!name) return std::nullopt;
  std::optional<Json> args = ArgumentsField(
      Find(holder, arguments_key), line, absl::StrCat(prefix, arguments_key), sink);
  if (!args) return std::nullopt;
  auto [label, tool] = SplitMcpToolName(*name);
  ToolCall call;
  call.line = line;
  call.tool = tool;
  call.server = VocabularyOfServerLabel(label);
  call.args = std::move(*args);
  return call;
}

class OpenAiChatImporter : public Importer {
 public:
  void Add(const Record& record, ImportSink& sink) override {
    const Json& value = record.value;
    if (const Json* messages = Find(value, "messages"); messages && messages->is_array()) {
      for (const Json& message : *messages) AddMessage(record.line, message, sink);
    } else if (const Json* choices = Find(value, "choices"); choices && choices->is_array()) {
      for (const Json& choice : *choices) {
        if (const Json* message = Find(choice, "message")) AddMessage(record.line, *message, sink);
      }
    } else {
      AddMessage(record.line, value, sink);
    }
  }

  void Finish(ImportSink& sink) override { pairing_.Finish(sink); }

 private:
  void AddMessage(int line, const Json& message, ImportSink& sink) {
    if (!message.is_object()) {
      sink.Problem(line, "", "expected a message object", Severity::kFatal);
      return;
    }
    std::string role = GetString(message, "role");
    if (role == "tool") {
      return pairing_.Settle(GetString(message, "tool_call_id"), Find(message, "content"),
                             line, "tool_call_id", sink);
    }
    const Json* calls = Find(message, "tool_calls");
    if (calls == nullptr || !calls->is_array()) return pairing_.Ignore(role + " message");
    for (const Json& each : *calls) AddToolCall(line, each, sink);
  }

  void AddToolCall(int line, const Json& tool_call, ImportSink& sink) {
    const Json* function = Find(tool_call, "function");
    if (function == nullptr || !function->is_object()) {
      sink.Problem(line, "tool_calls.function", "missing (skipped)", Severity::kFatal);
      return;
    }
    std::optional<ToolCall> call =
        CallOf(*function, "arguments", line, "tool_calls.function.", sink);
    if (!call) return;
    size_t index = sink.Add(*std::move(call));
    pairing_.Open(GetString(tool_call, "id"), index, line, sink, "tool_calls.id");
  }

  Pairing pairing_;
};

class OpenAiResponsesImporter : public Importer {
 public:
  void Add(const Record& record, ImportSink& sink) override {
    const Json& value = record.value;
    bool document = false;
    for (const char* key : {"input", "output"}) {
      const Json* items = Find(value, key);
      if (items == nullptr || !items->is_array()) continue;
      document = true;
      for (const Json& item : *items) AddItem(record.line, item, sink);
    }
    if (!document) AddItem(record.line, value, sink);
  }

  void Finish(ImportSink& sink) override { pairing_.Finish(sink); }

 private:
  void AddItem(int line, const Json& item, ImportSink& sink) {
    if (!item.is_object()) {
      sink.Problem(line, "", "expected an item object", Severity::kFatal);
      return;
    }
    std::string type = GetString(item, "type", GetString(item, "role", "untyped"));
    if (type == "function_call") return AddFunctionCall(line, item, sink);
    if (type == "mcp_call") return AddMcpCall(line, item, sink);
    if (type == "function_call_output") {
      return pairing_.Settle(GetString(item, "call_id"), Find(item, "output"), line,
                             "call_id", sink);
    }
    pairing_.Ignore(type);
  }

  void AddFunctionCall(int line, const Json& item, ImportSink& sink) {
    std::optional<ToolCall> call = CallOf(item, "arguments", line, "", sink);
    if (!call) return;
    size_t index = sink.Add(*std::move(call));
    pairing_.Open(GetString(item, "call_id"), index, line, sink, "call_id");
  }

  void AddMcpCall(int line, const Json& item, ImportSink& sink) {
    std::optional<ToolCall> call = CallOf(item, "arguments", line, "", sink);
    if (!call) return;
    call->server = VocabularyOfServerLabel(GetString(item, "server_label"));
    const Json* error = Find(item, "error");
    const Json* output = Find(item, "output");
    RecordedOutcome& outcome = call->outcome;
    if (error != nullptr && !error->is_null()) {
      outcome.status = RecordedOutcome::Status::kError;
      outcome.error = error->is_string() ? error->get<std::string>() : Compact(*error);
    } else if (output != nullptr && !output->is_null()) {
      outcome.status = RecordedOutcome::Status::kOk;
      outcome.output = ContentText(*output);
    }
    sink.Add(*std::move(call));
  }

  Pairing pairing_;
};

bool IsResponsesItem(const Json& item) {
  static constexpr absl::string_view kTypes[] = {
      "function_call", "function_call_output", "mcp_call", "mcp_list_tools",
      "mcp_approval_request", "mcp_approval_response"};
  std::string type = GetString(item, "type");
  for (absl::string_view known : kTypes) {
    if (type == known) return true;
  }
  return false;
}

bool IsChatMessage(const Json& message) {
  std::string role = GetString(message, "role");
  return (role == "assistant" && Find(message, "tool_calls") != nullptr) ||
         (role == "tool" && message.contains("tool_call_id"));
}

template <typename Predicate>
bool AnyIn(const Json* items, Predicate predicate) {
  if (items == nullptr || !items->is_array()) return false;
  for (const Json& item : *items) {
    if (predicate(item)) return true;
  }
  return false;
}

}  // namespace

bool LooksOpenAiChat(const Json& record) {
  if (!record.is_object()) return false;
  if (IsChatMessage(record) || AnyIn(Find(record, "messages"), IsChatMessage)) {
    return true;
  }
  return AnyIn(Find(record, "choices"), [](const Json& choice) {
    const Json* message = Find(choice, "message");
    return message != nullptr && IsChatMessage(*message);
  });
}

bool LooksOpenAiResponses(const Json& record) {
  if (!record.is_object()) return false;
  return IsResponsesItem(record) || AnyIn(Find(record, "output"), IsResponsesItem) ||
         AnyIn(Find(record, "input"), IsResponsesItem);
}

std::unique_ptr<Importer> MakeOpenAiChatImporter() {
  return std::make_unique<OpenAiChatImporter>();
}

std::unique_ptr<Importer> MakeOpenAiResponsesImporter() {
  return std::make_unique<OpenAiResponsesImporter>();
}

}  // namespace kreplay
