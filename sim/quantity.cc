#include "sim/quantity.h"

#include <cctype>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

using Wide = __int128;

constexpr char kFormatError[] =
    "quantities must match the regular expression "
    "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

// A suffix's scale: value = number * base^power (base 10 or 1024).
struct Suffix {
  const char* text;
  int base;
  int power;
  QuantityFormat format;
};

constexpr Suffix kSuffixes[] = {
    {"", 10, 0, QuantityFormat::kDecimalSI},    {"m", 10, -3, QuantityFormat::kDecimalSI},
    {"k", 10, 3, QuantityFormat::kDecimalSI},   {"M", 10, 6, QuantityFormat::kDecimalSI},
    {"G", 10, 9, QuantityFormat::kDecimalSI},   {"T", 10, 12, QuantityFormat::kDecimalSI},
    {"P", 10, 15, QuantityFormat::kDecimalSI},  {"E", 10, 18, QuantityFormat::kDecimalSI},
    {"Ki", 1024, 1, QuantityFormat::kBinarySI}, {"Mi", 1024, 2, QuantityFormat::kBinarySI},
    {"Gi", 1024, 3, QuantityFormat::kBinarySI}, {"Ti", 1024, 4, QuantityFormat::kBinarySI},
    {"Pi", 1024, 5, QuantityFormat::kBinarySI}, {"Ei", 1024, 6, QuantityFormat::kBinarySI},
};

constexpr const char* kBinaryNames[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
constexpr const char* kDecimalNames[] = {"m", "", "k", "M", "G", "T", "P", "E"};

constexpr Wide kLimit = static_cast<Wide>(INT64_MAX);

constexpr Wide Pow(int base, int power) {
  Wide out = 1;
  for (int i = 0; i < power; ++i) out *= base;
  return out;
}

// The suffix as a scale, or nullopt when it is none of upstream's.
std::optional<Suffix> ReadSuffix(absl::string_view text) {
  for (const Suffix& s : kSuffixes) {
    if (text == s.text) return s;
  }
  if (text.size() < 2 || (text[0] != 'e' && text[0] != 'E')) return std::nullopt;
  int exponent = 0;
  if (!absl::SimpleAtoi(text.substr(1), &exponent) || exponent > 18 || exponent < -18) {
    return std::nullopt;
  }
  return Suffix{"", 10, exponent, QuantityFormat::kDecimalExponent};
}

// a * b, or nullopt past 10^36 (far beyond what a Quantity holds, and
// far below what __int128 holds).
std::optional<Wide> Times(std::optional<Wide> a, Wide b) {
  constexpr Wide kHuge = Pow(10, 36);
  if (!a || (b != 0 && *a > kHuge / b)) return std::nullopt;
  return *a * b;
}

// milli = digits * 10^-fraction * base^power * 1000, rounded up.
std::optional<Wide> Milli(Wide digits, int fraction, const Suffix& s) {
  std::optional<Wide> numerator = Times(digits, 1000);
  Wide denominator = Pow(10, fraction);
  if (s.base == 1024) {
    numerator = Times(numerator, Pow(1024, s.power));
  } else if (s.power >= 0) {
    numerator = Times(numerator, Pow(10, s.power));
  } else {
    denominator *= Pow(10, -s.power);
  }
  if (!numerator || *numerator / denominator > kLimit) return std::nullopt;
  return (*numerator + denominator - 1) / denominator;
}

std::string Decimal(int64_t milli, QuantityFormat format) {
  int exponent = 0;  // index into kDecimalNames: milli / 1000^exponent
  while (exponent + 1 < static_cast<int>(std::size(kDecimalNames)) &&
         static_cast<Wide>(milli) % Pow(1000, exponent + 1) == 0) {
    ++exponent;
  }
  int64_t mantissa = milli / static_cast<int64_t>(Pow(1000, exponent));
  if (format == QuantityFormat::kDecimalExponent) {
    int power = 3 * (exponent - 1);
    return power == 0 ? absl::StrCat(mantissa) : absl::StrCat(mantissa, "e", power);
  }
  return absl::StrCat(mantissa, kDecimalNames[exponent]);
}

}  // namespace

std::string Quantity::String() const {
  if (milli == 0) return "0";
  bool whole = milli % 1000 == 0;
  int64_t units = milli / 1000;
  if (format != QuantityFormat::kBinarySI || !whole || (units > -1024 && units < 1024)) {
    return Decimal(milli, format == QuantityFormat::kBinarySI ? QuantityFormat::kDecimalSI
                                                              : format);
  }
  int power = 0;
  while (power + 1 < static_cast<int>(std::size(kBinaryNames)) &&
         static_cast<Wide>(units) % Pow(1024, power + 1) == 0) {
    ++power;
  }
  return absl::StrCat(units / static_cast<int64_t>(Pow(1024, power)), kBinaryNames[power]);
}

Quantity Quantity::Plus(const Quantity& other) const {
  return Quantity{milli + other.milli, milli == 0 ? other.format : format};
}

absl::StatusOr<Quantity> ParseQuantity(absl::string_view text) {
  absl::string_view rest = text;
  bool negative = false;
  if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
    negative = rest[0] == '-';
    rest.remove_prefix(1);
  }
  Wide digits = 0;
  int fraction = -1;  // digits after the point; -1 before it
  size_t i = 0;
  bool any = false;
  for (; i < rest.size(); ++i) {
    char c = rest[i];
    if (c == '.' && fraction < 0) {
      fraction = 0;
      continue;
    }
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) break;
    any = true;
    if (digits > Pow(10, 30)) return absl::OutOfRangeError(absl::StrCat("quantity ", text, " is too large"));
    digits = digits * 10 + (c - '0');
    if (fraction >= 0) ++fraction;
  }
  std::optional<Suffix> suffix = ReadSuffix(rest.substr(i));
  if (!any || !suffix) return absl::InvalidArgumentError(kFormatError);
  if (fraction > 18) return absl::OutOfRangeError(absl::StrCat("quantity ", text, " is too precise"));
  std::optional<Wide> milli = Milli(digits, fraction < 0 ? 0 : fraction, *suffix);
  if (!milli) return absl::OutOfRangeError(absl::StrCat("quantity ", text, " is too large"));
  int64_t value = static_cast<int64_t>(*milli);
  return Quantity{negative ? -value : value, suffix->format};
}

}  // namespace kreplay
