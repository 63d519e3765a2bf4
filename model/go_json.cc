#include "model/go_json.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kreplay {

GoKind GoKindOf(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return GoKind::kNil;
    case Json::value_t::boolean:
      return GoKind::kBool;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return GoKind::kInt;
    case Json::value_t::number_float:
      return GoKind::kFloat;
    case Json::value_t::string:
      return GoKind::kString;
    case Json::value_t::array:
      return GoKind::kSlice;
    default:
      return GoKind::kMap;
  }
}

bool GoEqual(const Json& a, const Json& b) {
  GoKind kind = GoKindOf(a);
  if (kind != GoKindOf(b) || kind == GoKind::kSlice || kind == GoKind::kMap) {
    return false;
  }
  return a == b;
}

bool GoDeepEqual(const Json& a, const Json& b) {
  GoKind kind = GoKindOf(a);
  if (kind != GoKindOf(b) || a.size() != b.size()) return false;
  if (kind == GoKind::kSlice) {
    for (size_t i = 0; i < a.size(); ++i) {
      if (!GoDeepEqual(a[i], b[i])) return false;
    }
    return true;
  }
  if (kind == GoKind::kMap) {
    for (auto it = a.begin(); it != a.end(); ++it) {
      auto other = b.find(it.key());
      if (other == b.end() || !GoDeepEqual(*it, *other)) return false;
    }
    return true;
  }
  return a == b;
}

namespace {

// strconv.FormatFloat(f, 'g', -1, 64) with %v's exponent threshold of 21.
std::string GoFloat(double value) {
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (std::isnan(value)) return "NaN";
  char digits[64];
  auto result = std::to_chars(digits, digits + sizeof(digits), value,
                              std::chars_format::scientific);
  std::string sci(digits, result.ptr);
  size_t e = sci.find('e');
  int exponent = std::atoi(sci.c_str() + e + 1);
  if (exponent < -4 || exponent >= 21) {
    std::string mantissa = sci.substr(0, e);
    int magnitude = std::abs(exponent);
    return absl::StrCat(mantissa, "e", exponent < 0 ? "-" : "+",
                        magnitude < 10 ? "0" : "", magnitude);
  }
  result = std::to_chars(digits, digits + sizeof(digits), value,
                         std::chars_format::fixed);
  return std::string(digits, result.ptr);
}

}  // namespace

std::string GoSprint(const Json& value) {
  switch (GoKindOf(value)) {
    case GoKind::kNil:
      return "<nil>";
    case GoKind::kString:
      return value.get<std::string>();
    case GoKind::kFloat:
      return GoFloat(value.get<double>());
    case GoKind::kSlice: {
      std::vector<std::string> parts;
      for (const Json& element : value) parts.push_back(GoSprint(element));
      return absl::StrCat("[", absl::StrJoin(parts, " "), "]");
    }
    case GoKind::kMap: {
      std::vector<std::string> parts;
      for (auto it = value.begin(); it != value.end(); ++it) {
        parts.push_back(absl::StrCat(it.key(), ":", GoSprint(*it)));
      }
      return absl::StrCat("map[", absl::StrJoin(parts, " "), "]");
    }
    default:
      return value.dump();
  }
}

const char* GoKindName(const Json& value) {
  switch (GoKindOf(value)) {
    case GoKind::kNil:
      return "invalid";
    case GoKind::kBool:
      return "bool";
    case GoKind::kInt:
      return "int64";
    case GoKind::kFloat:
      return "float64";
    case GoKind::kString:
      return "string";
    case GoKind::kSlice:
      return "slice";
    default:
      return "map";
  }
}

}  // namespace kreplay
