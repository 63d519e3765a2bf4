// Writing a Ledger as kreplay's canonical JSONL (kreplay.ledger/v1,
// docs/ledger-formats.md). The output is deterministic: keys sorted, one
// header line, then one line per call in ledger order; reading it back with
// ReadLedgerFile gives the same calls.
#ifndef KREPLAY_REPLAY_LEDGER_LEDGER_WRITER_H_
#define KREPLAY_REPLAY_LEDGER_LEDGER_WRITER_H_

#include <iosfwd>
#include <string>

#include "model/json.h"
#include "replay/ledger/ledger.h"

namespace kreplay {

// The canonical record of one call. `id` is `<format>:<line>` of the record
// the call was imported from, so a converted ledger points back to it.
Json CanonicalRecord(const ToolCall& call, const std::string& format);

// Writes the header {"schema":"kreplay.ledger/v1","source_format":...} and
// every call, one JSON object per line.
void WriteCanonicalLedger(const Ledger& ledger, std::ostream& out);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_LEDGER_LEDGER_WRITER_H_
