#include "replay/judge/access_review_check.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "sim/rbac.h"

namespace kreplay {

CheckResult RunAccessReview(const Check& check, const Cluster& cluster) {
  UserInfo user = AuthenticatedUser(check.user);
  std::vector<std::string> answers;
  for (const AccessReview& review : check.reviews) {
    RequestAttributes request{review.verb, review.group,          review.resource,
                              review.subresource, review.namespace_name, review.name};
    answers.push_back(Authorize(cluster.store(), user, request) ? "yes" : "no");
  }
  std::string got = absl::StrJoin(answers, "|");
  std::string want = check.value.is_string() ? check.value.get<std::string>() : "";
  return CheckResult{check.name, check.type, got == want,
                     absl::StrCat("want=", want, " got=", got)};
}

}  // namespace kreplay
