#include "model/yaml_writer.h"

#include <cmath>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "model/yaml_scalar.h"

namespace kreplay {
namespace {

constexpr int kIndentStep = 2;
// Characters that start something other than a plain scalar.
constexpr absl::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`<=";

bool HasControlCharacter(absl::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return true;
  }
  return false;
}

// Readers other than go-yaml take `2024-01-02` for a date and `1:30` for a
// base-60 number; quoting keeps the text a string for all of them.
bool LooksLikeDateOrSexagesimal(absl::string_view text) {
  absl::string_view digits = text;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) digits.remove_prefix(1);
  if (digits.empty() || !absl::ascii_isdigit(static_cast<unsigned char>(digits[0]))) return false;
  return absl::StrContains(text, ':') || (text.size() > 4 && text[4] == '-');
}

// `-` starts a sequence entry only when a space follows: `--flag` is plain.
bool StartsWithIndicator(absl::string_view text) {
  if (text.front() == '-') return text.size() == 1 || text[1] == ' ' || absl::StartsWith(text, "---");
  return kIndicators.find(text.front()) != absl::string_view::npos;
}

bool IsPlainSafe(absl::string_view text) {
  if (text.empty() || StartsWithIndicator(text)) return false;
  if (text.front() == ' ' || text.back() == ' ' || text.back() == ':') return false;
  if (absl::StrContains(text, ": ") || absl::StrContains(text, " #")) return false;
  if (absl::StartsWith(text, "...") || HasControlCharacter(text)) return false;
  if (LooksLikeDateOrSexagesimal(text)) return false;
  return ResolvePlainScalar(text).kind == ScalarKind::kString;
}

std::string DoubleQuoted(absl::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          absl::StrAppendFormat(&out, "\\x%02X", static_cast<unsigned char>(c));
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "\"";
}

// A `|` block keeps text exactly when no line needs an indentation
// indicator, carries invisible trailing blanks, or is a control character
// away from plain text; at most one final newline (clip or strip chomping).
bool FitsLiteralBlock(absl::string_view text) {
  if (!absl::StrContains(text, '\n') || absl::EndsWith(text, "\n\n")) return false;
  if (text.front() == ' ' || text.front() == '\n') return false;
  absl::string_view body = absl::StripSuffix(text, "\n");
  for (absl::string_view line : absl::StrSplit(body, '\n')) {
    if (HasControlCharacter(absl::StrReplaceAll(line, {{"\t", ""}}))) return false;
    if (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.front() == '\t')) {
      return false;
    }
  }
  return true;
}

std::string LiteralBlock(absl::string_view text, int indent) {
  std::string out = absl::EndsWith(text, "\n") ? "|" : "|-";
  for (absl::string_view line : absl::StrSplit(absl::StripSuffix(text, "\n"), '\n')) {
    absl::StrAppend(&out, "\n", line.empty() ? "" : std::string(indent, ' '), line);
  }
  return out;
}

std::string StringScalar(absl::string_view text, int indent) {
  if (IsPlainSafe(text)) return std::string(text);
  if (FitsLiteralBlock(text)) return LiteralBlock(text, indent);
  return DoubleQuoted(text);
}

std::string FloatScalar(double value) {
  if (std::isnan(value)) return ".nan";
  if (std::isinf(value)) return value > 0 ? ".inf" : "-.inf";
  return Json(value).dump();
}

// A scalar or an empty collection; `indent` is where block lines go.
std::string Scalar(const Json& value, int indent) {
  switch (value.type()) {
    case Json::value_t::string: return StringScalar(value.get_ref<const std::string&>(), indent);
    case Json::value_t::number_float: return FloatScalar(value.get<double>());
    case Json::value_t::object: return "{}";
    case Json::value_t::array: return "[]";
    default: break;
  }
  return value.dump();
}

std::string Key(const std::string& key) { return IsPlainSafe(key) ? key : DoubleQuoted(key); }

bool IsBlockCollection(const Json& value) { return value.is_structured() && !value.empty(); }

void WriteBlock(const Json& value, int indent, std::string* out);

// A block collection that starts on the line of its `- ` item.
void WriteInline(const Json& value, int indent, std::string* out) {
  std::string nested;
  WriteBlock(value, indent, &nested);
  absl::StrAppend(out, " ", absl::string_view(nested).substr(indent));
}

void WriteMapping(const Json& object, int indent, std::string* out) {
  for (const auto& [key, value] : object.items()) {
    absl::StrAppend(out, std::string(indent, ' '), Key(key), ":");
    if (IsBlockCollection(value)) {
      out->push_back('\n');
      WriteBlock(value, value.is_object() ? indent + kIndentStep : indent, out);
    } else {
      absl::StrAppend(out, " ", Scalar(value, indent + kIndentStep), "\n");
    }
  }
}

void WriteSequence(const Json& array, int indent, std::string* out) {
  for (const Json& item : array) {
    absl::StrAppend(out, std::string(indent, ' '), "-");
    if (IsBlockCollection(item)) {
      WriteInline(item, indent + kIndentStep, out);
    } else {
      absl::StrAppend(out, " ", Scalar(item, indent + kIndentStep), "\n");
    }
  }
}

void WriteBlock(const Json& value, int indent, std::string* out) {
  if (value.is_object()) {
    WriteMapping(value, indent, out);
  } else {
    WriteSequence(value, indent, out);
  }
}

}  // namespace

std::string ToYaml(const Json& value) {
  std::string out;
  if (IsBlockCollection(value)) {
    WriteBlock(value, 0, &out);
  } else {
    absl::StrAppend(&out, Scalar(value, kIndentStep), "\n");
  }
  return out;
}

}  // namespace kreplay
