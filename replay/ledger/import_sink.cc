#include "replay/ledger/importer.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "model/json_text.h"
#include "replay/ledger/import_fields.h"

namespace kreplay {

ImportSink::ImportSink(std::string source, std::string format, bool strict)
    : strict_(strict) {
  ledger_.source = std::move(source);
  ledger_.format = std::move(format);
}

size_t ImportSink::Add(ToolCall call) {
  call.source = ledger_.source;
  // One check for every format: a time the replayer cannot read would
  // silently order the call wrongly against the fixture's chaos events.
  if (!call.time.empty() && !IsRfc3339Time(call.time)) {
    Problem(call.line, "time",
            absl::StrCat("not an RFC 3339 time: \"", PrintableUtf8(call.time),
                         "\"; the call has no time"),
            Severity::kWarning);
    call.time.clear();
  }
  ledger_.calls.push_back(std::move(call));
  return ledger_.calls.size() - 1;
}

void ImportSink::Problem(int line, absl::string_view field,
                         absl::string_view message, Severity severity) {
  LedgerProblem problem;
  problem.source = ledger_.source;
  problem.line = line;
  problem.field = std::string(field);
  problem.message = std::string(message);
  problem.severity = severity;
  ledger_.problems.push_back(problem);
  if (strict_ && severity != Severity::kInfo && status_.ok()) {
    std::string where = absl::StrCat(ledger_.source, ":", line, ": ");
    if (!field.empty()) absl::StrAppend(&where, field, ": ");
    status_ = absl::InvalidArgumentError(absl::StrCat(where, message));
  }
}

}  // namespace kreplay
