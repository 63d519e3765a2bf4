// Reading Kubernetes manifests: YAML or JSON text to Json objects.
//
// YAML follows Kubernetes' own reader (sigs.k8s.io/yaml on go-yaml v2):
// YAML 1.1 scalars (`yes` is true, `0644` is 420, `1.10` is 1.1), `<<` merge
// keys, duplicate keys rejected, non-string keys turned into strings,
// multi-document streams with empty documents skipped. JSON is YAML, and
// text starting with `{` or `[` is read as JSON directly, keeping its numbers
// exactly. docs/yaml.md lists the rules and what is simplified. Every error
// is InvalidArgument and starts with `<source>:<line>:<col>: ` (1-based) when
// the position is known, `<source>: ` otherwise.
//
//   KREPLAY_ASSIGN_OR_RETURN(std::vector<Json> objects,
//                            ParseManifests(text, "deploy.yaml"));
#ifndef KREPLAY_MODEL_MANIFEST_H_
#define KREPLAY_MODEL_MANIFEST_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

// Every non-empty document of a YAML stream (or the one JSON value), in
// order. `source` names the input in messages (a file name, "ledger line 7").
// Errors: InvalidArgument for syntax errors, duplicate keys, undefined
// aliases, bad merge values and values JSON cannot hold, e.g.
// `run.yaml:4:3: duplicate key "image"`.
absl::StatusOr<std::vector<Json>> ParseYamlStream(absl::string_view text,
                                                  absl::string_view source);

// Exactly one YAML or JSON document, e.g. a patch given on a command line.
// Errors: as ParseYamlStream, and InvalidArgument when the text holds no
// document or more than one.
absl::StatusOr<Json> ParseJsonOrYaml(absl::string_view text, absl::string_view source);

// The Kubernetes objects of a manifest stream: ParseYamlStream, then each
// `kind: List` (or other `*List` kind with an `items` array) is replaced by
// its items. Every object must be a mapping with non-empty string `kind`
// and `apiVersion`.
// Errors: as ParseYamlStream, and InvalidArgument naming the source, the
// document (and item) and the missing field, with the line when known:
// `run.yaml:7:1: document 2: missing "kind"`.
absl::StatusOr<std::vector<Json>> ParseManifests(absl::string_view text,
                                                 absl::string_view source);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_MANIFEST_H_
