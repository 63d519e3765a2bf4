#include "model/json_text.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kreplay {
namespace {

// The length of the well-formed UTF-8 sequence at `text[at]`, 0 when ill-formed.
size_t SequenceLength(absl::string_view text, size_t at) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  struct Lead {
    unsigned char from, to;  // lead byte range
    size_t length;
    unsigned char second_from, second_to;  // allowed range of the second byte
  };
  // RFC 3629's table: no overlongs, no surrogates, nothing past U+10FFFF.
  static constexpr Lead kLeads[] = {
      {0xC2, 0xDF, 2, 0x80, 0xBF}, {0xE0, 0xE0, 3, 0xA0, 0xBF},
      {0xE1, 0xEC, 3, 0x80, 0xBF}, {0xED, 0xED, 3, 0x80, 0x9F},
      {0xEE, 0xEF, 3, 0x80, 0xBF}, {0xF0, 0xF0, 4, 0x90, 0xBF},
      {0xF1, 0xF3, 4, 0x80, 0xBF}, {0xF4, 0xF4, 4, 0x80, 0x8F},
  };
  for (const Lead& row : kLeads) {
    if (lead < row.from || lead > row.to) continue;
    if (at + row.length > text.size()) return 0;
    if (byte(at + 1) < row.second_from || byte(at + 1) > row.second_to) return 0;
    for (size_t i = 2; i < row.length; ++i) {
      if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) return 0;
    }
    return row.length;
  }
  return 0;
}

// nlohmann's message without its "[json.exception.parse_error.101] " tag.
std::string ParserMessage(const std::exception& e) {
  absl::string_view what = e.what();
  size_t close = what.find("] ");
  return PrintableUtf8(close == absl::string_view::npos ? what : what.substr(close + 2));
}

}  // namespace

std::optional<size_t> FirstInvalidUtf8(absl::string_view text) {
  for (size_t at = 0; at < text.size();) {
    size_t length = SequenceLength(text, at);
    if (length == 0) return at;
    at += length;
  }
  return std::nullopt;
}

std::optional<size_t> FirstTooDeep(absl::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (in_string) {
      if (c == '\\') {
        ++at;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return at;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

std::string PrintableUtf8(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size();) {
    size_t length = SequenceLength(text, at);
    if (length == 0) {
      absl::StrAppendFormat(&out, "\\x%02X", static_cast<unsigned char>(text[at]));
      ++at;
      continue;
    }
    out.append(text.data() + at, length);
    at += length;
  }
  return out;
}

std::string LineColumnOf(absl::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  absl::string_view before = text.substr(0, offset);
  const size_t line_start = before.rfind('\n');
  const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  const size_t column =
      line_start == absl::string_view::npos ? offset + 1 : offset - line_start;
  return absl::StrCat(line, ":", column);
}

JsonText ParseJsonText(absl::string_view text) {
  JsonText out;
  if (std::optional<size_t> bad = FirstInvalidUtf8(text)) {
    out.error = JsonTextError{
        *bad, absl::StrFormat("invalid UTF-8 (byte 0x%02X)",
                              static_cast<unsigned char>(text[*bad]))};
    return out;
  }
  // nlohmann's lexer takes a NUL byte for the end of the input and would
  // ignore what follows it; inside a string it is invalid JSON anyway.
  if (const size_t nul = text.find('\0'); nul != absl::string_view::npos) {
    out.error = JsonTextError{nul, "NUL byte"};
    return out;
  }
  if (std::optional<size_t> deep = FirstTooDeep(text)) {
    out.error = JsonTextError{
        *deep, absl::StrCat("nesting deeper than ", kMaxJsonDepth, " levels")};
    return out;
  }
  // The keys seen in each open object; the first duplicate is kept.
  std::vector<std::set<std::string>> open;
  std::optional<std::string> duplicate;
  auto check_keys = [&](int, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start: open.emplace_back(); break;
      case Json::parse_event_t::object_end:
        if (!open.empty()) open.pop_back();
        break;
      case Json::parse_event_t::key:
        if (!open.empty() && parsed.is_string() &&
            !open.back().insert(parsed.get<std::string>()).second && !duplicate) {
          duplicate = parsed.get<std::string>();
        }
        break;
      default: break;
    }
    return true;
  };
  try {
    out.value = Json::parse(text.begin(), text.end(), check_keys);
  } catch (const Json::parse_error& e) {
    out.value = Json();
    out.error = JsonTextError{e.byte > 0 ? e.byte - 1 : 0, ParserMessage(e), true};
    return out;
  } catch (const Json::exception& e) {
    out.value = Json();
    out.error = JsonTextError{std::string::npos, ParserMessage(e)};
    return out;
  }
  if (duplicate) {
    out.value = Json();
    out.error = JsonTextError{std::string::npos,
                              absl::StrCat("duplicate key \"", *duplicate, "\"")};
  }
  return out;
}

}  // namespace kreplay
