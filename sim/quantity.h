// Kubernetes resource quantities (`100m`, `64Mi`, `2Gi`, `1e3`), held
// exactly enough to compare, add and print them as the API server does.
//
// A Quantity is a whole number of thousandths (milli-units) and the format
// it was written in. apimachinery's resource.Quantity keeps arbitrary
// precision; kreplay keeps milli-units in 64 bits, which holds every
// quantity below 9.2e15 units (memory up to 8 PiB, exactly); a larger one
// is an error. A value finer than a milli-unit is rounded up, as
// Quantity.MilliValue() rounds (docs/semantics.md, "Resource quantities").
// String() prints the canonical form (Quantity.String()): the largest
// binary suffix that keeps an integer for a quantity written in binary SI
// and at least 1Ki, else the largest decimal suffix that does.
#ifndef KREPLAY_SIM_QUANTITY_H_
#define KREPLAY_SIM_QUANTITY_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kreplay {

enum class QuantityFormat { kDecimalSI, kBinarySI, kDecimalExponent };

struct Quantity {
  int64_t milli = 0;  // thousandths of the unit (millicores, millibytes)
  QuantityFormat format = QuantityFormat::kDecimalSI;

  // Upstream's canonical text: `500m`, `2`, `384Mi`, `1500m`, `0`.
  std::string String() const;

  // The sum, in this quantity's format (the other's when this one is zero,
  // as Quantity.Add does).
  Quantity Plus(const Quantity& other) const;
};

// The order of the values; formats do not matter (`1Gi` == `1073741824`).
inline bool operator<(const Quantity& a, const Quantity& b) { return a.milli < b.milli; }
inline bool operator==(const Quantity& a, const Quantity& b) { return a.milli == b.milli; }

// Parses `text` as resource.ParseQuantity does: an optional sign, a decimal
// number, then one suffix (m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei, or
// an exponent e3/E-2). Errors: InvalidArgument for anything else
// (`quantities must match the regular expression ...`, upstream's text) and
// OutOfRange for a value kreplay cannot hold.
absl::StatusOr<Quantity> ParseQuantity(absl::string_view text);

}  // namespace kreplay

#endif  // KREPLAY_SIM_QUANTITY_H_
