#include <vector>

#include "replay/ledger/importer.h"

namespace kreplay {

// Detection order matters: the most specific shapes come first, and the
// canonical rule (a `tool` string and nothing foreign) before the looser
// tool/args shapes.
const std::vector<LedgerFormat>& LedgerFormats() {
  static const std::vector<LedgerFormat> kFormats = {
      {"canonical", "kreplay's own JSONL (kreplay.ledger/v1)", &LooksCanonical,
       &MakeCanonicalImporter},
      {"execution-entry", "ExecutionEntry {tool, input, output, timestamp ms}",
       &LooksExecutionEntry, &MakeExecutionEntryImporter},
      {"tool-calls", "evidra-bench tool-calls.json {tool, args, result text}",
       &LooksToolCalls, &MakeToolCallsImporter},
      {"mcp-jsonrpc", "MCP JSON-RPC 2.0 tools/call requests and responses",
       &LooksMcpJsonRpc, &MakeMcpJsonRpcImporter},
      {"claude-transcript", "Claude Code JSONL transcript (tool_use/tool_result)",
       &LooksClaudeTranscript, &MakeClaudeTranscriptImporter},
      {"openai-chat", "OpenAI Chat Completions messages with tool_calls",
       &LooksOpenAiChat, &MakeOpenAiChatImporter},
      {"openai-responses", "OpenAI Responses items (function_call, mcp_call)",
       &LooksOpenAiResponses, &MakeOpenAiResponsesImporter},
      {"otel", "OpenTelemetry GenAI/MCP spans (OTLP JSON)", &LooksOtel,
       &MakeOtelImporter},
      {"audit", "Kubernetes audit events (audit.k8s.io v1/v1beta1)",
       &LooksAudit, &MakeAuditImporter},
  };
  return kFormats;
}

const LedgerFormat* FindLedgerFormat(absl::string_view name) {
  for (const LedgerFormat& format : LedgerFormats()) {
    if (name == format.name) return &format;
  }
  return nullptr;
}

}  // namespace kreplay
