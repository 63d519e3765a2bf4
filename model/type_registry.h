// The kinds kreplay knows: names, short names and scope, as a table.
//
// This is the offline stand-in for the API server's discovery document:
// `kubectl get deploy`, `deployments.apps` and `Deployment` all resolve to the
// same entry. Adding a kind is one line in type_registry.cc.
#ifndef KREPLAY_MODEL_TYPE_REGISTRY_H_
#define KREPLAY_MODEL_TYPE_REGISTRY_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace kreplay {

struct TypeInfo {
  std::string kind;         // Deployment
  std::string group;        // apps ("" for the core group)
  std::string version;      // v1
  std::string plural;       // deployments
  std::vector<std::string> short_names;  // deploy
  bool namespaced = true;
  bool builtin = true;      // has strategic-merge metadata (not a CRD)

  // `apps/v1`, or `v1` for the core group.
  std::string ApiVersion() const;
};

// Finds a type by kind (case-insensitive), plural, singular, short name, or
// any of those qualified by group (`deployments.apps`, `deploy.apps`).
// Returns nullptr when unknown.
const TypeInfo* LookupType(absl::string_view name);

// Finds a type by its exact kind (`Deployment`); nullptr when unknown.
const TypeInfo* LookupKind(absl::string_view kind);

// Every registered type, ordered by kind.
const std::vector<TypeInfo>& AllTypes();

}  // namespace kreplay

#endif  // KREPLAY_MODEL_TYPE_REGISTRY_H_
