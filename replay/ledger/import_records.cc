#include "replay/ledger/import_records.h"

#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "model/json_text.h"
#include "replay/ledger/ledger_limits.h"

namespace kreplay {
namespace {

constexpr absl::string_view kBom = "\xEF\xBB\xBF";

bool ParsesAsJson(absl::string_view text) {
  return Json::accept(text.begin(), text.end());
}

// Calls fn(line_number, line) for each non-blank line until fn returns false.
template <typename Fn>
void ForEachLine(absl::string_view text, Fn fn) {
  int number = 0;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == absl::string_view::npos) end = text.size();
    absl::string_view line = text.substr(begin, end - begin);
    ++number;
    begin = end + 1;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) continue;
    if (!fn(number, line)) return;
  }
}

// The first two non-blank lines, to tell JSONL from a pretty-printed document.
std::pair<absl::string_view, absl::string_view> FirstTwoLines(
    absl::string_view text) {
  std::pair<absl::string_view, absl::string_view> out;
  int seen = 0;
  ForEachLine(text, [&](int, absl::string_view line) {
    (seen++ == 0 ? out.first : out.second) = line;
    return seen < 2;
  });
  return out;
}

}  // namespace

absl::StatusOr<RecordSource> RecordSource::Open(absl::string_view text,
                                                absl::string_view source) {
  RecordSource records;
  if (absl::StartsWith(text, kBom)) text.remove_prefix(kBom.size());
  records.text_ = text;
  if (text.size() > kMaxLedgerBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        source, ": ledger larger than ", kMaxLedgerBytes, " bytes (", text.size(), ")"));
  }
  absl::string_view body = absl::StripLeadingAsciiWhitespace(text);
  auto [first, second] = FirstTwoLines(body);
  bool lines = !absl::StartsWith(body, "[") &&
               (ParsesAsJson(first) || second.empty() || ParsesAsJson(second));
  if (lines) return records;
  records.shape_ = absl::StartsWith(body, "[") ? Shape::kArray : Shape::kDocument;
  JsonText parsed = ParseJsonText(body);
  if (parsed.error) {
    const size_t offset = parsed.error->offset;
    std::string where = offset == std::string::npos
                            ? std::string(source)
                            : absl::StrCat(source, ":",
                                           LineColumnOf(text, (body.data() - text.data()) + offset));
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": invalid JSON: ", parsed.error->what));
  }
  records.document_ = std::move(parsed.value);
  return records;
}

void RecordSource::ForEach(
    const std::function<bool(const Record&)>& on_record,
    const std::function<void(int, const std::string&)>& on_bad_line,
    int limit) const {
  int visited = 0;
  auto budget_left = [&] { return limit < 0 || visited++ < limit; };
  if (shape_ == Shape::kDocument) {
    if (budget_left()) on_record(Record{1, document_});
    return;
  }
  if (shape_ == Shape::kArray) {
    int number = 0;
    for (const Json& element : document_) {
      if (!budget_left() || !on_record(Record{++number, element})) return;
    }
    return;
  }
  ForEachLine(text_, [&](int number, absl::string_view line) {
    if (!budget_left()) return false;
    if (line.size() > kMaxLedgerLineBytes) {
      on_bad_line(number, absl::StrCat("line longer than ", kMaxLedgerLineBytes,
                                       " bytes (", line.size(), ")"));
      return true;
    }
    JsonText parsed = ParseJsonText(line);
    if (parsed.error) {
      std::string at = parsed.error->offset == std::string::npos ||
                               parsed.error->from_parser
                           ? ""
                           : absl::StrCat(" at column ", parsed.error->offset + 1);
      on_bad_line(number, absl::StrCat(parsed.error->what, at));
      return true;
    }
    Json value = std::move(parsed.value);
    return on_record(Record{number, value});
  });
}

}  // namespace kreplay
