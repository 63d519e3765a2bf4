#include "replay/run/scene_step.h"

#include "absl/strings/str_cat.h"

namespace kreplay {

std::string SceneStep::Describe() const {
  if (!kubectl.empty()) return kubectl;
  if (!file.empty()) return absl::StrCat("apply -f ", file);
  if (!sleep.empty()) return absl::StrCat("sleep ", sleep);
  return absl::StrCat("apply ", KeyOf(apply).ToString());
}

std::string SceneStep::Trigger() const {
  if (after_change.empty()) return absl::StrCat("at ", at);
  std::string where = after_change.ns.empty() ? "" : after_change.ns + "/";
  return absl::StrCat("after_change ", after_change.resource, "/", where, after_change.name);
}

}  // namespace kreplay
