#include "model/yaml_scalar.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace kreplay {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// go-yaml's resolveMap: words that resolve to a fixed value.
struct Word {
  const char* text;
  ScalarKind kind;
  double number;  // 1/0 for booleans, the value for floats
};
constexpr Word kWords[] = {
    {"y", ScalarKind::kBool, 1},        {"Y", ScalarKind::kBool, 1},
    {"yes", ScalarKind::kBool, 1},      {"Yes", ScalarKind::kBool, 1},
    {"YES", ScalarKind::kBool, 1},      {"true", ScalarKind::kBool, 1},
    {"True", ScalarKind::kBool, 1},     {"TRUE", ScalarKind::kBool, 1},
    {"on", ScalarKind::kBool, 1},       {"On", ScalarKind::kBool, 1},
    {"ON", ScalarKind::kBool, 1},       {"n", ScalarKind::kBool, 0},
    {"N", ScalarKind::kBool, 0},        {"no", ScalarKind::kBool, 0},
    {"No", ScalarKind::kBool, 0},       {"NO", ScalarKind::kBool, 0},
    {"false", ScalarKind::kBool, 0},    {"False", ScalarKind::kBool, 0},
    {"FALSE", ScalarKind::kBool, 0},    {"off", ScalarKind::kBool, 0},
    {"Off", ScalarKind::kBool, 0},      {"OFF", ScalarKind::kBool, 0},
    {"", ScalarKind::kNull, 0},         {"~", ScalarKind::kNull, 0},
    {"null", ScalarKind::kNull, 0},     {"Null", ScalarKind::kNull, 0},
    {"NULL", ScalarKind::kNull, 0},     {".nan", ScalarKind::kFloat, NAN},
    {".NaN", ScalarKind::kFloat, NAN},  {".NAN", ScalarKind::kFloat, NAN},
    {".inf", ScalarKind::kFloat, kInf}, {".Inf", ScalarKind::kFloat, kInf},
    {".INF", ScalarKind::kFloat, kInf}, {"+.inf", ScalarKind::kFloat, kInf},
    {"+.Inf", ScalarKind::kFloat, kInf}, {"+.INF", ScalarKind::kFloat, kInf},
    {"-.inf", ScalarKind::kFloat, -kInf}, {"-.Inf", ScalarKind::kFloat, -kInf},
    {"-.INF", ScalarKind::kFloat, -kInf},
};

// go-yaml's resolveTable: the first character decides what a plain scalar
// may be. 'M' words only, '.' a word or a float, 'D'/'S' a number.
char Hint(absl::string_view text) {
  if (text.empty()) return 'M';
  const char c = text[0];
  if (c == '+' || c == '-') return 'S';
  if (absl::ascii_isdigit(static_cast<unsigned char>(c))) return 'D';
  if (c == '.') return '.';
  return absl::string_view("yYnNtTfFoO~").find(c) != absl::string_view::npos ? 'M' : 0;
}

ResolvedScalar Make(ScalarKind kind, Json value) { return {kind, std::move(value)}; }

std::optional<ResolvedScalar> LookupWord(absl::string_view text) {
  for (const Word& word : kWords) {
    if (text != word.text) continue;
    switch (word.kind) {
      case ScalarKind::kBool: return Make(word.kind, word.number != 0);
      case ScalarKind::kNull: return Make(word.kind, nullptr);
      default: return Make(word.kind, word.number);
    }
  }
  return std::nullopt;
}

// The result of Go's strconv.ParseInt/ParseUint(text, 0, 64) syntax.
struct GoInteger {
  bool valid = false;
  bool has_sign = false;
  bool negative = false;
  bool overflow = false;  // magnitude beyond uint64
  uint64_t magnitude = 0;
};

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  const char lower = absl::ascii_tolower(static_cast<unsigned char>(c));
  return lower >= 'a' && lower <= 'z' ? lower - 'a' + 10 : 99;
}

// Go's base-0 prefix rules: 0x, 0o, 0b (needing a digit after them), else a
// leading 0 means octal.
int TakeBase(absl::string_view* digits) {
  absl::string_view& s = *digits;
  if (s.empty() || s[0] != '0') return 10;
  const char mark = s.size() >= 3 ? absl::ascii_tolower(static_cast<unsigned char>(s[1])) : 0;
  const int base = mark == 'x' ? 16 : mark == 'o' ? 8 : mark == 'b' ? 2 : 0;
  s.remove_prefix(base == 0 ? 1 : 2);
  return base == 0 ? 8 : base;
}

