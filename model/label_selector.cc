#include "model/label_selector.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace kreplay {
namespace {

using Op = LabelSelector::Op;

struct OpName {
  const char* name;
  Op op;
};
constexpr OpName kOps[] = {{"In", Op::kIn},
                           {"NotIn", Op::kNotIn},
                           {"Exists", Op::kExists},
                           {"DoesNotExist", Op::kDoesNotExist}};

bool Contains(const std::vector<std::string>& values, const std::string& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

bool Satisfied(const LabelSelector::Requirement& r, const Labels& labels) {
  auto it = labels.find(r.key);
  bool has = it != labels.end();
  switch (r.op) {
    case Op::kIn: return has && Contains(r.values, it->second);
    case Op::kNotIn: return !has || !Contains(r.values, it->second);
    case Op::kExists: return has;
    case Op::kDoesNotExist: return !has;
  }
  return false;
}

// Splits on commas that are not inside parentheses.
std::vector<std::string> SplitTerms(absl::string_view text) {
  std::vector<std::string> terms(1);
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0) {
      terms.emplace_back();
    } else {
      terms.back().push_back(c);
    }
  }
  return terms;
}

absl::StatusOr<LabelSelector::Requirement> ParseSetTerm(const std::string& term,
                                                        size_t at, Op op) {
  std::string key(absl::StripAsciiWhitespace(term.substr(0, at)));
  std::string tail = term.substr(at + (op == Op::kIn ? 4 : 7));
  absl::string_view rest = absl::StripAsciiWhitespace(tail);
  if (!absl::ConsumePrefix(&rest, "(") || !absl::ConsumeSuffix(&rest, ")")) {
    return absl::InvalidArgumentError(
        absl::StrCat("label selector term \"", term, "\": expected a (value, ...) list"));
  }
  LabelSelector::Requirement r{key, op, {}};
  for (absl::string_view v : absl::StrSplit(rest, ',')) {
    r.values.emplace_back(absl::StripAsciiWhitespace(v));
  }
  return r;
}

absl::StatusOr<LabelSelector::Requirement> ParseTerm(const std::string& raw) {
  std::string term(absl::StripAsciiWhitespace(raw));
  if (term.empty()) {
    return absl::InvalidArgumentError("label selector has an empty term");
  }
  if (size_t at = term.find(" notin "); at != std::string::npos) {
    return ParseSetTerm(term, at, Op::kNotIn);
  }
  if (size_t at = term.find(" in "); at != std::string::npos) {
    return ParseSetTerm(term, at, Op::kIn);
  }
  if (size_t at = term.find("!="); at != std::string::npos) {
    return LabelSelector::Requirement{term.substr(0, at), Op::kNotIn,
                                      {term.substr(at + 2)}};
  }
  if (size_t at = term.find('='); at != std::string::npos) {
    size_t value_at = term.compare(at, 2, "==") == 0 ? at + 2 : at + 1;
    return LabelSelector::Requirement{term.substr(0, at), Op::kIn,
                                      {term.substr(value_at)}};
  }
  if (term[0] == '!') {
    return LabelSelector::Requirement{term.substr(1), Op::kDoesNotExist, {}};
  }
  return LabelSelector::Requirement{term, Op::kExists, {}};
}

absl::StatusOr<LabelSelector::Requirement> ExpressionFromJson(const Json& e) {
  if (!e.is_object() || !e.contains("key") || !e["key"].is_string()) {
    return absl::InvalidArgumentError("matchExpressions entry needs a string key");
  }
  std::string op_name = GetString(e, "operator");
  for (const OpName& entry : kOps) {
    if (op_name != entry.name) continue;
    LabelSelector::Requirement r{e["key"].get<std::string>(), entry.op, {}};
    if (const Json* values = Find(e, "values"); values && values->is_array()) {
      for (const Json& v : *values) {
        if (v.is_string()) r.values.push_back(v.get<std::string>());
      }
    }
    return r;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("matchExpressions operator \"", op_name,
                   "\": expected In, NotIn, Exists or DoesNotExist"));
}

}  // namespace

absl::StatusOr<LabelSelector> LabelSelector::FromJson(const Json* selector) {
  if (selector == nullptr || selector->is_null()) return Nothing();
  if (!selector->is_object()) {
    return absl::InvalidArgumentError("label selector must be an object");
  }
  LabelSelector out(false);
  for (const auto& [key, value] : GetStringMap(*selector, "matchLabels")) {
    out.requirements_.push_back({key, Op::kIn, {value}});
  }
  if (const Json* exprs = Find(*selector, "matchExpressions");
      exprs && exprs->is_array()) {
    for (const Json& e : *exprs) {
      absl::StatusOr<Requirement> r = ExpressionFromJson(e);
      if (!r.ok()) return r.status();
      out.requirements_.push_back(*std::move(r));
    }
  }
  return out;
}

LabelSelector LabelSelector::FromMap(const Labels& labels) {
  if (labels.empty()) return Nothing();
  LabelSelector out(false);
  for (const auto& [key, value] : labels) {
    out.requirements_.push_back({key, Op::kIn, {value}});
  }
  return out;
}

absl::StatusOr<LabelSelector> LabelSelector::Parse(absl::string_view text) {
  LabelSelector out(false);
  if (absl::StripAsciiWhitespace(text).empty()) return out;
  for (const std::string& term : SplitTerms(text)) {
    absl::StatusOr<Requirement> r = ParseTerm(term);
    if (!r.ok()) return r.status();
    out.requirements_.push_back(*std::move(r));
  }
  return out;
}

bool LabelSelector::Matches(const Labels& labels) const {
  if (nothing_) return false;
  return std::all_of(requirements_.begin(), requirements_.end(),
                     [&](const Requirement& r) { return Satisfied(r, labels); });
}

std::string LabelSelector::ToString() const {
  if (nothing_) return "<none>";
  std::vector<std::string> terms;
  for (const Requirement& r : requirements_) {
    std::string values = absl::StrJoin(r.values, ",");
    switch (r.op) {
      case Op::kIn:
        terms.push_back(r.values.size() == 1 ? absl::StrCat(r.key, "=", values)
                                             : absl::StrCat(r.key, " in (", values, ")"));
        break;
      case Op::kNotIn:
        terms.push_back(r.values.size() == 1 ? absl::StrCat(r.key, "!=", values)
                                             : absl::StrCat(r.key, " notin (", values, ")"));
        break;
      case Op::kExists: terms.push_back(r.key); break;
      case Op::kDoesNotExist: terms.push_back(absl::StrCat("!", r.key)); break;
    }
  }
  return absl::StrJoin(terms, ",");
}

}  // namespace kreplay
