#include "replay/ledger/importer.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace kreplay {

ImportSink::ImportSink(std::string source, std::string format, bool strict)
    : strict_(strict) {
  ledger_.source = std::move(source);
  ledger_.format = std::move(format);
}

size_t ImportSink::Add(ToolCall call) {
  call.source = ledger_.source;
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
