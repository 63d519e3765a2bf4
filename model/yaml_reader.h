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

// One non-empty document of a stream.
struct YamlDocument {
  Json value;
  int number = 0;         // 1-based position in the stream, empty documents counted
  TextPosition position;  // where the document's content starts
  // Where the elements of a top-level `items` sequence (a List) start, so
  // that errors about expanded items can cite them; empty when unknown.
  std::vector<TextPosition> item_positions;
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
                                                            absl::string_view source);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_YAML_READER_H_