GoInteger ScanGoInteger(absl::string_view s) {
  GoInteger n;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    n.has_sign = true;
    n.negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return n;
  const int base = TakeBase(&s);
  for (const char c : s) {
    const int digit = DigitValue(c);
    if (digit >= base) return n;
    const uint64_t max = std::numeric_limits<uint64_t>::max();
    n.overflow = n.overflow || n.magnitude > (max - digit) / base;
    n.magnitude = n.magnitude * base + digit;
  }
  n.valid = true;
  return n;
}

// ParseInt succeeds, or ParseUint (no sign allowed) does.
std::optional<Json> FitGoInteger(const GoInteger& n) {
  if (!n.valid || n.overflow) return std::nullopt;
  const uint64_t int64_max = std::numeric_limits<int64_t>::max();
  if (n.negative) {
    if (n.magnitude > int64_max + 1) return std::nullopt;
    return Json(static_cast<int64_t>(0 - n.magnitude));
  }
  if (n.magnitude <= int64_max) return Json(static_cast<int64_t>(n.magnitude));
  if (!n.has_sign) return Json(n.magnitude);
  return std::nullopt;
}

bool TakeDigits(absl::string_view* s) {
  size_t count = 0;
  while (count < s->size() && absl::ascii_isdigit(static_cast<unsigned char>((*s)[count]))) {
    ++count;
  }
  s->remove_prefix(count);
  return count > 0;
}

bool TakeChar(absl::string_view* s, absl::string_view set) {
  if (s->empty() || set.find(s->front()) == absl::string_view::npos) return false;
  s->remove_prefix(1);
  return true;
}

// go-yaml's yamlStyleFloat:
// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool MatchesYamlFloat(absl::string_view s) {
  TakeChar(&s, "+-");
  if (TakeChar(&s, ".")) {
    if (!TakeDigits(&s)) return false;
  } else {
    if (!TakeDigits(&s)) return false;
    if (TakeChar(&s, ".")) TakeDigits(&s);
  }
  if (TakeChar(&s, "eE")) {
    TakeChar(&s, "+-");
    if (!TakeDigits(&s)) return false;
  }
  return s.empty();
}

// Go's ParseFloat on text matching the pattern: overflow is an error (the
// scalar stays a string), underflow gives zero or a subnormal.
std::optional<double> ParseGoFloat(absl::string_view text) {
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc()) return value;
  const std::string copy(text);  // strtod tells overflow from underflow
  value = std::strtod(copy.c_str(), nullptr);
  if (std::isinf(value)) return std::nullopt;
  return value;
}

// Go's ParseFloat on text starting with '.', which accepts underscores
// between digits as Go literals do (`.5_0` is 0.5).
std::optional<double> ParseDotFloat(absl::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '_') continue;
    const bool between_digits = i > 0 && i + 1 < text.size() &&
                                absl::ascii_isdigit(static_cast<unsigned char>(text[i - 1])) &&
                                absl::ascii_isdigit(static_cast<unsigned char>(text[i + 1]));
    if (!between_digits) return std::nullopt;
  }
  const std::string plain = absl::StrReplaceAll(text, {{"_", ""}});
  if (!MatchesYamlFloat(plain)) return std::nullopt;
  return ParseGoFloat(plain);
}

ResolvedScalar ResolveNumber(absl::string_view text) {
  const std::string plain = absl::StrReplaceAll(text, {{"_", ""}});
  const GoInteger integer = ScanGoInteger(plain);
  if (std::optional<Json> fit = FitGoInteger(integer)) {
    return Make(ScalarKind::kInt, *std::move(fit));
  }
  if (MatchesYamlFloat(plain)) {
    if (std::optional<double> value = ParseGoFloat(plain)) {
      return Make(ScalarKind::kFloat, *value);
    }
  }
  return Make(ScalarKind::kString, std::string(text));
}

const char* ShortTag(ScalarKind kind) {
  switch (kind) {
    case ScalarKind::kNull: return "!!null";
    case ScalarKind::kBool: return "!!bool";
    case ScalarKind::kInt: return "!!int";
    case ScalarKind::kFloat: return "!!float";
    case ScalarKind::kString: break;
  }
  return "!!str";
}

struct TagKind {
  const char* tag;
  ScalarKind kind;
};
constexpr TagKind kTagKinds[] = {
    {"tag:yaml.org,2002:null", ScalarKind::kNull},
    {"tag:yaml.org,2002:bool", ScalarKind::kBool},
    {"tag:yaml.org,2002:int", ScalarKind::kInt},
    {"tag:yaml.org,2002:float", ScalarKind::kFloat},
};

double AsDouble(const Json& number) {
  if (number.is_number_unsigned()) return static_cast<double>(number.get<uint64_t>());
  if (number.is_number_integer()) return static_cast<double>(number.get<int64_t>());
  return number.get<double>();
}

