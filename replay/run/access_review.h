// The `access-review` check of a fixture (docs/fixtures.md): evidra-bench's
// SubjectAccessReview assertion. The final state's RBAC answers each review
// for `user`; the answers ("yes"/"no") joined by `|` must equal `value`.
//
// ReadAccessReview reads the check's `user` and `reviews` when the fixture
// loads. Errors: InvalidArgument naming `file: checks[i].<field>` for a
// missing user, an empty or malformed reviews list, an unknown review field,
// a `value` that is not a string of yes/no answers, one per review.
#ifndef KREPLAY_REPLAY_RUN_ACCESS_REVIEW_H_
#define KREPLAY_REPLAY_RUN_ACCESS_REVIEW_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "model/json.h"

namespace kreplay {

// One question: may the user `verb` `group`/`resource`[/`subresource`]
// (named `name`) in `namespace_name` ("" = cluster-wide)?
struct AccessReview {
  std::string verb;
  std::string group;
  std::string resource;
  std::string subresource;
  std::string name;
  std::string namespace_name;
};

// Reads `user` and `reviews` of the check `c` (declared at `at`, e.g.
// `checks[3]`) into `user` and `reviews`; `value` must be the check's
// expected answers.
absl::Status ReadAccessReview(const Json& c, const std::string& file, const std::string& at,
                              std::string& user, std::vector<AccessReview>& reviews);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_ACCESS_REVIEW_H_
