#include "model/label_selector.h"

#include <doctest/doctest.h>

namespace kreplay {
namespace {

TEST_CASE("label selector string syntax matches as kubectl -l does") {
  const Labels web = {{"app", "web"}, {"tier", "frontend"}};
  const Labels api = {{"app", "api"}, {"env", "prod"}};
  struct Case { const char* selector; bool web; bool api; };
  const Case cases[] = {
      {"app=web", true, false},           {"app==web", true, false},
      {"app!=web", false, true},          {"app in (web,api)", true, true},
      {"app notin (web)", false, true},   {"env", false, true},
      {"!env", true, false},              {"app=web,tier=frontend", true, false},
      {"app=web,tier=backend", false, false}, {"", true, true},
      {"env notin (dev), app in (api, web)", true, true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.selector);
    absl::StatusOr<LabelSelector> s = LabelSelector::Parse(c.selector);
    REQUIRE(s.ok());
    CHECK(s->Matches(web) == c.web);
    CHECK(s->Matches(api) == c.api);
  }
  CHECK_FALSE(LabelSelector::Parse("app in web").ok());
  CHECK_FALSE(LabelSelector::Parse("a=b,,c").ok());
}

TEST_CASE("null, empty and map selectors follow Kubernetes") {
  const Labels web = {{"app", "web"}};
  CHECK_FALSE(LabelSelector::FromJson(nullptr)->Matches(web));
  Json empty = Json::object();
  CHECK(LabelSelector::FromJson(&empty)->Matches(web));
  CHECK_FALSE(LabelSelector::FromMap({}).Matches(web));
  CHECK(LabelSelector::FromMap({{"app", "web"}}).Matches(web));
  Json exprs = Json::parse(R"({"matchLabels":{"app":"web"},
      "matchExpressions":[{"key":"track","operator":"NotIn","values":["canary"]}]})");
  absl::StatusOr<LabelSelector> s = LabelSelector::FromJson(&exprs);
  REQUIRE(s.ok());
  CHECK(s->Matches(web));
  CHECK_FALSE(s->Matches({{"app", "web"}, {"track", "canary"}}));
  CHECK(s->ToString() == "app=web,track!=canary");
  Json bad = Json::parse(R"({"matchExpressions":[{"key":"a","operator":"Near"}]})");
  CHECK_FALSE(LabelSelector::FromJson(&bad).ok());
}

}  // namespace
}  // namespace kreplay
