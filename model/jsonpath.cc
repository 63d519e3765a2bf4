#include "model/jsonpath.h"

#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "model/status_macros.h"

namespace kreplay {
namespace {

// One step of a path: a child, every element, an index, or a filter.
struct Step {
  enum class Kind { kChild, kAll, kIndex, kFilter };
  Kind kind = Kind::kChild;
  std::string name;  // kChild
  int64_t index = 0;  // kIndex
  // kFilter: `@.path OP literal`.
  std::vector<Step> filter_path;
  bool filter_equal = true;
  Json filter_value;
};

using Path = std::vector<Step>;

// A parsed template: literal text, an action printing a path or a literal,
// or a range over a path with its body.
struct Node {
  enum class Kind { kText, kPath, kLiteral, kRange };
  Kind kind = Kind::kText;
  std::string text;  // kText, kLiteral
  Path path;         // kPath, kRange
  std::vector<Node> body;  // kRange
};

absl::Status Unsupported(size_t at, absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("jsonpath: at offset ", at, ": ", what));
}

// Reads a quoted string starting at text[i] (quote char included); advances i.
absl::StatusOr<std::string> Quoted(absl::string_view text, size_t& i, size_t base) {
  char quote = text[i++];
  std::string out;
  for (; i < text.size() && text[i] != quote; ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    out.push_back(text[i]);
  }
  if (i >= text.size()) return Unsupported(base + i, "unterminated string");
  ++i;
  return out;
}

absl::StatusOr<Path> ParsePath(absl::string_view text, size_t base);

// `?(@.path OP literal)` after `[`; i is at `?`.
absl::StatusOr<Step> ParseFilter(absl::string_view text, size_t& i, size_t base) {
  size_t close = text.find(")]", i);
  if (text.substr(i, 2) != "?(" || close == absl::string_view::npos) {
    return Unsupported(base + i, "expected a filter ?(...)");
  }
  absl::string_view expr = absl::StripAsciiWhitespace(text.substr(i + 2, close - i - 2));
  size_t op = expr.find("==");
  bool equal = true;
  if (op == absl::string_view::npos) {
    op = expr.find("!=");
    equal = false;
  }
  if (op == absl::string_view::npos) {
    return Unsupported(base + i, "filters support == and != only");
  }
  Step step;
  step.kind = Step::Kind::kFilter;
  step.filter_equal = equal;
  KREPLAY_ASSIGN_OR_RETURN(step.filter_path,
                           ParsePath(absl::StripAsciiWhitespace(expr.substr(0, op)), base + i));
  absl::string_view literal = absl::StripAsciiWhitespace(expr.substr(op + 2));
  if (!literal.empty() && (literal[0] == '"' || literal[0] == '\'')) {
    size_t j = 0;
    KREPLAY_ASSIGN_OR_RETURN(std::string s, Quoted(literal, j, base + i));
    step.filter_value = s;
  } else if (double number; absl::SimpleAtod(literal, &number)) {
    step.filter_value = number;
  } else if (literal == "true" || literal == "false") {
    step.filter_value = literal == "true";
  } else {
    return Unsupported(base + i, absl::StrCat("cannot read the filter value ", literal));
  }
  i = close + 2;
  return step;
}

// `[...]`; i is at `[`.
absl::StatusOr<Step> ParseBracket(absl::string_view text, size_t& i, size_t base) {
  ++i;
  if (i < text.size() && text[i] == '?') return ParseFilter(text, i, base);
  Step step;
  if (i < text.size() && (text[i] == '\'' || text[i] == '"')) {
    KREPLAY_ASSIGN_OR_RETURN(step.name, Quoted(text, i, base));
  } else {
    size_t close = text.find(']', i);
    if (close == absl::string_view::npos) return Unsupported(base + i, "unclosed [");
    absl::string_view inner = absl::StripAsciiWhitespace(text.substr(i, close - i));
    i = close;
    if (inner == "*") {
      step.kind = Step::Kind::kAll;
    } else if (absl::SimpleAtoi(inner, &step.index)) {
      step.kind = Step::Kind::kIndex;
    } else {
      return Unsupported(base + i, absl::StrCat("unsupported subscript [", inner, "]"));
    }
  }
  if (i >= text.size() || text[i] != ']') return Unsupported(base + i, "unclosed [");
  ++i;
  return step;
}

// `.name`, with `\.` escaping a dot; i is just after the `.`.
Step ParseName(absl::string_view text, size_t& i) {
  Step step;
  for (; i < text.size() && text[i] != '.' && text[i] != '['; ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    step.name.push_back(text[i]);
  }
  if (step.name == "*") step.kind = Step::Kind::kAll;
  return step;
}

absl::StatusOr<Path> ParsePath(absl::string_view text, size_t base) {
  Path path;
  size_t i = 0;
  if (i < text.size() && (text[i] == '$' || text[i] == '@')) ++i;
  while (i < text.size()) {
    if (text[i] == '.') {
      if (i + 1 < text.size() && text[i + 1] == '.') {
        return Unsupported(base + i, "recursive descent .. is not supported");
      }
      ++i;
      if (i >= text.size()) break;  // `{.}`: the object itself
      if (text[i] == '[') continue;
      path.push_back(ParseName(text, i));
    } else if (text[i] == '[') {
      KREPLAY_ASSIGN_OR_RETURN(Step step, ParseBracket(text, i, base));
      path.push_back(std::move(step));
    } else {
      // kubectl accepts a leading name without a dot inside range bodies.
      path.push_back(ParseName(text, i));
    }
  }
  return path;
}

absl::Status ParseInto(absl::string_view tmpl, size_t& i, std::vector<Node>& out, bool in_range);

// The action between braces at tmpl[open], ending at tmpl[close] (`}`).
absl::Status ParseAction(absl::string_view tmpl, size_t open, size_t& i, std::vector<Node>& out,
                         bool in_range, bool& ended) {
  size_t close = tmpl.find('}', open);
  if (close == absl::string_view::npos) return Unsupported(open, "unclosed {");
  absl::string_view action = absl::StripAsciiWhitespace(tmpl.substr(open + 1, close - open - 1));
  i = close + 1;
  if (action == "end") {
    if (!in_range) return Unsupported(open, "end without range");
    ended = true;
    return absl::OkStatus();
  }
  Node node;
  if (absl::ConsumePrefix(&action, "range ")) {
    node.kind = Node::Kind::kRange;
    KREPLAY_ASSIGN_OR_RETURN(node.path, ParsePath(absl::StripAsciiWhitespace(action), open + 1));
    KREPLAY_RETURN_IF_ERROR(ParseInto(tmpl, i, node.body, true));
  } else if (!action.empty() && (action[0] == '"' || action[0] == '\'')) {
    node.kind = Node::Kind::kLiteral;
    size_t j = 0;
    KREPLAY_ASSIGN_OR_RETURN(node.text, Quoted(action, j, open + 1));
  } else {
    node.kind = Node::Kind::kPath;
    KREPLAY_ASSIGN_OR_RETURN(node.path, ParsePath(action, open + 1));
  }
  out.push_back(std::move(node));
  return absl::OkStatus();
}

absl::Status ParseInto(absl::string_view tmpl, size_t& i, std::vector<Node>& out, bool in_range) {
  std::string text;
  auto flush = [&] {
    if (!text.empty()) out.push_back(Node{Node::Kind::kText, std::move(text), {}, {}});
    text.clear();
  };
  while (i < tmpl.size()) {
    if (tmpl[i] != '{') {
      text.push_back(tmpl[i++]);
      continue;
    }
    flush();
    bool ended = false;
    KREPLAY_RETURN_IF_ERROR(ParseAction(tmpl, i, i, out, in_range, ended));
    if (ended) return absl::OkStatus();
  }
  flush();
  if (in_range) return Unsupported(tmpl.size(), "range without end");
  return absl::OkStatus();
}

std::vector<const Json*> Walk(const std::vector<const Json*>& from, const Path& path);

bool FilterHolds(const Step& step, const Json& element) {
  std::vector<const Json*> got = Walk({&element}, step.filter_path);
  bool equal = !got.empty() && *got.front() == step.filter_value;
  if (!got.empty() && got.front()->is_number() && step.filter_value.is_number()) {
    equal = got.front()->get<double>() == step.filter_value.get<double>();
  }
  return equal == step.filter_equal;
}

void Apply(const Step& step, const Json& value, std::vector<const Json*>& out) {
  switch (step.kind) {
    case Step::Kind::kChild:
      if (value.is_object()) {
        if (auto it = value.find(step.name); it != value.end()) out.push_back(&*it);
      }
      return;
    case Step::Kind::kAll:
      if (value.is_array() || value.is_object()) {
        for (const Json& item : value) out.push_back(&item);
      }
      return;
    case Step::Kind::kIndex: {
      if (!value.is_array()) return;
      int64_t n = static_cast<int64_t>(value.size());
      int64_t at = step.index < 0 ? n + step.index : step.index;
      if (at >= 0 && at < n) out.push_back(&value[static_cast<size_t>(at)]);
      return;
    }
    case Step::Kind::kFilter:
      if (!value.is_array()) return;
      for (const Json& item : value) {
        if (FilterHolds(step, item)) out.push_back(&item);
      }
      return;
  }
}

std::vector<const Json*> Walk(const std::vector<const Json*>& from, const Path& path) {
  std::vector<const Json*> current = from;
  for (const Step& step : path) {
    std::vector<const Json*> next;
    for (const Json* value : current) Apply(step, *value, next);
    current = std::move(next);
  }
  return current;
}

std::string Print(const Json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

void Render(const std::vector<Node>& nodes, const Json& current, std::string& out) {
  for (const Node& node : nodes) {
    switch (node.kind) {
      case Node::Kind::kText:
      case Node::Kind::kLiteral:
        out += node.text;
        break;
      case Node::Kind::kPath: {
        std::vector<std::string> printed;
        for (const Json* value : Walk({&current}, node.path)) printed.push_back(Print(*value));
        out += absl::StrJoin(printed, " ");
        break;
      }
      case Node::Kind::kRange:
        for (const Json* value : Walk({&current}, node.path)) Render(node.body, *value, out);
        break;
    }
  }
}

}  // namespace

absl::StatusOr<std::string> EvaluateJsonPath(absl::string_view tmpl, const Json& object) {
  std::vector<Node> nodes;
  size_t i = 0;
  KREPLAY_RETURN_IF_ERROR(ParseInto(tmpl, i, nodes, false));
  std::string out;
  Render(nodes, object, out);
  return out;
}

}  // namespace kreplay
