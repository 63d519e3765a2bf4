#include "model/object_key.h"

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace kreplay {

std::string ObjectKey::ToString() const {
  if (ns.empty()) return absl::StrCat(kind, "/", name);
  return absl::StrCat(kind, "/", ns, "/", name);
}

ObjectKey KeyOf(const Json& object) {
  return ObjectKey{GetString(object, "kind"),
                   GetString(object, "metadata.namespace"),
                   GetString(object, "metadata.name")};
}

absl::StatusOr<ObjectKey> ParseObjectKey(absl::string_view text) {
  std::vector<std::string> parts = absl::StrSplit(text, '/');
  for (const std::string& part : parts) {
    if (part.empty()) parts.clear();
  }
  if (parts.size() == 2) return ObjectKey{parts[0], "", parts[1]};
  if (parts.size() == 3) return ObjectKey{parts[0], parts[1], parts[2]};
  return absl::InvalidArgumentError(absl::StrCat(
      "object reference \"", text,
      "\": expected Kind/namespace/name or Kind/name"));
}

}  // namespace kreplay
