#include "model/yaml_events.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

constexpr size_t kMaxDepth = 1000;
// go-yaml guards alias expansion by ratio; a budget of values per input byte
// (with a floor for small inputs) stops "billion laughs" just as well.
constexpr size_t kMinValueBudget = 1'000'000;
constexpr size_t kValuesPerByte = 10;
// Real YAML yields at most a few node events per input byte; yaml-cpp 0.7's
// loop on a stray ',' yields empty documents without reading on.
constexpr size_t kMinEventBudget = 64;
constexpr size_t kEventsPerByte = 4;
constexpr absl::string_view kMergeTag = "tag:yaml.org,2002:merge";

bool IsMergeKey(const std::string& tag, const std::string& text) {
  return text == "<<" && (tag == "?" || tag == kMergeTag);
}

std::set<std::string> KeysOf(const Json& object) {
  std::set<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.insert(key);
  return keys;
}

size_t CountValues(const Json& value) {
  size_t count = 1;
  if (value.is_structured()) {
    for (const Json& child : value) count += CountValues(child);
  }
  return count;
}

TextPosition PositionOf(const YAML::Mark& mark) { return {mark.line + 1, mark.column + 1}; }

// The key an aliased scalar gives, as if it were written in place.
std::optional<std::string> KeyOfValue(const Json& value) {
  switch (value.type()) {
    case Json::value_t::string: return value.get<std::string>();
    case Json::value_t::boolean: return std::string(value.get<bool>() ? "true" : "false");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return value.dump();
    case Json::value_t::number_float: return ScalarToKey({ScalarKind::kFloat, value}).value_or("");
    default: break;
  }
  return std::nullopt;
}

}  // namespace

absl::Status YamlErrorAt(absl::string_view source, const YAML::Mark& mark, absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat(source, ":", mark.line + 1, ":", mark.column + 1, ": ", what));
}

JsonEventBuilder::JsonEventBuilder(absl::string_view text, absl::string_view source,
                                   bool field_positions)
    : text_(text),
      source_(source),
      values_left_(std::max(kMinValueBudget, kValuesPerByte * text.size())),
      events_left_(kMinEventBudget + kEventsPerByte * text.size()),
      record_fields_(field_positions) {}

std::optional<YamlDocument> JsonEventBuilder::TakeDocument(int number) {
  if (document_.is_null()) return std::nullopt;
  YamlDocument document{std::move(document_), number, position_, std::move(item_positions_),
                        std::move(fields_)};
  document_ = nullptr;
  item_positions_.clear();
  fields_.clear();
  return document;
}

void JsonEventBuilder::Fail(const YAML::Mark& mark, absl::string_view what) const {
  throw YamlStop{YamlErrorAt(source_, mark, what)};
}

void JsonEventBuilder::OnDocumentStart(const YAML::Mark& mark) {
  if (events_left_ == 0) {
    Fail(mark, "the YAML parser makes no progress here (a stray ',' outside [ ] or { }?)");
  }
  --events_left_;
  stack_.clear();
  anchors_.clear();
  document_ = nullptr;
  item_positions_.clear();
  fields_.clear();
  position_ = PositionOf(mark);
}

std::string JsonEventBuilder::PointerOfNext(const std::string* key) const {
  std::string pointer;
  auto append = [&pointer](absl::string_view segment) {
    pointer += '/';
    for (char c : segment) {
      if (c == '~') {
        pointer += "~0";
      } else if (c == '/') {
        pointer += "~1";
      } else {
        pointer += c;
      }
    }
  };
  for (size_t i = 0; i < stack_.size(); ++i) {
    const Frame& frame = stack_[i];
    const bool top = i + 1 == stack_.size();
    if (top && key != nullptr) {
      append(*key);
    } else if (frame.is_map) {
      append(frame.key.value_or(""));
    } else {
      append(absl::StrCat(frame.value.size()));
    }
  }
  return pointer;
}

