// Reading a recorded ledger from any supported format into a Ledger.
//
// The format is detected from the content, never from the file name: the
// reader splits the text into JSON records (JSONL lines, elements of a
// top-level array, or one whole document) and asks the format table
// (replay/ledger/formats.cc) which format the first records evidently are.
// Bad records never vanish: they become LedgerProblems naming file, line and
// field; with `strict` the first one is an error instead. docs/ledger-formats.md
// describes every format.
//
//   KREPLAY_ASSIGN_OR_RETURN(Ledger ledger, ReadLedgerFile("run.jsonl", "", false));
#ifndef KREPLAY_REPLAY_LEDGER_LEDGER_READER_H_
#define KREPLAY_REPLAY_LEDGER_LEDGER_READER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "replay/ledger/ledger.h"

namespace kreplay {

// Reads and imports the ledger at `path`. `format` is a name from
// LedgerFormatNames(), or "" to detect it.
// Errors: NotFound when the file does not exist or cannot be read;
// otherwise those of ParseLedger.
absl::StatusOr<Ledger> ReadLedgerFile(const std::string& path,
                                      const std::string& format, bool strict);

// Imports `text`; `source` names it in calls, problems and messages.
// Errors (InvalidArgument, message `source:line: field: what`):
//   - an unknown `format` name, or a format that cannot be detected;
//   - a top-level array or document that is not valid JSON;
//   - with `strict`, the first problem that is not informational;
//   - no tool calls because records were skipped: `source: ledger has no
//     tool calls (first skipped record: ...)`.
// Without `strict`, a bad record is skipped and recorded as a fatal problem.
// A ledger with no calls and nothing skipped (an empty file, a header only)
// is a run in which the agent did nothing: no error, a warning problem
// `ledger has no tool calls: the agent made no calls` (format "none" when
// the text has no records at all and no format was given).
absl::StatusOr<Ledger> ParseLedger(absl::string_view text,
                                   absl::string_view source,
                                   const std::string& format, bool strict);

// The format of `text` by content ("" when none matches): the first of the
// first 32 records that some format's detection rule accepts decides.
std::string DetectLedgerFormat(absl::string_view text);

// Every --format name, in detection order.
std::vector<std::string> LedgerFormatNames();

// Whether a problem is informational (counted, not a defect of the ledger):
// ignored notifications, other stages of an audit event, ...
bool IsInfoProblem(const LedgerProblem& problem);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_LEDGER_LEDGER_READER_H_
