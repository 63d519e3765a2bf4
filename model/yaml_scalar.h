// How Kubernetes types a YAML scalar.
//
// Kubernetes reads YAML with sigs.k8s.io/yaml, which sits on go-yaml v2: YAML
// 1.1 scalar resolution. A plain (unquoted) scalar can be a boolean (`yes`,
// `on`, `y`, `true` ...), null (`~`, `null`, empty), an integer with Go's
// ParseInt rules after removing `_` (`0644` is octal 420, `0x1F`, `0o17`,
// `0b101`), or a float matching go-yaml's pattern (`1.10` is 1.1). Everything
// else, and every quoted or block scalar, is a string. The manifest reader
// and the YAML writer (which must quote strings that would read back as
// something else) share these rules. Reference: goyaml.v2/resolve.go in
// kubernetes-sigs/yaml.
#ifndef KREPLAY_MODEL_YAML_SCALAR_H_
#define KREPLAY_MODEL_YAML_SCALAR_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

// The YAML 1.1 type a scalar resolves to.
enum class ScalarKind { kNull, kBool, kInt, kFloat, kString };

struct ResolvedScalar {
  ScalarKind kind = ScalarKind::kString;
  // Null, a boolean, an int64 or uint64, a double (possibly ±inf or NaN for
  // `.inf` / `.nan`), or the text itself for strings.
  Json value;
};

// Resolves the text of a plain scalar by go-yaml v2's rules. Never fails:
// text that is nothing else is a string, including floats that overflow a
// double and hex, octal or binary integers beyond uint64 (as kubectl 1.32).
ResolvedScalar ResolvePlainScalar(absl::string_view text);

// Resolves a scalar that carries an explicit tag, in yaml-cpp's long form
// (`tag:yaml.org,2002:int` for `!!int`). `!!str` and unknown or local tags
// give the text as a string; `!!int`, `!!float`, `!!bool` and `!!null` must
// match what the text resolves to (an integer is accepted as a float).
// Errors: InvalidArgument "cannot decode !!str `abc` as a !!int" on mismatch.
absl::StatusOr<ResolvedScalar> ResolveTaggedScalar(absl::string_view text,
                                                   absl::string_view tag);

// The JSON value Kubernetes ends up with for a resolved scalar. Go's
// encoding/json writes an integral float64 without a fraction (3.0 as `3`),
// and kubectl and the API server then read an int64 when the text fits one;
// so such floats become integers here. Non-finite floats are returned
// unchanged (callers reject them: JSON cannot carry them).
Json ScalarToJson(const ResolvedScalar& scalar);

// How go-yaml renders a scalar used as a mapping key when sigs.k8s.io/yaml
// turns it into a JSON object key: `1e6` becomes "1e+06", `yes` "true".
// Errors: InvalidArgument for a null key, which JSON objects cannot carry.
absl::StatusOr<std::string> ScalarToKey(const ResolvedScalar& scalar);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_YAML_SCALAR_H_
