// Splitting a ledger's text into JSON records, whatever its shape:
//   - JSON Lines: one record per non-empty line (line numbers kept);
//   - a top-level JSON array: one record per element (record numbers);
//   - one JSON document spread over several lines (an OTLP export, an
//     audit EventList, an OpenAI request): a single record at line 1.
#ifndef KREPLAY_REPLAY_LEDGER_IMPORT_RECORDS_H_
#define KREPLAY_REPLAY_LEDGER_IMPORT_RECORDS_H_

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "model/json.h"
#include "replay/ledger/importer.h"

namespace kreplay {

class RecordSource {
 public:
  enum class Shape { kLines, kArray, kDocument };

  // Decides the shape of `text` and parses it when it is an array or one
  // document. `text` must outlive the RecordSource.
  // Errors: InvalidArgument `source:line:col: invalid JSON: ...` when the
  // text is an array or a multi-line document that does not parse.
  static absl::StatusOr<RecordSource> Open(absl::string_view text,
                                           absl::string_view source);

  // Visits up to `limit` records (all when negative), in order, until
  // `on_record` returns false. A JSONL line that is not JSON goes to
  // `on_bad_line` with its line number and the parser's message.
  void ForEach(const std::function<bool(const Record&)>& on_record,
               const std::function<void(int, const std::string&)>& on_bad_line,
               int limit = -1) const;

  Shape shape() const { return shape_; }

 private:
  absl::string_view text_;
  Shape shape_ = Shape::kLines;
  Json document_;
};

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_LEDGER_IMPORT_RECORDS_H_
