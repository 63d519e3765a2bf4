#include "replay/diff/step_meaning.h"

#include <set>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kreplay {
namespace {

const char* DryRunName(DryRun dry_run) {
  switch (dry_run) {
    case DryRun::kClient: return "client";
    case DryRun::kServer: return "server";
    case DryRun::kNone: break;
  }
  return "none";
}

const char* CascadeName(Cascade cascade) {
  switch (cascade) {
    case Cascade::kForeground: return "foreground";
    case Cascade::kOrphan: return "orphan";
    case Cascade::kBackground: break;
  }
  return "background";
}

// The target as written, when the replay resolved none: `Kind/ns/a,b`,
// `Kind/ns -l sel`, `Kind/ns --all`, `Kind -A`.
std::string WrittenTarget(const Operation& op) {
  std::string kind = op.kind.empty() ? op.resource : op.kind;
  if (kind.empty()) return "";
  std::string text = kind;
  if (!op.ns.empty()) absl::StrAppend(&text, "/", op.ns);
  if (!op.names.empty()) absl::StrAppend(&text, "/", absl::StrJoin(op.names, ","));
  if (!op.selector.empty()) absl::StrAppend(&text, " -l ", op.selector);
  if (!op.field_selector.empty()) absl::StrAppend(&text, " --field-selector ", op.field_selector);
  if (op.all) absl::StrAppend(&text, " --all");
  if (op.all_namespaces) absl::StrAppend(&text, " -A");
  return text;
}

// The payload of one mutation: only the fields it sets, so that two
// spellings of the same request compare equal.
Json OperationPayload(const Operation& op) {
  Json out = Json::object();
  if (!op.manifests.empty()) out["manifests"] = op.manifests;
  if (!op.patch.is_null()) {
    out["patch"] = op.patch;
    out["patch_type"] = PatchTypeName(op.patch_type);
  }
  if (!op.pairs.empty()) {
    Json pairs = Json::object();
    for (const auto& [k, v] : op.pairs) pairs[k] = v ? Json(*v) : Json(nullptr);
    out["pairs"] = pairs;
  }
  if (op.replicas) out["replicas"] = *op.replicas;
  if (op.to_revision) out["to_revision"] = *op.to_revision;
  if (!op.container.empty()) out["container"] = op.container;
  if (!op.command.empty()) out["command"] = op.command;
  if (!op.subresource.empty()) out["subresource"] = op.subresource;
  if (op.dry_run != DryRun::kNone) out["dry_run"] = DryRunName(op.dry_run);
  if (op.cascade != Cascade::kBackground) out["cascade"] = CascadeName(op.cascade);
  if (op.grace_period) out["grace_period"] = *op.grace_period;
  if (op.force) out["force"] = true;
  if (op.server_side) out["server_side"] = true;
  return out;
}

}  // namespace

std::string OperationKey(const OperationReport& report) {
  const Operation& op = report.op;
  std::string key = InfoOf(op.verb).name;
  if (op.verb == Verb::kLocal || op.verb == Verb::kUnknown) {
    return absl::StrCat(key, " ", op.source);
  }
  std::set<std::string> targets;
  for (const ObjectKey& k : report.targets) targets.insert(k.ToString());
  std::string target = targets.empty() ? WrittenTarget(op) : absl::StrJoin(targets, " ");
  if (!target.empty()) absl::StrAppend(&key, " ", target);
  return key;
}

StepMeaning StepMeaningOf(const StepReport& step) {
  StepMeaning meaning;
  if (step.operations.empty()) {
    meaning.key = absl::StrCat("tool ", step.call.tool);
    return meaning;
  }
  std::vector<std::string> keys;
  Json payload = Json::array();
  bool mutates = false;
  for (const OperationReport& report : step.operations) {
    keys.push_back(OperationKey(report));
    bool mutation = report.op.mutating();
    mutates = mutates || mutation;
    payload.push_back(mutation ? OperationPayload(report.op) : Json(nullptr));
  }
  meaning.key = absl::StrJoin(keys, "; ");
  if (mutates) meaning.payload = std::move(payload);
  return meaning;
}

}  // namespace kreplay
