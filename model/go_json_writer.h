// JSON text exactly as Go's encoding/json writes it.
//
// kubectl's `-o json` output and the text of the
// `kubectl.kubernetes.io/last-applied-configuration` annotation are written
// by Go's encoding/json: object keys sorted, `<`, `>` and `&` escaped as
// \u003c, \u003e, \u0026 (HTML-safe), U+2028/U+2029 escaped, invalid UTF-8
// replaced by \ufffd, floats in Go's shortest form (`1`, `1.5`, `1e+21`).
// These writers reproduce it byte for byte.
#ifndef KREPLAY_MODEL_GO_JSON_WRITER_H_
#define KREPLAY_MODEL_GO_JSON_WRITER_H_

#include <string>

#include "model/json.h"

namespace kreplay {

// json.Marshal: compact, no trailing newline.
std::string GoMarshal(const Json& value);

// json.MarshalIndent(value, "", indent) plus the newline kubectl prints.
std::string GoMarshalIndent(const Json& value, int indent);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_GO_JSON_WRITER_H_
