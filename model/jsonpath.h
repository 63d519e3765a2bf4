// kubectl's JSONPath templates (`kubectl get -o jsonpath='...'`), evaluated
// on one object, as the verifiers of other people's scenarios read a cluster:
//   {.status.readyReplicas}/{.spec.replicas}            -> "2/2"
//   {.data.nginx\.conf}                                  -> the ConfigMap's text
//   {.spec.template.spec.containers[0].image}            -> "nginx:1.27-alpine"
//   {range .subsets[*].addresses[*]}x{end}               -> one x per address
//   {.spec.containers[?(@.name=="nginx")].image}
//
// The subset of k8s.io/client-go/util/jsonpath kreplay supports: text outside
// braces is literal; inside, `$` or `@` for the current object, `.name` and
// `['name']` children (`\.` escapes a dot in a name), `*` and `[*]` every
// element, `[N]` an index (negative from the end), `[?(@.path=="text")]` and
// `!=` filters on strings, numbers and booleans, `range PATH` ... `end`, and
// "quoted" literals. Results print as kubectl prints them: strings bare,
// anything else as compact JSON, several results of one action joined with a
// space. A missing field prints nothing, as `kubectl get` does (it allows
// missing keys). Not supported: recursive descent `..`, slices `[a:b]`,
// unions `[a,b]`, and filters other than == and != (an error says so).
#ifndef KREPLAY_MODEL_JSONPATH_H_
#define KREPLAY_MODEL_JSONPATH_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

// The text `tmpl` prints for `object`. Errors: InvalidArgument naming the
// position and the construct for a template kreplay cannot read (unclosed
// `{`, `range` without `end`, an unsupported construct).
absl::StatusOr<std::string> EvaluateJsonPath(absl::string_view tmpl, const Json& object);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_JSONPATH_H_
