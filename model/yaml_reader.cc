#include "model/yaml_reader.h"

#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <utility>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "model/json_text.h"
#include "model/yaml_events.h"

namespace kreplay {
namespace {

constexpr absl::string_view kTabInIndentation =
    "tab character in indentation (YAML indents with spaces only)";

// yaml-cpp's terse messages, said the way a manifest author can act on.
struct Rewording {
  absl::string_view yaml_cpp;
  absl::string_view ours;
};
constexpr Rewording kRewordings[] = {
    {"illegal map value",
     "unexpected ':' (check the indentation, or quote a value containing \": \")"},
    {"illegal block entry", "unexpected '-' sequence entry (check the indentation)"},
    {"end of map not found", "mapping not closed (check the indentation)"},
    {"end of sequence not found", "sequence not closed (check the indentation)"},
    {"end of map flow not found", "flow mapping not closed: missing '}'"},
    {"end of sequence flow not found", "flow sequence not closed: missing ']'"},
    {"illegal tab when looking for indentation", kTabInIndentation},
    {"the referenced anchor is not defined", "undefined alias"},
};

absl::string_view LineAt(absl::string_view text, int line) {
  for (; line > 0; --line) {
    const size_t newline = text.find('\n');
    if (newline == absl::string_view::npos) return {};
    text.remove_prefix(newline + 1);
  }
  return text.substr(0, text.find('\n'));
}

// The column of a tab within the leading whitespace of `line`, if any.
std::optional<int> TabInIndentation(absl::string_view line) {
  for (size_t i = 0; i < line.size() && (line[i] == ' ' || line[i] == '\t'); ++i) {
    if (line[i] == '\t') return static_cast<int>(i);
  }
  return std::nullopt;
}

// `*name` at `pos`, for naming an undefined alias.
std::string AliasAt(absl::string_view text, int pos) {
  if (pos < 0 || static_cast<size_t>(pos) >= text.size() || text[pos] != '*') return "";
  const size_t end = text.find_first_of(" \t\r\n,[]{}", pos);
  return absl::StrCat(" \"", text.substr(pos, end - pos), "\"");
}

absl::Status ParseError(absl::string_view text, absl::string_view source,
                        const YAML::Exception& error) {
  if (error.mark.is_null()) return absl::InvalidArgumentError(absl::StrCat(source, ": ", error.msg));
  if (std::optional<int> tab = TabInIndentation(LineAt(text, error.mark.line))) {
    YAML::Mark at = error.mark;
    at.column = *tab;
    return YamlErrorAt(source, at, kTabInIndentation);
  }
  std::string what = error.msg;
  for (const Rewording& rewording : kRewordings) {
    if (error.msg == rewording.yaml_cpp) what = std::string(rewording.ours);
  }
  if (error.msg == YAML::ErrorMsg::UNKNOWN_ANCHOR) absl::StrAppend(&what, AliasAt(text, error.mark.pos));
  return YamlErrorAt(source, error.mark, what);
}

bool LooksLikeJson(absl::string_view text) {
  const absl::string_view body = absl::StripLeadingAsciiWhitespace(text);
  return !body.empty() && (body[0] == '{' || body[0] == '[');
}

size_t CountMembers(const Json& value) {
  size_t count = value.is_object() ? value.size() : 0;
  if (value.is_structured()) {
    for (const Json& child : value) count += CountMembers(child);
  }
  return count;
}

// nlohmann keeps the last of duplicate keys silently; more key events than
// members means a duplicate, and the YAML reader then reports where it is.
std::optional<YamlDocument> ReadJson(absl::string_view text) {
  size_t keys = 0;
  auto count_keys = [&keys](int, Json::parse_event_t event, Json&) {
    keys += event == Json::parse_event_t::key;
    return true;
  };
  Json value = Json::parse(text.begin(), text.end(), count_keys, /*allow_exceptions=*/false);
  if (value.is_discarded() || keys != CountMembers(value)) return std::nullopt;
  const size_t start = text.find_first_not_of(" \t\r\n");
  const size_t line_start = text.rfind('\n', start) + 1;  // npos + 1 == 0
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + start, '\n'));
  return YamlDocument{std::move(value), 1, {line, static_cast<int>(start - line_start) + 1}, {}, {}};
}

absl::StatusOr<std::vector<YamlDocument>> ReadYaml(absl::string_view text,
                                                   absl::string_view source,
                                                   YamlReadOptions options) {
  std::istringstream input{std::string(text)};
  YAML::Parser parser(input);
  JsonEventBuilder builder(text, source, options.field_positions);
  std::vector<YamlDocument> documents;
  for (int number = 1; parser.HandleNextDocument(builder); ++number) {
    if (std::optional<YamlDocument> document = builder.TakeDocument(number)) {
      documents.push_back(*std::move(document));
    }
  }
  return documents;
}

}  // namespace

TextPosition PositionOfField(const FieldPositions& positions, std::string pointer) {
  while (true) {
    if (auto found = positions.find(pointer); found != positions.end()) return found->second;
    const size_t slash = pointer.rfind('/');
    if (slash == std::string::npos) return {};
    pointer.resize(slash);
  }
}

absl::StatusOr<std::vector<YamlDocument>> ReadYamlDocuments(absl::string_view text,
                                                            absl::string_view source,
                                                            YamlReadOptions options) {
  if (std::optional<size_t> bad = FirstInvalidUtf8(text)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s:%s: invalid UTF-8 (byte 0x%02X)", source, LineColumnOf(text, *bad),
                        static_cast<unsigned char>(text[*bad])));
  }
  if (LooksLikeJson(text)) {
    if (std::optional<size_t> deep = FirstTooDeep(text)) {
      return absl::InvalidArgumentError(absl::StrCat(source, ":", LineColumnOf(text, *deep),
                                                     ": nesting deeper than ", kMaxJsonDepth,
                                                     " levels"));
    }
    if (std::optional<YamlDocument> document = ReadJson(text)) {
      return std::vector<YamlDocument>{*std::move(document)};
    }
  }
  try {
    return ReadYaml(text, source, options);
  } catch (const YamlStop& stop) {
    return stop.status;
  } catch (const YAML::DeepRecursion& error) {
    // yaml-cpp stops at 500 levels with the message "bad file".
    return YamlErrorAt(source, error.mark, "nesting deeper than 500 levels");
  } catch (const YAML::Exception& error) {
    return ParseError(text, source, error);
  }
}

}  // namespace kreplay
