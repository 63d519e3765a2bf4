#include "sim/config_data.h"

#include "absl/strings/escaping.h"

namespace kreplay {

std::optional<ConfigData> ReadConfigData(const ObjectStore& store,
                                         const std::string& kind,
                                         const std::string& ns,
                                         const std::string& name) {
  const Json* object = store.Get(ObjectKey{kind, ns, name});
  if (object == nullptr) return std::nullopt;
  ConfigData out = GetStringMap(*object, "data");
  if (kind == "Secret") {
    for (auto& [key, value] : out) {
      std::string decoded;
      if (absl::Base64Unescape(value, &decoded)) value = decoded;
    }
    for (const auto& [key, value] : GetStringMap(*object, "stringData")) {
      out[key] = value;
    }
  }
  for (const auto& [key, value] : GetStringMap(*object, "binaryData")) {
    out[key] = value;
  }
  return out;
}

}  // namespace kreplay
