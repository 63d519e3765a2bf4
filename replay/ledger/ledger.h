// A ledger: the recorded tool calls of one agent run, in kreplay's canonical
// in-memory form, whatever file format they came from.
#ifndef KREPLAY_REPLAY_LEDGER_LEDGER_H_
#define KREPLAY_REPLAY_LEDGER_LEDGER_H_

#include <optional>
#include <string>
#include <vector>

#include "model/json.h"

namespace kreplay {

// What the recording says happened to a call.
struct RecordedOutcome {
  enum class Status { kUnknown, kOk, kError };
  Status status = Status::kUnknown;
  std::string output;              // text the tool returned
  std::string error;               // error text, when the recording has one
  std::optional<int> exit_code;    // shell tools
  // Ground truth object returned by the server, when the recording has one
  // (an audit event's responseObject). null otherwise.
  Json response_object;
};

// "ok", "error" or "unknown": the status as ledgers and reports spell it.
inline const char* OutcomeStatusName(RecordedOutcome::Status status) {
  switch (status) {
    case RecordedOutcome::Status::kOk: return "ok";
    case RecordedOutcome::Status::kError: return "error";
    case RecordedOutcome::Status::kUnknown: break;
  }
  return "unknown";
}

struct ToolCall {
  std::string source;   // file the call came from
  int line = 0;         // 1-based line (JSONL) or record number (arrays)
  std::string tool;     // as recorded: run_command, kubectl_patch, pods_delete, ...
  std::string server;   // vocabulary: "" (detect), kubectl, flux159, containers, kagent, strowk, audit
  Json args = Json::object();
  RecordedOutcome outcome;
  std::string time;     // RFC 3339 as recorded; "" when absent
};

// How much a ledger problem weighs. Info problems are kept for the record
// (ignored notifications, the control plane's own watches) and never fail
// --strict; warnings and fatal problems (the record was skipped) do.
enum class Severity { kInfo, kWarning, kFatal };

// Something an importer could not interpret; never silently dropped.
struct LedgerProblem {
  std::string source;
  int line = 0;
  std::string field;    // e.g. "tool", "args.command"; "" for the whole record
  std::string message;  // as the importer said it; reports print Text()
  Severity severity = Severity::kWarning;

  bool fatal() const { return severity == Severity::kFatal; }  // the record was skipped
  // The message as reports print it: an info problem's starts with "info: ".
  std::string Text() const { return severity == Severity::kInfo ? "info: " + message : message; }
};

struct Ledger {
  std::string source;   // path as given by the user
  std::string format;   // canonical, execution-entry, tool-calls, mcp-jsonrpc, ...
  // The fixture the ledger says it was recorded on (the canonical header's
  // `fixture`); "" when it names none.
  std::string fixture;
  std::vector<ToolCall> calls;
  std::vector<LedgerProblem> problems;
};

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_LEDGER_LEDGER_H_
