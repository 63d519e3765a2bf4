#include "model/server_side_apply.h"

#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/field_set.h"
#include "model/managed_fields.h"
#include "model/merge_keys.h"
#include "model/ssa_fields.h"
#include "model/ssa_merge.h"
#include "model/status_macros.h"

namespace kreplay {
namespace {

constexpr char kBeforeFirstApply[] = "before-first-apply";

// Fields no manager owns: identity and server-maintained metadata (the
// stripMetaManager set) and status, which writes to the main resource reset.
FieldSet Stripped(FieldSet set) {
  FieldSet ignored;
  for (const char* field : {"apiVersion", "kind", "status"}) {
    ignored.Insert({absl::StrCat("f:", field)});
  }
  ignored.Insert({"f:metadata"});
  for (const char* field : {"name", "namespace", "creationTimestamp", "selfLink",
                            "uid", "clusterName", "generation", "managedFields",
                            "resourceVersion", "deletionTimestamp"}) {
    ignored.Insert({"f:metadata", absl::StrCat("f:", field)});
  }
  FieldSet status_tree;
  if (const FieldSet* status = set.Child("f:status")) {
    for (const FieldSet::Path& path : status->Members()) {
      FieldSet::Path full = {"f:status"};
      full.insert(full.end(), path.begin(), path.end());
      status_tree.Insert(full);
    }
  }
  return set.Difference(ignored).Difference(status_tree);
}

Json WithoutManagedFields(const Json* object) {
  if (object == nullptr) return Json::object();
  Json copy = *object;
  Erase(copy, "metadata.managedFields");
  return copy;
}

struct Conflict {
  const ManagedEntry* entry;
  std::vector<FieldSet::Path> paths;
};

// getConflictMessage in k8s.io/apimachinery/pkg/util/managedfields.
std::string ConflictMessage(std::vector<Conflict> conflicts) {
  size_t total = 0;
  for (const Conflict& c : conflicts) total += c.paths.size();
  if (total == 1) {
    return absl::StrCat("Apply failed with 1 conflict: conflict with ",
                        DescribeManager(*conflicts[0].entry), ": ",
                        PathString(conflicts[0].paths[0]));
  }
  std::sort(conflicts.begin(), conflicts.end(), [](const Conflict& a, const Conflict& b) {
    return a.entry->manager < b.entry->manager;
  });
  std::vector<std::string> lines;
  for (const Conflict& c : conflicts) {
    lines.push_back(absl::StrCat("conflicts with ", DescribeManager(*c.entry)));
    for (const FieldSet::Path& path : c.paths) {
      lines.push_back(absl::StrCat("- ", PathString(path)));
    }
  }
  return absl::StrCat("Apply failed with ", total, " conflicts: ",
                      absl::StrJoin(lines, "\n"));
}

// The configuration as the API server merges it: status reset, and no
// server-maintained metadata.
Json ApplyConfiguration(const Json& manifest) {
  Json config = manifest;
  config.erase("status");
  for (const char* field : {"metadata.managedFields", "metadata.resourceVersion",
                            "metadata.uid", "metadata.creationTimestamp",
                            "metadata.generation"}) {
    Erase(config, field);
  }
  return config;
}

// An existing object nobody applied yet: "before-first-apply" owns it all.
absl::Status SeedBeforeFirstApply(const Json& live, absl::string_view type,
                                  std::vector<ManagedEntry>& entries) {
  KREPLAY_ASSIGN_OR_RETURN(FieldSet fields, ToFieldSet(live, type));
  ManagedEntry& seed = FindOrAddManager(entries, kBeforeFirstApply, kOperationUpdate,
                                        GetString(live, "apiVersion"));
  seed.fields = Stripped(std::move(fields));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Json> ServerSideApply(const Json* live, const Json& manifest,
                                     const SsaOptions& options) {
  if (options.manager.empty()) {
    return absl::InvalidArgumentError(
        "PATCH requests with application/apply-patch+yaml require fieldManager");
  }
  std::string type = RootSchemaTypeOf(manifest);
  Json current = WithoutManagedFields(live);
  Json config = ApplyConfiguration(manifest);
  std::vector<ManagedEntry> entries;
  if (live != nullptr) entries = ReadManagedFields(*live);
  if (live != nullptr && entries.empty()) {
    KREPLAY_RETURN_IF_ERROR(SeedBeforeFirstApply(current, type, entries));
  }
  KREPLAY_ASSIGN_OR_RETURN(FieldSet applied, ToFieldSet(config, type));
  KREPLAY_ASSIGN_OR_RETURN(Json merged, MergeApplied(current, config, type));

  ManagedEntry& applier = FindOrAddManager(entries, options.manager, kOperationApply, "");
  FieldSet last = applier.fields;
  applier.fields = Stripped(std::move(applied));
  applier.api_version = GetString(manifest, "apiVersion");
  // Prune what this manager applied before, omits now, and nobody else owns.
  FieldSet owned;
  for (const ManagedEntry& entry : entries) owned = owned.Union(entry.fields);
  RemoveFieldsOwned(merged, last.Difference(owned), type, &owned);

  KREPLAY_ASSIGN_OR_RETURN(Comparison change, Compare(current, merged, type));
  FieldSet changed = Stripped(change.modified.Union(change.added));
  std::vector<Conflict> conflicts;
  for (ManagedEntry& entry : entries) {
    if (SameManager(entry, applier)) continue;
    FieldSet lost = entry.fields.Intersection(changed);
    if (!lost.Empty()) conflicts.push_back({&entry, lost.Members()});
    entry.fields = entry.fields.Difference(lost).Difference(change.removed);
  }
  if (!options.force && !conflicts.empty()) {
    return absl::AbortedError(ConflictMessage(std::move(conflicts)));
  }
  if (merged != current || applier.time.empty()) {
    FindOrAddManager(entries, options.manager, kOperationApply, "").time = options.time;
  }
  WriteManagedFields(merged, std::move(entries));
  return merged;
}

void RecordUpdate(const Json* before, Json& after, absl::string_view manager,
                  absl::string_view time) {
  std::vector<ManagedEntry> entries;
  if (before != nullptr) entries = ReadManagedFields(*before);
  if (before != nullptr && entries.empty()) {
    Erase(after, "metadata.managedFields");  // untracked, as upstream
    return;
  }
  std::string type = RootSchemaTypeOf(after);
  Json after_content = WithoutManagedFields(&after);
  absl::StatusOr<Comparison> change =
      Compare(WithoutManagedFields(before), after_content, type);
  if (!change.ok()) {
    WriteManagedFields(after, std::move(entries));
    return;
  }
  FieldSet changed = Stripped(change->modified.Union(change->added));
  FieldSet removed = change->removed;
  for (ManagedEntry& entry : entries) {
    entry.fields = entry.fields.Difference(changed).Difference(removed);
  }
  if (!changed.Empty()) {
    ManagedEntry& writer = FindOrAddManager(entries, manager, kOperationUpdate,
                                            GetString(after, "apiVersion"));
    writer.fields = writer.fields.Union(changed);
    writer.time = std::string(time);
  }
  WriteManagedFields(after, std::move(entries));
}

}  // namespace kreplay
