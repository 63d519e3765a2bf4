// Checks on JSON text where it enters kreplay, before any recursive reader or
// writer sees the value: valid UTF-8, nesting depth, duplicate object keys.
//
// nlohmann's parser itself is iterative, but copying, comparing, dumping and
// walking a Json value recurse once per level, so a document nested 90,000
// deep overflows the stack after it parsed. ParseJsonText refuses such text
// first (kMaxJsonDepth; YAML has its own limits, model/yaml_reader.h), and
// refuses what nlohmann would accept silently, a duplicate key (the last
// would win); invalid UTF-8 is reported by its offset before nlohmann's
// message could quote the bad bytes.
// docs/limits.md lists the limits.
//
//   JsonText parsed = ParseJsonText(line);
//   if (parsed.error) Problem(LineColumnOf(line, parsed.error->offset), parsed.error->what);
#ifndef KREPLAY_MODEL_JSON_TEXT_H_
#define KREPLAY_MODEL_JSON_TEXT_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

// The deepest nesting of arrays and objects kreplay reads (the top level is 1).
inline constexpr int kMaxJsonDepth = 1000;

// What is wrong with a JSON text, at byte `offset` (npos when the parser does
// not say where, e.g. a duplicate key).
struct JsonTextError {
  size_t offset = std::string::npos;
  std::string what;
  bool from_parser = false;  // a syntax error: `what` names line and column itself
};

// The byte offset of the first byte that is not part of a well-formed UTF-8
// sequence (overlong forms, surrogates and code points past U+10FFFF are
// ill-formed, as in Go's utf8.Valid), or nullopt when `text` is valid.
std::optional<size_t> FirstInvalidUtf8(absl::string_view text);

// The offset of the first `[` or `{` (outside strings) that opens a level
// deeper than `max_depth`, or nullopt.
std::optional<size_t> FirstTooDeep(absl::string_view text, int max_depth = kMaxJsonDepth);

// `text` with every ill-formed byte written as `\xNN`, for messages.
std::string PrintableUtf8(absl::string_view text);

// 1-based "line:column" of a byte offset of `text` (column in bytes).
std::string LineColumnOf(absl::string_view text, size_t offset);

// One parsed JSON text: the value, or the first error.
struct JsonText {
  Json value;
  std::optional<JsonTextError> error;
};

// Parses `text` as one JSON value with the checks above. Errors (in order):
// "invalid UTF-8 (byte 0xNN)", "NUL byte" (nlohmann would stop reading
// there), "nesting deeper than 1000 levels",
// "duplicate key \"K\"", or the parser's syntax message (its
// "[json.exception...] " tag removed, offending bytes printable).
JsonText ParseJsonText(absl::string_view text);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_JSON_TEXT_H_
