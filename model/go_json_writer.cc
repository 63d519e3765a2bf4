#include "model/go_json_writer.h"

#include <charconv>
#include <cmath>

#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// Length of the valid UTF-8 sequence at `text[i]`, or 0 if invalid.
size_t Utf8Length(const std::string& text, size_t i) {
  unsigned char lead = static_cast<unsigned char>(text[i]);
  size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (lead >= 0xF5 || length == 0 || i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  }
  unsigned char second = static_cast<unsigned char>(text[i + 1]);
  if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0) ||
      (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second >= 0x90)) {
    return 0;  // overlong, surrogate, or beyond U+10FFFF
  }
  return length;
}

void AppendAscii(std::string& out, unsigned char c) {
  switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: break;
  }
  if (c < 0x20 || c == '<' || c == '>' || c == '&') {
    out += "\\u00";
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  } else {
    out += static_cast<char>(c);
  }
}

void AppendString(std::string& out, const std::string& text) {
  out += '"';
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      AppendAscii(out, c);
      ++i;
      continue;
    }
    size_t length = Utf8Length(text, i);
    if (length == 0) {
      out += "\\ufffd";
      ++i;
    } else if (length == 3 && text.compare(i, 2, "\xE2\x80") == 0 &&
               (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
      out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 3;
    } else {
      out.append(text, i, length);
      i += length;
    }
  }
  out += '"';
}

// encoding/json's floatEncoder: %f form in [1e-6, 1e21), else %e with the
// exponent's leading zero dropped.
void AppendFloat(std::string& out, double value) {
  double magnitude = std::fabs(value);
  bool exponent = magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21);
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), value,
                              exponent ? std::chars_format::scientific
                                       : std::chars_format::fixed);
  std::string text(buffer, result.ptr);
  if (exponent) {
    size_t e = text.find('e');
    std::string digits = text.substr(e + 2);
    while (digits.size() > 1 && digits[0] == '0') digits.erase(0, 1);
    text = absl::StrCat(text.substr(0, e + 2), digits);
  }
  out += text;
}

void Append(std::string& out, const Json& value, int indent, int depth);

void Newline(std::string& out, int indent, int depth) {
  if (indent == 0) return;
  out += '\n';
  out.append(static_cast<size_t>(indent * depth), ' ');
}

void AppendObject(std::string& out, const Json& value, int indent, int depth) {
  if (value.empty()) {
    out += "{}";
    return;
  }
  out += '{';
  bool first = true;
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (!first) out += ',';
    first = false;
    Newline(out, indent, depth + 1);
    AppendString(out, it.key());
    out += indent == 0 ? ":" : ": ";
    Append(out, *it, indent, depth + 1);
  }
  Newline(out, indent, depth);
  out += '}';
}

void AppendArray(std::string& out, const Json& value, int indent, int depth) {
  if (value.empty()) {
    out += "[]";
    return;
  }
  out += '[';
  for (size_t i = 0; i < value.size(); ++i) {
    if (i > 0) out += ',';
    Newline(out, indent, depth + 1);
    Append(out, value[i], indent, depth + 1);
  }
  Newline(out, indent, depth);
  out += ']';
}

void Append(std::string& out, const Json& value, int indent, int depth) {
  switch (value.type()) {
    case Json::value_t::object:
      return AppendObject(out, value, indent, depth);
    case Json::value_t::array:
      return AppendArray(out, value, indent, depth);
    case Json::value_t::string:
      return AppendString(out, value.get_ref<const std::string&>());
    case Json::value_t::number_float:
      return AppendFloat(out, value.get<double>());
    default:
      out += value.dump();
  }
}

}  // namespace

std::string GoMarshal(const Json& value) {
  std::string out;
  Append(out, value, 0, 0);
  return out;
}

std::string GoMarshalIndent(const Json& value, int indent) {
  std::string out;
  Append(out, value, indent, 0);
  out += '\n';
  return out;
}

}  // namespace kreplay
