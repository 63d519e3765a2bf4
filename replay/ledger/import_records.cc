#include "replay/ledger/import_records.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

constexpr absl::string_view kBom = "\xEF\xBB\xBF";

// The parser's message without its "[json.exception.parse_error.101] " tag.
std::string ParserMessage(const std::exception& e) {
  absl::string_view what = e.what();
  size_t close = what.find("] ");
  return std::string(close == absl::string_view::npos ? what
                                                      : what.substr(close + 2));
}

std::string ParseErrorOf(absl::string_view text) {
  try {
    std::ignore = Json::parse(text.begin(), text.end());
  } catch (const Json::exception& e) {
    return ParserMessage(e);
  }
  return "invalid JSON";
}

// `line:col` (1-based) of a byte offset.
std::string PositionOf(absl::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  absl::string_view before = text.substr(0, offset);
  size_t line_start = before.rfind('\n');
  int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  size_t col = line_start == absl::string_view::npos ? offset + 1
                                                     : offset - line_start;
  return absl::StrCat(line, ":", col);
}

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
  absl::string_view body = absl::StripLeadingAsciiWhitespace(text);
  auto [first, second] = FirstTwoLines(body);
  bool lines = !absl::StartsWith(body, "[") &&
               (ParsesAsJson(first) || second.empty() || ParsesAsJson(second));
  if (lines) return records;
  records.shape_ = absl::StartsWith(body, "[") ? Shape::kArray : Shape::kDocument;
  try {
    records.document_ = Json::parse(body.begin(), body.end());
  } catch (const Json::parse_error& e) {
    size_t offset = (body.data() - text.data()) + (e.byte > 0 ? e.byte - 1 : 0);
    return absl::InvalidArgumentError(absl::StrCat(
        source, ":", PositionOf(text, offset), ": invalid JSON: ",
        ParserMessage(e)));
  } catch (const Json::exception& e) {
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": invalid JSON: ", ParserMessage(e)));
  }
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
    Json value = Json::parse(line.begin(), line.end(), nullptr, false);
    if (value.is_discarded()) {
      on_bad_line(number, ParseErrorOf(line));
      return true;
    }
    return on_record(Record{number, value});
  });
}

}  // namespace kreplay