// strconv.FormatFloat(value, 'g', -1, 32): shortest float32 digits, in
// exponent form when the exponent is below -4 or at least 6.
std::string GoFloat32Text(double value) {
  if (std::isnan(value)) return ".nan";
  if (std::isinf(value)) return value > 0 ? ".inf" : "-.inf";
  // Beyond float32's range (from FLT_MAX plus half an ulp, where rounding to
  // nearest-even leaves the finite values) Go's float32 conversion gives an
  // infinity: FormatFloat writes "+Inf" or "-Inf", which sigs.k8s.io/yaml's
  // key conversion (convertToJSONableObject) then rewrites as ".inf" and
  // "-.inf", like a true infinity. Checked before narrowing: the C++
  // conversion of an unrepresentable value is undefined.
  if (std::fabs(value) >= 0x1.ffffffp+127) return value > 0 ? ".inf" : "-.inf";
  const float narrow = static_cast<float>(value);
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, narrow, std::chars_format::scientific);
  const std::string scientific(buffer, result.ptr);
  const int exponent = std::atoi(scientific.c_str() + scientific.find('e') + 1);
  if (exponent < -4 || exponent >= 6) return scientific;
  result = std::to_chars(buffer, buffer + sizeof buffer, narrow, std::chars_format::fixed);
  return std::string(buffer, result.ptr);
}

// How Go's encoding/json writes an integral float64 below 1e21: the
// shortest round-trip digits, padded with zeros (2^63 is
// "9223372036854776000", which no longer fits an int64).
std::string GoIntegralText(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value,
                                    std::chars_format::scientific);
  const absl::string_view scientific(buffer, result.ptr - buffer);
  const size_t e = scientific.find('e');
  std::string text;
  for (const char c : scientific.substr(0, e)) {
    if (c != '.') text.push_back(c);
  }
  const int exponent = std::atoi(std::string(scientific.substr(e + 1)).c_str());
  const int digits = static_cast<int>(text.size()) - (value < 0 ? 1 : 0);
  text.append(std::max(0, exponent + 1 - digits), '0');
  return text;
}

}  // namespace

ResolvedScalar ResolvePlainScalar(absl::string_view text) {
  const char hint = Hint(text);
  if (hint == 0) return Make(ScalarKind::kString, std::string(text));
  if (std::optional<ResolvedScalar> word = LookupWord(text)) return *std::move(word);
  if (hint == '.') {
    if (std::optional<double> value = ParseDotFloat(text)) return Make(ScalarKind::kFloat, *value);
  }
  if (hint == 'D' || hint == 'S') return ResolveNumber(text);
  return Make(ScalarKind::kString, std::string(text));
}

absl::StatusOr<ResolvedScalar> ResolveTaggedScalar(absl::string_view text,
                                                   absl::string_view tag) {
  for (const TagKind& entry : kTagKinds) {
    if (tag != entry.tag) continue;
    ResolvedScalar resolved = ResolvePlainScalar(text);
    if (resolved.kind == entry.kind) return resolved;
    if (entry.kind == ScalarKind::kFloat && resolved.kind == ScalarKind::kInt) {
      return Make(ScalarKind::kFloat, AsDouble(resolved.value));
    }
    return absl::InvalidArgumentError(absl::StrCat("cannot decode ", ShortTag(resolved.kind),
                                                   " `", text, "` as a ",
                                                   ShortTag(entry.kind)));
  }
  return Make(ScalarKind::kString, std::string(text));
}

Json ScalarToJson(const ResolvedScalar& scalar) {
  if (scalar.kind != ScalarKind::kFloat) return scalar.value;
  const double value = scalar.value.get<double>();
  if (!std::isfinite(value) || std::trunc(value) != value || std::fabs(value) >= 1e21) {
    return scalar.value;
  }
  const std::string text = GoIntegralText(value);
  int64_t integer = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), integer);
  if (error != std::errc() || end != text.data() + text.size()) return scalar.value;
  return Json(integer);
}

absl::StatusOr<std::string> ScalarToKey(const ResolvedScalar& scalar) {
  switch (scalar.kind) {
    case ScalarKind::kString: return scalar.value.get<std::string>();
    case ScalarKind::kBool: return std::string(scalar.value.get<bool>() ? "true" : "false");
    case ScalarKind::kInt: return scalar.value.dump();
    case ScalarKind::kFloat: return GoFloat32Text(scalar.value.get<double>());
    case ScalarKind::kNull: break;
  }
  return absl::InvalidArgumentError("a null mapping key cannot become a JSON object key");
}

}  // namespace kreplay
