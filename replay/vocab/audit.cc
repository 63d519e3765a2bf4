// API requests read from a Kubernetes audit log (replay/import/audit_log.cc
// builds the arguments: verb, resource, subresource, apiGroup, namespace,
// name, body = requestObject, patchType, fieldManager, force, dryRun,
// propagationPolicy, gracePeriodSeconds, labelSelector). One tool per audit
// verb; the request is mapped to the operation that sends it. A create or
// update whose body was not recorded (level Metadata) falls back to the
// recorded responseObject, and is a problem when neither exists.
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "model/type_registry.h"
#include "replay/vocab/tables.h"

namespace kreplay {
namespace {

std::string Arg(const ToolCall& call, const char* key) { return ArgString(call.args, key); }

// The resource as kubectl would name it: `deployments.apps`, `pods`.
std::string QualifiedResource(const ToolCall& call) {
  std::string group = Arg(call, "apiGroup");
  return group.empty() ? Arg(call, "resource") : absl::StrCat(Arg(call, "resource"), ".", group);
}

Operation Base(Verb verb, const ToolCall& call) {
  Operation op = TargetOp(verb, QualifiedResource(call), Arg(call, "namespace"), Arg(call, "name"), call);
  // Groups that moved (extensions -> apps) still name a known resource.
  const TypeInfo* type = op.kind.empty() ? LookupType(Arg(call, "resource")) : nullptr;
  if (type != nullptr) op.kind = type->kind;
  std::string body_kind = GetString(call.args, "body.kind");
  if (op.kind.empty() && !absl::EndsWith(body_kind, "Options")) op.kind = body_kind;
  if (ArgBool(call.args, "dryRun", false)) op.dry_run = DryRun::kServer;
  op.subresource = Arg(call, "subresource");
  op.field_manager = Arg(call, "fieldManager");
  op.selector = Arg(call, "labelSelector");
  op.field_selector = Arg(call, "fieldSelector");
  return op;
}

// The object a create or update sent, or the server's answer when the body
// was not recorded.
bool TakeObject(const ToolCall& call, Operation& op) {
  const Json* body = Find(call.args, "body");
  const Json& object = body != nullptr && body->is_object() ? *body : call.outcome.response_object;
  if (!object.is_object()) {
    op.problem = "request body not recorded (audit level Metadata) and no responseObject";
    return false;
  }
  op.manifests.push_back(object);
  if (op.names.empty() && !GetString(object, "metadata.name").empty()) {
    op.names.push_back(GetString(object, "metadata.name"));
  }
  return true;
}

std::optional<int64_t> ReplicasOf(const ToolCall& call) {
  const Json* replicas = Find(call.args, "body.spec.replicas");
  if (replicas == nullptr || !replicas->is_number_integer()) return std::nullopt;
  return replicas->get<int64_t>();
}

void Read(const ToolCall& call, Interpretation& out) {
  out.operations.push_back(Base(Verb::kGet, call));
}

void Create(const ToolCall& call, Interpretation& out) {
  std::string sub = Arg(call, "subresource");
  if (sub == "exec" || sub == "attach") return out.operations.push_back(Base(Verb::kExec, call));
  if (sub == "portforward") return out.operations.push_back(Base(Verb::kPortForward, call));
  if (sub == "eviction") {
    Operation op = Base(Verb::kDelete, call);
    op.subresource.clear();
    op.source += " (eviction)";
    return out.operations.push_back(std::move(op));
  }
  Operation op = Base(Verb::kCreate, call);
  TakeObject(call, op);
  out.operations.push_back(std::move(op));
}

void Update(const ToolCall& call, Interpretation& out) {
  if (Arg(call, "subresource") == "scale" && ReplicasOf(call)) {
    Operation op = Base(Verb::kScale, call);
    op.replicas = ReplicasOf(call);
    return out.operations.push_back(std::move(op));
  }
  Operation op = Base(Verb::kReplace, call);
  TakeObject(call, op);
  out.operations.push_back(std::move(op));
}

void Patch(const ToolCall& call, Interpretation& out) {
  std::string type = Arg(call, "patchType");
  if (Arg(call, "subresource") == "scale" && ReplicasOf(call)) {
    Operation op = Base(Verb::kScale, call);
    op.replicas = ReplicasOf(call);
    return out.operations.push_back(std::move(op));
  }
  Operation op = Base(type == "apply" ? Verb::kApply : Verb::kPatch, call);
  const Json* body = Find(call.args, "body");
  if (body == nullptr || body->is_null()) {
    op.problem = "patch body not recorded (audit level Metadata)";
  } else if (type == "apply") {
    op.manifests.push_back(*body);
    op.server_side = true;
    op.force_conflicts = ArgBool(call.args, "force", false);
  } else {
    op.patch = *body;
    op.patch_type = ParsePatchType(type).value_or(PatchType::kStrategic);
  }
  out.operations.push_back(std::move(op));
}

void Delete(const ToolCall& call, Interpretation& out) {
  Operation op = Base(Verb::kDelete, call);
  std::string policy = Arg(call, "propagationPolicy");
  if (policy == "Foreground") op.cascade = Cascade::kForeground;
  if (policy == "Orphan") op.cascade = Cascade::kOrphan;
  op.grace_period = ArgInt(call.args, "gracePeriodSeconds");
  out.operations.push_back(std::move(op));
}

void DeleteCollection(const ToolCall& call, Interpretation& out) {
  size_t before = out.operations.size();
  Delete(call, out);
  out.operations[before].all = out.operations[before].selector.empty() &&
                               out.operations[before].field_selector.empty();
}

constexpr ToolSpec kTools[] = {
    {"get", "audit", true, &Read},
    {"list", "audit", true, &Read},
    {"watch", "audit", true, &Read},
    {"create", "audit", false, &Create},
    {"update", "audit", false, &Update},
    {"patch", "audit", false, &Patch},
    {"delete", "audit", false, &Delete},
    {"deletecollection", "audit", false, &DeleteCollection},
};

}  // namespace

absl::Span<const ToolSpec> AuditTools() { return kTools; }

}  // namespace kreplay
