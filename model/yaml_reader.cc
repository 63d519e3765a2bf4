#include "model/yaml_reader.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include <yaml-cpp/yaml.h>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "model/status_macros.h"
#include "model/yaml_scalar.h"

namespace kreplay {
namespace {

constexpr size_t kMaxDepth = 1000;
// go-yaml guards alias expansion by ratio; a budget of values per input byte
// (with a floor for small inputs) stops "billion laughs" just as well.
constexpr size_t kMinValueBudget = 1'000'000;
constexpr size_t kValuesPerByte = 10;
constexpr absl::string_view kMergeTag = "tag:yaml.org,2002:merge";
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

absl::Status ErrorAt(absl::string_view source, int line, int column, absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat(source, ":", line + 1, ":", column + 1, ": ", what));
}

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
    return ErrorAt(source, error.mark.line, *tab, kTabInIndentation);
  }
  std::string what = error.msg;
  for (const Rewording& rewording : kRewordings) {
    if (error.msg == rewording.yaml_cpp) what = std::string(rewording.ours);
  }
  if (error.msg == YAML::ErrorMsg::UNKNOWN_ANCHOR) absl::StrAppend(&what, AliasAt(text, error.mark.pos));
  return ErrorAt(source, error.mark.line, error.mark.column, what);
}

bool IsMergeKey(const YAML::Node& key) {
  return key.IsScalar() && key.Scalar() == "<<" && (key.Tag() == "?" || key.Tag() == kMergeTag);
}

std::set<std::string> KeysOf(const Json& object) {
  std::set<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.insert(key);
  return keys;
}

// Converts yaml-cpp nodes of one stream, keeping the alias budget across
// its documents.
class Converter {
 public:
  Converter(absl::string_view text, absl::string_view source)
      : text_(text),
        source_(source),
        budget_(std::max(kMinValueBudget, kValuesPerByte * text.size())) {}

  absl::Status Convert(const YAML::Node& node, Json* out);

 private:
  absl::Status Error(const YAML::Node& node, absl::string_view what) const {
    return ErrorAt(source_, node.Mark().line, node.Mark().column, what);
  }
  absl::Status ConvertCollection(const YAML::Node& node, Json* out);
  absl::Status ConvertSequence(const YAML::Node& node, Json* out);
  absl::Status ConvertMap(const YAML::Node& node, Json* out);
  absl::Status ConvertScalar(const YAML::Node& node, Json* out);
  absl::Status Resolve(const YAML::Node& node, ResolvedScalar* out) const;
  absl::Status CheckQuoteClosed(const YAML::Node& node) const;
  absl::StatusOr<std::string> KeyText(const YAML::Node& key) const;
  absl::Status Merge(const YAML::Node& value, Json* object);

  absl::string_view text_;
  absl::string_view source_;
  size_t budget_;
  std::vector<YAML::Node> open_;  // collections being converted, outermost first
};

absl::Status Converter::Convert(const YAML::Node& node, Json* out) {
  if (budget_ == 0) return Error(node, "document expands to too many values (excessive aliasing)");
  --budget_;
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return ConvertScalar(node, out);
    case YAML::NodeType::Sequence:
    case YAML::NodeType::Map: return ConvertCollection(node, out);
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: break;
  }
  *out = nullptr;
  return absl::OkStatus();
}

absl::Status Converter::ConvertCollection(const YAML::Node& node, Json* out) {
  if (open_.size() >= kMaxDepth) return Error(node, "nesting deeper than 1000 levels");
  for (const YAML::Node& open : open_) {
    if (open.is(node)) return Error(node, "an alias refers to the anchored value that contains it");
  }
  open_.push_back(node);
  absl::Status status = node.IsMap() ? ConvertMap(node, out) : ConvertSequence(node, out);
  open_.pop_back();
  return status;
}

absl::Status Converter::ConvertSequence(const YAML::Node& node, Json* out) {
  *out = Json::array();
  for (const YAML::Node& item : node) {
    KREPLAY_RETURN_IF_ERROR(Convert(item, &out->emplace_back()));
  }
  return absl::OkStatus();
}

// As go-yaml v2 (and so kubectl) does: entries apply in order, a merge
// overwriting the keys before it and later keys overwriting merged ones.
// Only an explicit key given twice is a duplicate.
absl::Status Converter::ConvertMap(const YAML::Node& node, Json* out) {
  *out = Json::object();
  std::optional<std::set<std::string>> explicit_keys;  // once a merge mixed others in
  for (const auto& entry : node) {
    if (IsMergeKey(entry.first)) {
      if (!explicit_keys) explicit_keys = KeysOf(*out);
      KREPLAY_RETURN_IF_ERROR(Merge(entry.second, out));
      continue;
    }
    KREPLAY_ASSIGN_OR_RETURN(std::string key, KeyText(entry.first));
    const bool duplicate =
        explicit_keys ? !explicit_keys->insert(key).second : out->contains(key);
    if (duplicate) return Error(entry.first, absl::StrCat("duplicate key \"", key, "\""));
    KREPLAY_RETURN_IF_ERROR(Convert(entry.second, &(*out)[key]));
  }
  return absl::OkStatus();
}

