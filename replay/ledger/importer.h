// The seam between the ledger reader and one ledger format.
//
// The reader splits a file into JSON records (JSONL lines, array elements or
// one whole document) and hands each to the format's Importer, which turns
// what it understands into ToolCalls and everything else into problems on an
// ImportSink. Formats that pair requests with responses (MCP JSON-RPC,
// transcripts) keep the pending calls themselves and settle them in Finish.
// formats.cc holds the table of formats: name, detection rule, factory.
#ifndef KREPLAY_REPLAY_LEDGER_IMPORTER_H_
#define KREPLAY_REPLAY_LEDGER_IMPORTER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "model/json.h"
#include "replay/ledger/ledger.h"

namespace kreplay {

// Collects the calls and problems of one import. With `strict`, the first
// warning or fatal problem becomes status() and the reader stops.
class ImportSink {
 public:
  ImportSink(std::string source, std::string format, bool strict);

  // Appends a call (its source is filled in) and returns its index. A time
  // that is not RFC 3339 is a warning at the call's line (field "time") and
  // is dropped.
  size_t Add(ToolCall call);
  ToolCall& call(size_t index) { return ledger_.calls[index]; }

  void Problem(int line, absl::string_view field, absl::string_view message,
               Severity severity);

  // The fixture the ledger names (Ledger::fixture).
  void SetFixture(std::string fixture) { ledger_.fixture = std::move(fixture); }

  const std::string& source() const { return ledger_.source; }
  const absl::Status& status() const { return status_; }
  Ledger Take() { return std::move(ledger_); }

 private:
  Ledger ledger_;
  bool strict_;
  absl::Status status_;
};

// One JSON record and where it came from: a 1-based line (JSONL) or record
// number (elements of a top-level array), or 1 for a whole document.
struct Record {
  int line = 0;
  const Json& value;
};

class Importer {
 public:
  virtual ~Importer() = default;
  virtual void Add(const Record& record, ImportSink& sink) = 0;
  // Called once after the last record: settles calls still waiting for a
  // response and reports what was counted.
  virtual void Finish(ImportSink& sink) { (void)sink; }
};

struct LedgerFormat {
  const char* name;
  const char* description;
  // Whether one record (a JSONL line, an array element, or the whole
  // document) is evidently of this format.
  bool (*detect)(const Json& record);
  std::unique_ptr<Importer> (*make)();
};

// Every format, in detection order (most specific first).
const std::vector<LedgerFormat>& LedgerFormats();
const LedgerFormat* FindLedgerFormat(absl::string_view name);

// Factories and detection tests, one pair per import_*.cc file.
std::unique_ptr<Importer> MakeCanonicalImporter();
bool LooksCanonical(const Json& record);
std::unique_ptr<Importer> MakeExecutionEntryImporter();
bool LooksExecutionEntry(const Json& record);
std::unique_ptr<Importer> MakeToolCallsImporter();
bool LooksToolCalls(const Json& record);
std::unique_ptr<Importer> MakeMcpJsonRpcImporter();
bool LooksMcpJsonRpc(const Json& record);
std::unique_ptr<Importer> MakeClaudeTranscriptImporter();
bool LooksClaudeTranscript(const Json& record);
std::unique_ptr<Importer> MakeOpenAiChatImporter();
bool LooksOpenAiChat(const Json& record);
std::unique_ptr<Importer> MakeOpenAiResponsesImporter();
bool LooksOpenAiResponses(const Json& record);
std::unique_ptr<Importer> MakeOtelImporter();
bool LooksOtel(const Json& record);
std::unique_ptr<Importer> MakeAuditImporter();
bool LooksAudit(const Json& record);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_LEDGER_IMPORTER_H_
