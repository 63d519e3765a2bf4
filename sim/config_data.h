// Reading ConfigMap and Secret data as a container sees it: ConfigMap
// `data` as is, Secret `data` base64-decoded and `stringData` as is.
#ifndef KREPLAY_SIM_CONFIG_DATA_H_
#define KREPLAY_SIM_CONFIG_DATA_H_

#include <map>
#include <optional>
#include <string>

#include "model/object_store.h"

namespace kreplay {

using ConfigData = std::map<std::string, std::string>;

// The data of ConfigMap (`kind` "ConfigMap") or Secret `name` in `ns`;
// nullopt when the object does not exist.
std::optional<ConfigData> ReadConfigData(const ObjectStore& store,
                                         const std::string& kind,
                                         const std::string& ns,
                                         const std::string& name);

}  // namespace kreplay

#endif  // KREPLAY_SIM_CONFIG_DATA_H_