// A sequence of mappings merges with the earlier ones taking precedence.
absl::Status Converter::Merge(const YAML::Node& value, Json* object) {
  Json source;
  KREPLAY_RETURN_IF_ERROR(Convert(value, &source));
  if (source.is_object()) {
    object->update(source);
    return absl::OkStatus();
  }
  const bool all_maps = source.is_array() && std::all_of(source.begin(), source.end(),
                                                         [](const Json& j) { return j.is_object(); });
  if (!all_maps) return Error(value, "a merge key '<<' needs a mapping or a sequence of mappings");
  for (auto mapping = source.rbegin(); mapping != source.rend(); ++mapping) {
    object->update(*mapping);
  }
  return absl::OkStatus();
}

absl::Status Converter::ConvertScalar(const YAML::Node& node, Json* out) {
  ResolvedScalar scalar;
  KREPLAY_RETURN_IF_ERROR(Resolve(node, &scalar));
  *out = ScalarToJson(scalar);
  if (out->is_number_float() && !std::isfinite(out->get<double>())) {
    return Error(node, absl::StrCat("`", node.Scalar(), "` (infinity or NaN) has no JSON form"));
  }
  return absl::OkStatus();
}

absl::Status Converter::Resolve(const YAML::Node& node, ResolvedScalar* out) const {
  if (!node.IsScalar()) {
    *out = {ScalarKind::kNull, nullptr};
    return absl::OkStatus();
  }
  KREPLAY_RETURN_IF_ERROR(CheckQuoteClosed(node));
  const std::string& tag = node.Tag();
  if (tag == "?") {
    *out = ResolvePlainScalar(node.Scalar());
  } else if (tag == "!") {  // quoted or block scalar
    *out = {ScalarKind::kString, node.Scalar()};
  } else {
    absl::StatusOr<ResolvedScalar> tagged = ResolveTaggedScalar(node.Scalar(), tag);
    if (!tagged.ok()) return Error(node, tagged.status().message());
    *out = *std::move(tagged);
  }
  return absl::OkStatus();
}

// yaml-cpp 0.7 accepts a quoted scalar left open at the end of the input
// (`a: "abc`); a closing quote must exist after the opening one.
absl::Status Converter::CheckQuoteClosed(const YAML::Node& node) const {
  const int pos = node.Mark().pos;
  if (pos < 0 || static_cast<size_t>(pos) >= text_.size()) return absl::OkStatus();
  const char quote = text_[pos];
  if (quote != '"' && quote != '\'') return absl::OkStatus();
  for (size_t i = pos + 1; i < text_.size(); ++i) {
    if (quote == '"' && text_[i] == '\\') {
      ++i;
    } else if (text_[i] == quote) {
      if (quote == '"' || i + 1 >= text_.size() || text_[i + 1] != '\'') return absl::OkStatus();
      ++i;  // '' is an escaped single quote
    }
  }
  return Error(node, absl::StrCat("quoted scalar not closed: missing ", std::string(1, quote)));
}

absl::StatusOr<std::string> Converter::KeyText(const YAML::Node& key) const {
  if (key.IsMap() || key.IsSequence()) {
    return Error(key, "a mapping key must be a scalar, not a mapping or sequence");
  }
  ResolvedScalar scalar;
  KREPLAY_RETURN_IF_ERROR(Resolve(key, &scalar));
  absl::StatusOr<std::string> text = ScalarToKey(scalar);
  if (!text.ok()) return Error(key, text.status().message());
  return text;
}

TextPosition PositionOf(const YAML::Node& node) {
  return {node.Mark().line + 1, node.Mark().column + 1};
}

// Where the elements of a top-level `items` sequence start.
std::vector<TextPosition> ItemPositions(const YAML::Node& root) {
  std::vector<TextPosition> positions;
  if (!root.IsMap()) return positions;
  for (const auto& entry : root) {
    if (!entry.first.IsScalar() || entry.first.Scalar() != "items") continue;
    if (!entry.second.IsSequence()) break;
    for (const YAML::Node& item : entry.second) positions.push_back(PositionOf(item));
  }
  return positions;
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
  return YamlDocument{std::move(value), 1, {line, static_cast<int>(start - line_start) + 1}, {}};
}

absl::StatusOr<std::vector<YamlDocument>> ReadYaml(absl::string_view text,
                                                   absl::string_view source) {
  const std::vector<YAML::Node> roots = YAML::LoadAll(std::string(text));
  Converter converter(text, source);
  std::vector<YamlDocument> documents;
  for (size_t i = 0; i < roots.size(); ++i) {
    YamlDocument document{nullptr, static_cast<int>(i + 1), PositionOf(roots[i]), {}};
    KREPLAY_RETURN_IF_ERROR(converter.Convert(roots[i], &document.value));
    if (document.value.is_null()) continue;
    document.item_positions = ItemPositions(roots[i]);
    documents.push_back(std::move(document));
  }
  return documents;
}

}  // namespace

absl::StatusOr<std::vector<YamlDocument>> ReadYamlDocuments(absl::string_view text,
                                                            absl::string_view source) {
  if (LooksLikeJson(text)) {
    if (std::optional<YamlDocument> document = ReadJson(text)) {
      return std::vector<YamlDocument>{*std::move(document)};
    }
  }
  try {
    return ReadYaml(text, source);
  } catch (const YAML::Exception& error) {
    return ParseError(text, source, error);
  }
}

}  // namespace kreplay
