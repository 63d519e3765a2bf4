// Claude Code transcripts (~/.claude/projects/<cwd>/<session>.jsonl) and
// bare Anthropic Messages: `tool_use` blocks of assistant messages paired
// with `tool_result` blocks of later user messages by tool_use_id
// (docs/ledger-formats.md, claude-transcript). MCP tools appear as
// `mcp__<server>__<tool>`; shell use of kubectl as the `Bash` tool.
#include <map>
#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "replay/ledger/import_fields.h"
#include "replay/ledger/importer.h"

namespace kreplay {
namespace {

bool HasBlock(const Json& message, absl::string_view type) {
  const Json* content = Find(message, "content");
  if (content == nullptr || !content->is_array()) return false;
  for (const Json& block : *content) {
    if (GetString(block, "type") == type) return true;
  }
  return false;
}

class ClaudeTranscriptImporter : public Importer {
 public:
  void Add(const Record& record, ImportSink& sink) override {
    if (!RequireObject(record, sink)) return;
    const Json& value = record.value;
    if (const Json* messages = Find(value, "messages"); messages && messages->is_array()) {
      for (const Json& message : *messages) AddMessage(record.line, message, "", sink);
      return;
    }
    const Json* message = Find(value, "message");
    if (message != nullptr && message->is_object()) {
      AddMessage(record.line, *message, GetString(value, "timestamp"), sink);
      return;
    }
    if (value.contains("role")) return AddMessage(record.line, value, "", sink);
    ++ignored_[GetString(value, "type", "untyped")];
  }

  void Finish(ImportSink& sink) override {
    for (const auto& [index, id] : InCallOrder(pending_)) {
      sink.Problem(sink.call(index).line, "tool_use.id",
                   absl::StrCat("tool_use ", id, " has no tool_result (outcome unknown)"),
                   Severity::kWarning);
    }
    if (ignored_.empty()) return;
    std::vector<std::string> parts;
    for (const auto& [type, count] : ignored_) {
      parts.push_back(absl::StrCat(type, " x", count));
    }
    sink.Problem(0, "type",
                 absl::StrCat("records without messages ignored: ",
                              absl::StrJoin(parts, ", ")),
                 Severity::kInfo);
  }

 private:
  void AddMessage(int line, const Json& message, const std::string& time,
                  ImportSink& sink) {
    const Json* content = Find(message, "content");
    if (content == nullptr || !content->is_array()) return;
    for (const Json& block : *content) {
      std::string type = GetString(block, "type");
      if (type == "tool_use") AddToolUse(line, block, time, sink);
      if (type == "tool_result") AddToolResult(line, block, sink);
    }
  }

  void AddToolUse(int line, const Json& block, const std::string& time,
                  ImportSink& sink) {
    std::optional<std::string> name = RequiredName(block, "name", line, sink, "tool_use.");
    if (!name) return;
    std::optional<Json> input =
        ArgumentsField(Find(block, "input"), line, "tool_use.input", sink);
    if (!input) return;
    auto [label, tool] = SplitMcpToolName(*name);
    ToolCall call;
    call.line = line;
    call.tool = tool;
    call.server = VocabularyOfServerLabel(label);
    call.args = std::move(*input);
    call.time = time;
    size_t index = sink.Add(std::move(call));
    std::string id = GetString(block, "id");
    if (id.empty()) {
      sink.Problem(line, "tool_use.id", "missing: the result cannot be paired",
                   Severity::kWarning);
      return;
    }
    pending_[id] = index;
  }

  void AddToolResult(int line, const Json& block, ImportSink& sink) {
    std::string id = GetString(block, "tool_use_id");
    auto it = pending_.find(id);
    if (it == pending_.end()) {
      sink.Problem(line, "tool_result.tool_use_id",
                   absl::StrCat("no tool_use with id \"", id, "\" (skipped)"),
                   Severity::kWarning);
      return;
    }
    RecordedOutcome& outcome = sink.call(it->second).outcome;
    pending_.erase(it);
    const Json* content = Find(block, "content");
    outcome.output = content ? ContentText(*content) : "";
    bool failed = GetBool(block, "is_error");
    outcome.status = failed ? RecordedOutcome::Status::kError
                            : RecordedOutcome::Status::kOk;
    if (failed) outcome.error = outcome.output;
  }

  std::map<std::string, size_t> pending_;  // tool_use id -> call index
  std::map<std::string, int> ignored_;     // record type -> count
};

}  // namespace

bool LooksClaudeTranscript(const Json& record) {
  if (!record.is_object()) return false;
  const Json* message = Find(record, "message");
  std::string type = GetString(record, "type");
  if ((type == "assistant" || type == "user") && message && message->is_object()) {
    return true;
  }
  if (type == "summary" && record.contains("leafUuid")) return true;
  if (record.contains("role")) {
    return HasBlock(record, "tool_use") || HasBlock(record, "tool_result");
  }
  const Json* messages = Find(record, "messages");
  if (messages == nullptr || !messages->is_array()) return false;
  for (const Json& each : *messages) {
    if (HasBlock(each, "tool_use")) return true;
  }
  return false;
}

std::unique_ptr<Importer> MakeClaudeTranscriptImporter() {
  return std::make_unique<ClaudeTranscriptImporter>();
}

}  // namespace kreplay