// Counts the node against the limits and notes where documents and the
// items of a top-level `items` sequence start.
void JsonEventBuilder::StartNode(const YAML::Mark& mark, bool collection) {
  if (events_left_ == 0) Fail(mark, "the YAML parser makes no progress here");
  --events_left_;
  Charge(mark, 1);
  if (collection && stack_.size() >= kMaxDepth) Fail(mark, "nesting deeper than 1000 levels");
  if (stack_.empty()) position_ = PositionOf(mark);
  const bool root_item = stack_.size() == 2 && stack_[0].is_map && !stack_[1].is_map &&
                         stack_[0].key == "items";
  if (root_item) item_positions_.push_back(PositionOf(mark));
  if (record_fields_ && !stack_.empty() && !stack_.back().is_map) {
    fields_.try_emplace(PointerOfNext(nullptr), PositionOf(mark));
  }
}

void JsonEventBuilder::Charge(const YAML::Mark& mark, size_t values) {
  if (values > values_left_) Fail(mark, "document expands to too many values (excessive aliasing)");
  values_left_ -= values;
}

bool JsonEventBuilder::ExpectingKey() const {
  return !stack_.empty() && stack_.back().is_map && !stack_.back().key && !stack_.back().merge_next;
}

void JsonEventBuilder::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  StartNode(mark, false);
  if (ExpectingKey()) Fail(mark, "a null mapping key cannot become a JSON object key");
  Add(nullptr, mark, anchor);
}

void JsonEventBuilder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  StartNode(mark, false);
  const auto found = anchors_.find(anchor);
  if (found == anchors_.end()) Fail(mark, "an alias refers to the anchored value that contains it");
  Charge(mark, CountValues(found->second));
  if (!ExpectingKey()) return Add(found->second, mark, YAML::NullAnchor);
  std::optional<std::string> key = KeyOfValue(found->second);
  if (!key) Fail(mark, "an alias used as a mapping key must name a string, number or boolean");
  SetKey(mark, *std::move(key));
}

void JsonEventBuilder::OnScalar(const YAML::Mark& mark, const std::string& tag,
                                YAML::anchor_t anchor, const std::string& value) {
  StartNode(mark, false);
  if (ExpectingKey()) return OnKeyScalar(mark, tag, anchor, value);
  Json json = ScalarToJson(Resolve(mark, tag, value));
  if (json.is_number_float() && !std::isfinite(json.get<double>())) {
    Fail(mark, absl::StrCat("`", value, "` (infinity or NaN) has no JSON form"));
  }
  Add(std::move(json), mark, anchor);
}

void JsonEventBuilder::OnKeyScalar(const YAML::Mark& mark, const std::string& tag,
                                   YAML::anchor_t anchor, const std::string& text) {
  Frame& map = stack_.back();
  if (IsMergeKey(tag, text)) {
    if (!map.explicit_keys) map.explicit_keys = KeysOf(map.value);
    map.merge_next = true;
    return;
  }
  const ResolvedScalar scalar = Resolve(mark, tag, text);
  absl::StatusOr<std::string> key = ScalarToKey(scalar);
  if (!key.ok()) Fail(mark, key.status().message());
  if (anchor != YAML::NullAnchor) anchors_[anchor] = ScalarToJson(scalar);
  SetKey(mark, *std::move(key));
}

// Only a key written twice is a duplicate: one that overrides a merged key
// is not (go-yaml v2, as kubectl runs it).
void JsonEventBuilder::SetKey(const YAML::Mark& mark, std::string key) {
  Frame& map = stack_.back();
  const bool duplicate =
      map.explicit_keys ? !map.explicit_keys->insert(key).second : map.value.contains(key);
  if (duplicate) Fail(mark, absl::StrCat("duplicate key \"", key, "\""));
  if (record_fields_) fields_.try_emplace(PointerOfNext(&key), PositionOf(mark));
  map.key = std::move(key);
}

