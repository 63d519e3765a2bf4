#include "replay/ledger/ledger_reader.h"

#include <filesystem>
#include <fstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/status_macros.h"
#include "replay/ledger/import_records.h"
#include "replay/ledger/importer.h"

namespace kreplay {
namespace {

constexpr int kDetectionRecords = 32;

const LedgerFormat* Detect(const RecordSource& records) {
  const LedgerFormat* found = nullptr;
  records.ForEach(
      [&](const Record& record) {
        for (const LedgerFormat& format : LedgerFormats()) {
          if (format.detect(record.value)) {
            found = &format;
            return false;
          }
        }
        return true;
      },
      [](int, const std::string&) {}, kDetectionRecords);
  return found;
}

absl::StatusOr<const LedgerFormat*> ChooseFormat(const RecordSource& records,
                                                 absl::string_view source,
                                                 const std::string& name) {
  if (!name.empty()) {
    if (const LedgerFormat* format = FindLedgerFormat(name)) return format;
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": unknown ledger format \"", name,
                     "\" (known: ", absl::StrJoin(LedgerFormatNames(), ", "),
                     ")"));
  }
  if (const LedgerFormat* format = Detect(records)) return format;
  return absl::InvalidArgumentError(absl::StrCat(
      source, ": cannot detect the ledger format from the first ",
      kDetectionRecords, " records; use --format (",
      absl::StrJoin(LedgerFormatNames(), ", "), ")"));
}

absl::Status NoCallsError(const Ledger& ledger) {
  std::string message = absl::StrCat(ledger.source, ": ledger has no tool calls");
  for (const LedgerProblem& problem : ledger.problems) {
    if (!problem.fatal()) continue;
    absl::StrAppend(&message, " (first skipped record: ", problem.source, ":",
                    problem.line, ": ",
                    problem.field.empty() ? "" : problem.field + ": ",
                    problem.Text(), ")");
    break;
  }
  return absl::InvalidArgumentError(message);
}

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return absl::NotFoundError(absl::StrCat(path, ": no such ledger file"));
  }
  std::ifstream in(path, std::ios::binary);
  std::string text(std::filesystem::file_size(path, error), '\0');
  if (!in || error || !in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
    return absl::NotFoundError(absl::StrCat(path, ": cannot read ledger"));
  }
  return text;
}

}  // namespace

absl::StatusOr<Ledger> ParseLedger(absl::string_view text,
                                   absl::string_view source,
                                   const std::string& format, bool strict) {
  KREPLAY_ASSIGN_OR_RETURN(RecordSource records,
                           RecordSource::Open(text, source));
  KREPLAY_ASSIGN_OR_RETURN(const LedgerFormat* chosen,
                           ChooseFormat(records, source, format));
  ImportSink sink{std::string(source), chosen->name, strict};
  std::unique_ptr<Importer> importer = chosen->make();
  records.ForEach(
      [&](const Record& record) {
        importer->Add(record, sink);
        return sink.status().ok();
      },
      [&](int line, const std::string& message) {
        sink.Problem(line, "", absl::StrCat("invalid JSON: ", message),
                     Severity::kFatal);
      });
  if (sink.status().ok()) importer->Finish(sink);
  KREPLAY_RETURN_IF_ERROR(sink.status());
  Ledger ledger = sink.Take();
  if (ledger.calls.empty()) return NoCallsError(ledger);
  return ledger;
}

absl::StatusOr<Ledger> ReadLedgerFile(const std::string& path,
                                      const std::string& format, bool strict) {
  KREPLAY_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(path));
  return ParseLedger(text, path, format, strict);
}

std::string DetectLedgerFormat(absl::string_view text) {
  absl::StatusOr<RecordSource> records = RecordSource::Open(text, "");
  if (!records.ok()) return "";
  const LedgerFormat* format = Detect(*records);
  return format ? format->name : "";
}

std::vector<std::string> LedgerFormatNames() {
  std::vector<std::string> names;
  for (const LedgerFormat& format : LedgerFormats()) names.push_back(format.name);
  return names;
}

bool IsInfoProblem(const LedgerProblem& problem) {
  return problem.severity == Severity::kInfo;
}

}  // namespace kreplay
