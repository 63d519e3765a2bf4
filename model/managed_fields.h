// `metadata.managedFields`: which field manager owns which fields.
//
// Each entry names a manager, the operation (`Apply` for server-side apply,
// `Update` for every other write), the apiVersion it used, when it last
// changed the object, and the fields it owns as FieldsV1. Entries are
// identified as the API server identifies them (BuildManagerIdentifier): an
// Apply entry by manager and subresource, an Update entry also by
// apiVersion. Written back sorted as the API server sorts them.
#ifndef KREPLAY_MODEL_MANAGED_FIELDS_H_
#define KREPLAY_MODEL_MANAGED_FIELDS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "model/field_set.h"
#include "model/json.h"

namespace kreplay {

inline constexpr char kOperationApply[] = "Apply";
inline constexpr char kOperationUpdate[] = "Update";

struct ManagedEntry {
  std::string manager;
  std::string operation;
  std::string api_version;
  std::string time;  // RFC 3339; "" when unknown
  std::string subresource;
  FieldSet fields;
};

// The entries of `object`'s metadata.managedFields; malformed entries are
// skipped.
std::vector<ManagedEntry> ReadManagedFields(const Json& object);

// Replaces `object`'s metadata.managedFields with `entries` minus those
// owning nothing, sorted by operation, time, manager, apiVersion and
// subresource; removes the key when none remain.
void WriteManagedFields(Json& object, std::vector<ManagedEntry> entries);

// Whether two entries are the same manager (upstream's identifier).
bool SameManager(const ManagedEntry& a, const ManagedEntry& b);

// The entry for (manager, operation, apiVersion) in `entries`, appended
// (owning nothing) if absent.
ManagedEntry& FindOrAddManager(std::vector<ManagedEntry>& entries,
                               absl::string_view manager,
                               absl::string_view operation,
                               absl::string_view api_version);

// How conflict messages name a manager: `"kubectl" using apps/v1` for an
// Update entry, `"kubectl"` for an Apply one (printManager upstream).
std::string DescribeManager(const ManagedEntry& entry);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_MANAGED_FIELDS_H_
