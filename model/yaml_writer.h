// Deterministic YAML output for objects: reports, fixtures, diffs.
//
// Block style in the layout `kubectl get -o yaml` uses (sequence dashes at
// the indentation of their key), object keys in Json's sorted order, two
// spaces per level. A string is written plain only when Kubernetes' YAML 1.1
// reader (model/yaml_scalar.h) would read it back as the same string;
// otherwise it is double-quoted (`"yes"`, `"0644"`, `"1.10"`, `""`, `"null"`,
// leading or trailing spaces, indicator characters, `: ` and ` #`). Strings
// of several lines become `|` literal blocks when that is exact. Reading the
// output with ParseYamlStream gives back an equal value (integral floats come
// back as integers, as they do through the API server).
#ifndef KREPLAY_MODEL_YAML_WRITER_H_
#define KREPLAY_MODEL_YAML_WRITER_H_

#include <string>

#include "model/json.h"

namespace kreplay {

// `value` as one YAML document, ending with a newline, without a `---`
// marker. Non-finite floats are written `.inf`, `-.inf`, `.nan`.
std::string ToYaml(const Json& value);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_YAML_WRITER_H_
