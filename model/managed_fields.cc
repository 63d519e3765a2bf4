#include "model/managed_fields.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"

namespace kreplay {

std::vector<ManagedEntry> ReadManagedFields(const Json& object) {
  std::vector<ManagedEntry> entries;
  const Json* list = Find(object, "metadata.managedFields");
  if (list == nullptr || !list->is_array()) return entries;
  for (const Json& item : *list) {
    if (!item.is_object()) continue;
    ManagedEntry entry{GetString(item, "manager"), GetString(item, "operation"),
                       GetString(item, "apiVersion"), GetString(item, "time"),
                       GetString(item, "subresource"), {}};
    const Json* fields = Find(item, "fieldsV1");
    if (fields != nullptr) entry.fields = FieldSet::FromFieldsV1(*fields);
    entries.push_back(std::move(entry));
  }
  return entries;
}

void WriteManagedFields(Json& object, std::vector<ManagedEntry> entries) {
  std::erase_if(entries, [](const ManagedEntry& e) { return e.fields.Empty(); });
  std::stable_sort(entries.begin(), entries.end(),
                   [](const ManagedEntry& a, const ManagedEntry& b) {
                     return std::tie(a.operation, a.time, a.manager, a.api_version,
                                     a.subresource) <
                            std::tie(b.operation, b.time, b.manager, b.api_version,
                                     b.subresource);
                   });
  Json list = Json::array();
  for (const ManagedEntry& entry : entries) {
    Json item = {{"apiVersion", entry.api_version},
                 {"fieldsType", "FieldsV1"},
                 {"fieldsV1", entry.fields.ToFieldsV1()},
                 {"manager", entry.manager},
                 {"operation", entry.operation}};
    if (!entry.time.empty()) item["time"] = entry.time;
    if (!entry.subresource.empty()) item["subresource"] = entry.subresource;
    list.push_back(std::move(item));
  }
  Json& metadata = Ensure(object, "metadata");
  if (list.empty()) {
    metadata.erase("managedFields");
  } else {
    metadata["managedFields"] = std::move(list);
  }
}

bool SameManager(const ManagedEntry& a, const ManagedEntry& b) {
  if (a.manager != b.manager || a.operation != b.operation ||
      a.subresource != b.subresource) {
    return false;
  }
  return a.operation == kOperationApply || a.api_version == b.api_version;
}

ManagedEntry& FindOrAddManager(std::vector<ManagedEntry>& entries,
                               absl::string_view manager,
                               absl::string_view operation,
                               absl::string_view api_version) {
  ManagedEntry wanted{std::string(manager), std::string(operation),
                      std::string(api_version), "", "", {}};
  for (ManagedEntry& entry : entries) {
    if (SameManager(entry, wanted)) return entry;
  }
  entries.push_back(std::move(wanted));
  return entries.back();
}

std::string DescribeManager(const ManagedEntry& entry) {
  std::string out = Json(entry.manager).dump();
  if (!entry.subresource.empty()) {
    absl::StrAppend(&out, " with subresource ", Json(entry.subresource).dump());
  }
  if (entry.operation == kOperationUpdate) {
    absl::StrAppend(&out, " using ", entry.api_version);
  }
  return out;
}

}  // namespace kreplay
