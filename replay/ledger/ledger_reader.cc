#include "replay/ledger/ledger_reader.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/status_macros.h"
#include "replay/ledger/import_records.h"
#include "replay/ledger/importer.h"
#include "replay/ledger/ledger_limits.h"

namespace kreplay {
namespace {

constexpr int kDetectionRecords = 32;

// The format the first records evidently are; when none is, and not one of
// them was JSON, the first bad line (its number and message) explains why.
struct Detection {
  const LedgerFormat* format = nullptr;
  bool any_record = false;
  int bad_line = 0;
  std::string bad_message;
};

Detection DetectIn(const RecordSource& records) {
  Detection out;
  const LedgerFormat*& found = out.format;
  records.ForEach(
      [&](const Record& record) {
        out.any_record = true;
        for (const LedgerFormat& format : LedgerFormats()) {
          if (format.detect(record.value)) {
            found = &format;
            return false;
          }
        }
        return true;
      },
      [&](int line, const std::string& message) {
        if (out.bad_line == 0) {
          out.bad_line = line;
          out.bad_message = message;
        }
      },
      kDetectionRecords);
  return out;
}

const LedgerFormat* Detect(const RecordSource& records) { return DetectIn(records).format; }

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
  Detection detection = DetectIn(records);
  if (detection.format != nullptr) return detection.format;
  if (!detection.any_record && detection.bad_line > 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        source, ":", detection.bad_line, ": invalid JSON: ", detection.bad_message));
  }
  return absl::InvalidArgumentError(absl::StrCat(
      source, ": cannot detect the ledger format from the first ",
      kDetectionRecords, " records; use --format (",
      absl::StrJoin(LedgerFormatNames(), ", "), ")"));
}

constexpr char kNoCalls[] = "ledger has no tool calls";

// A ledger without calls: a run in which the agent did nothing, judged like
// any other, with a warning. When records were skipped it is a ledger that
// could not be read: the error names the first skipped record.
absl::StatusOr<Ledger> NoCalls(Ledger ledger) {
  for (const LedgerProblem& problem : ledger.problems) {
    if (!problem.fatal()) continue;
    return absl::InvalidArgumentError(absl::StrCat(
        ledger.source, ": ", kNoCalls, " (first skipped record: ", problem.source, ":",
        problem.line, ": ", problem.field.empty() ? "" : problem.field + ": ", problem.Text(),
        ")"));
  }
  ledger.problems.push_back({ledger.source, 0, "",
                             absl::StrCat(kNoCalls, ": the agent made no calls"),
                             Severity::kWarning});
  return ledger;
}

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return absl::NotFoundError(absl::StrCat(path, ": no such ledger file"));
  }
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > kMaxLedgerBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ": ledger larger than ", kMaxLedgerBytes, " bytes (", size, ")"));
  }
  std::ifstream in(path, std::ios::binary);
  std::string text(error ? 0 : size, '\0');
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
  if (format.empty()) {
    Detection detection = DetectIn(records);
    if (!detection.any_record && detection.bad_line == 0) {  // nothing at all: no calls
      Ledger empty;
      empty.source = std::string(source);
      empty.format = "none";
      return NoCalls(std::move(empty));
    }
  }
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
  if (ledger.calls.empty()) return NoCalls(std::move(ledger));
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
