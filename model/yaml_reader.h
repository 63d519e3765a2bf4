// YAML and JSON text to Json documents, the way Kubernetes reads them.
//
// yaml-cpp parses; model/yaml_events.h builds Json from its events with
// what yaml-cpp 0.7 lacks for Kubernetes fidelity: YAML 1.1 scalar typing
// (model/yaml_scalar.h), `<<` merge keys, duplicate keys as errors,
// non-string keys rendered as strings, limits on alias expansion and depth.
// Every error names its position (1-based line:column). Text that starts with `{` or `[` is read by nlohmann first, so JSON
// keeps its exact numbers. The public entry points for manifests are in
// model/manifest.h; this lower layer also reports where each document
// starts, for messages about a document as a whole.
#ifndef KREPLAY_MODEL_YAML_READER_H_
#define KREPLAY_MODEL_YAML_READER_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

// A place in the input text, 1-based; line 0 means unknown.
struct TextPosition {
  int line = 0;
  int column = 0;
};

// Where each mapping key and each sequence element of a document was
// written, by JSON pointer (RFC 6901: "/checks/3/jsonpath"; "/a~1b" for the
// key "a/b"), so that a reader of the parsed value can name the line of a
// field it refuses. Keys brought in by a `<<` merge or an alias have the
// position of the merge or alias.
using FieldPositions = std::map<std::string, TextPosition>;

// The field of `positions` at `pointer`, or of its nearest ancestor that
// has one (the element of a missing key's mapping); {} when none has.
TextPosition PositionOfField(const FieldPositions& positions, std::string pointer);

// One non-empty document of a stream.
struct YamlDocument {
  Json value;
  int number = 0;         // 1-based position in the stream, empty documents counted
  TextPosition position;  // where the document's content starts
  // Where the elements of a top-level `items` sequence (a List) start, so
  // that errors about expanded items can cite them; empty when unknown.
  std::vector<TextPosition> item_positions;
  // Filled when YamlReadOptions::field_positions asks for it (YAML input
  // only: JSON text is read without positions).
  FieldPositions fields;
};

struct YamlReadOptions {
  // Record every field's position (YamlDocument::fields): for small,
  // hand-written files such as fixtures, not for cluster snapshots.
  bool field_positions = false;
};

// Reads every document of a YAML stream (or one JSON value), skipping empty
// and null documents as kubectl does.
// Errors: InvalidArgument "<source>:<line>:<col>: <what>" for syntax errors,
// duplicate keys, undefined or self-containing aliases, bad merge values,
// tagged scalars that do not match their tag, `.inf`/`.nan` values, null or
// collection keys, excessive aliasing or nesting (YAML: more than 500 levels,
// yaml-cpp's own limit; JSON text: more than kMaxJsonDepth), and text that is not valid UTF-8 ("invalid UTF-8
// (byte 0xNN)" at the first bad byte; yaml-cpp would otherwise pass it on and
// the writers replace it).
absl::StatusOr<std::vector<YamlDocument>> ReadYamlDocuments(absl::string_view text,
                                                            absl::string_view source,
                                                            YamlReadOptions options = {});

}  // namespace kreplay

#endif  // KREPLAY_MODEL_YAML_READER_H_
