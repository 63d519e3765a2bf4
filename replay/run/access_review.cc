#include "replay/run/access_review.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace kreplay {
namespace {

// The review fields and where each goes.
struct ReviewField {
  const char* key;
  std::string AccessReview::*member;
  bool required;
};
const ReviewField kReviewFields[] = {
    {"verb", &AccessReview::verb, true},
    {"group", &AccessReview::group, false},
    {"resource", &AccessReview::resource, true},
    {"subresource", &AccessReview::subresource, false},
    {"name", &AccessReview::name, false},
    {"namespace", &AccessReview::namespace_name, false},
};

}  // namespace

absl::Status ReadAccessReview(const Json& c, const std::string& file, const std::string& at,
                              std::string& user, std::vector<AccessReview>& reviews) {
  auto error = [&](const std::string& field, const std::string& expected) {
    return absl::InvalidArgumentError(absl::StrCat(file, ": ", at, ".", field, ": ", expected));
  };
  const Json* u = c.contains("user") ? &c["user"] : nullptr;
  if (u == nullptr || !u->is_string() || u->get<std::string>().empty()) {
    return error("user", "required for access-review (a user name such as "
                         "system:serviceaccount:bench:config-manager-sa)");
  }
  user = u->get<std::string>();
  const Json* list = c.contains("reviews") ? &c["reviews"] : nullptr;
  if (list == nullptr || !list->is_array() || list->empty()) {
    return error("reviews", "required for access-review: a list of {verb, group, resource, "
                            "subresource, name, namespace}");
  }
  std::set<std::string> known;
  for (const ReviewField& f : kReviewFields) known.insert(f.key);
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& item = (*list)[i];
    std::string where = absl::StrCat("reviews[", i, "]");
    if (!item.is_object()) return error(where, "expected a mapping");
    for (const auto& [key, value] : item.items()) {
      if (!known.contains(key)) {
        return error(absl::StrCat(where, ".", key),
                     absl::StrCat("unknown field (expected one of: ", absl::StrJoin(known, ", "),
                                  ")"));
      }
      if (!value.is_string()) return error(absl::StrCat(where, ".", key), "expected a string");
    }
    AccessReview review;
    for (const ReviewField& f : kReviewFields) {
      if (item.contains(f.key)) review.*f.member = item[f.key].get<std::string>();
      if (f.required && (review.*f.member).empty()) {
        return error(absl::StrCat(where, ".", f.key), "required string is missing");
      }
    }
    reviews.push_back(std::move(review));
  }
  const Json* value = c.contains("value") ? &c["value"] : nullptr;
  if (value == nullptr || !value->is_string()) {
    return error("value", "required for access-review: the answers joined by | (yes|no)");
  }
  std::vector<std::string> answers = absl::StrSplit(value->get<std::string>(), '|');
  for (const std::string& answer : answers) {
    if (answer != "yes" && answer != "no") {
      return error("value", absl::StrCat("expected yes or no for each review, got \"", answer,
                                         "\""));
    }
  }
  if (answers.size() != reviews.size()) {
    return error("value", absl::StrCat(answers.size(), " answer(s) for ", reviews.size(),
                                       " review(s)"));
  }
  return absl::OkStatus();
}

}  // namespace kreplay