ResolvedScalar JsonEventBuilder::Resolve(const YAML::Mark& mark, const std::string& tag,
                                         const std::string& text) const {
  CheckQuoteClosed(mark);
  if (tag == "?") return ResolvePlainScalar(text);
  if (tag == "!") return {ScalarKind::kString, text};  // quoted or block scalar
  absl::StatusOr<ResolvedScalar> tagged = ResolveTaggedScalar(text, tag);
  if (!tagged.ok()) Fail(mark, tagged.status().message());
  return *std::move(tagged);
}

// yaml-cpp 0.7 accepts a quoted scalar left open at the end of the input
// (`a: "abc`); a closing quote must exist after the opening one.
void JsonEventBuilder::CheckQuoteClosed(const YAML::Mark& mark) const {
  if (mark.pos < 0 || static_cast<size_t>(mark.pos) >= text_.size()) return;
  const char quote = text_[mark.pos];
  if (quote != '"' && quote != '\'') return;
  for (size_t i = mark.pos + 1; i < text_.size(); ++i) {
    if (quote == '"' && text_[i] == '\\') {
      ++i;
    } else if (text_[i] == quote) {
      if (quote == '"' || i + 1 >= text_.size() || text_[i + 1] != '\'') return;
      ++i;  // '' is an escaped single quote
    }
  }
  Fail(mark, absl::StrCat("quoted scalar not closed: missing ", std::string(1, quote)));
}

void JsonEventBuilder::OnSequenceStart(const YAML::Mark& mark, const std::string&,
                                       YAML::anchor_t anchor, YAML::EmitterStyle::value) {
  StartCollection(mark, anchor, false);
}

void JsonEventBuilder::OnMapStart(const YAML::Mark& mark, const std::string&,
                                  YAML::anchor_t anchor, YAML::EmitterStyle::value) {
  StartCollection(mark, anchor, true);
}

void JsonEventBuilder::StartCollection(const YAML::Mark& mark, YAML::anchor_t anchor,
                                       bool is_map) {
  StartNode(mark, true);
  if (ExpectingKey()) Fail(mark, "a mapping key must be a scalar, not a mapping or sequence");
  Frame frame;
  frame.value = is_map ? Json::object() : Json::array();
  frame.mark = mark;
  frame.anchor = anchor;
  frame.is_map = is_map;
  stack_.push_back(std::move(frame));
}

void JsonEventBuilder::EndCollection() {
  Frame frame = std::move(stack_.back());
  stack_.pop_back();
  Add(std::move(frame.value), frame.mark, frame.anchor);
}

void JsonEventBuilder::Add(Json value, const YAML::Mark& mark, YAML::anchor_t anchor) {
  if (anchor != YAML::NullAnchor) anchors_[anchor] = value;
  if (stack_.empty()) {
    document_ = std::move(value);
    return;
  }
  Frame& parent = stack_.back();
  if (!parent.is_map) {
    parent.value.push_back(std::move(value));
  } else if (parent.merge_next) {
    parent.merge_next = false;
    Merge(parent, value, mark);
  } else {
    parent.value[*parent.key] = std::move(value);
    parent.key.reset();
  }
}

// A merge overwrites the keys before it; in a sequence of mappings the
// earlier mapping wins.
void JsonEventBuilder::Merge(Frame& map, const Json& source, const YAML::Mark& mark) const {
  const bool all_maps = source.is_array() && std::all_of(source.begin(), source.end(),
                                                         [](const Json& j) { return j.is_object(); });
  if (!source.is_object() && !all_maps) {
    Fail(mark, "a merge key '<<' needs a mapping or a sequence of mappings");
  }
  if (source.is_object()) {
    map.value.update(source);
    return;
  }
  for (auto mapping = source.rbegin(); mapping != source.rend(); ++mapping) {
    map.value.update(*mapping);
  }
}

}  // namespace kreplay
