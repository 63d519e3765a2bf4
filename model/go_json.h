// Decoded JSON as Go code sees it.
//
// The Kubernetes patch code is Go that works on `map[string]interface{}`
// values, and some of its observable behaviour follows from Go's dynamic
// types: integers (int64) and floats (float64) are different types, so `80`
// and `80.0` are different merge keys; `==` on interface values compares
// type and value; `fmt.Sprintf("%v")` renders maps as `map[k:v]`. kreplay's
// patch engines use these helpers wherever the Go code relies on them.
#ifndef KREPLAY_MODEL_GO_JSON_H_
#define KREPLAY_MODEL_GO_JSON_H_

#include <string>

#include "model/json.h"

namespace kreplay {

enum class GoKind { kNil, kBool, kInt, kFloat, kString, kSlice, kMap };

GoKind GoKindOf(const Json& value);

// Go's `==` between two interface{} values holding decoded JSON scalars:
// same dynamic type and same value. Containers never compare equal here
// (Go would panic on maps and slices).
bool GoEqual(const Json& a, const Json& b);

// reflect.DeepEqual on decoded JSON (type-strict for numbers).
bool GoDeepEqual(const Json& a, const Json& b);

// fmt.Sprintf("%v", value): `map[a:1 b:x]`, `[1 2]`, `<nil>`, floats in
// Go's %v form (`1.5`, `1e+21`).
std::string GoSprint(const Json& value);

// reflect.Kind name of the Go type a JSON value decodes to ("map", "slice",
// "string", "int64", "float64", "bool", "invalid" for null).
const char* GoKindName(const Json& value);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_GO_JSON_H_
