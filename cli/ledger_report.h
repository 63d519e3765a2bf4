// The report of `kreplay ledger check`: every call of a ledger with the
// operations its vocabulary gives it, and everything not understood.
#ifndef KREPLAY_CLI_LEDGER_REPORT_H_
#define KREPLAY_CLI_LEDGER_REPORT_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "model/json.h"
#include "replay/ledger/ledger.h"
#include "replay/vocab/vocabulary.h"

namespace kreplay {

struct CheckedCall {
  const ToolCall* call;
  std::string server;  // the vocabulary used; "" when the tool is unknown
  Interpretation meaning;
};

struct LedgerCheck {
  const Ledger* ledger;
  std::vector<CheckedCall> calls;
  // True when every tool is known, no operation carries a problem, and the
  // ledger has no problem beyond informational ones.
  bool understood = true;
};

// Interprets every call of `ledger` (which must outlive the result).
LedgerCheck CheckLedger(const Ledger& ledger);

// Aligned text, one block per call, then the ledger's problems.
void WriteCheckText(const LedgerCheck& check, std::ostream& out);

// JSON document, schema "kreplay.ledger-check/v1".
Json CheckJson(const LedgerCheck& check);

// `file:line: field: [skipped: |warning: ]message` (no line when 0).
std::string ProblemLine(const LedgerProblem& problem);

// One operation in a line: `patch Deployment/bench/web (merge, dry-run=client)`.
std::string DescribeOperation(const Operation& op);

}  // namespace kreplay

#endif  // KREPLAY_CLI_LEDGER_REPORT_H_
