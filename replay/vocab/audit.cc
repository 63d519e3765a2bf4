// API requests read from a Kubernetes audit log (replay/ledger/import_audit_log.cc
// builds the arguments: verb, resource, subresource, apiGroup, namespace,
// name, body = requestObject, patchType, fieldManager, force, dryRun,
// propagationPolicy, gracePeriodSeconds, labelSelector). One tool per audit
// verb; the request is mapped to the operation that sends it (a patch of
// nothing but the restartedAt annotation is kubectl rollout restart, the
// event search of kubectl describe stands for the describe). A
// create or update whose body was not recorded (level Metadata) falls back
// to the recorded responseObject, and is a problem when neither exists.
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "model/type_registry.h"
#include "replay/vocab/args.h"
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

// The terms of a field selector `a=b,c=d` (`==` and `!=` terms are not
// equalities kubectl describe sends, and are left out).
std::map<std::string, std::string> SelectorTerms(const std::string& selector) {
  std::map<std::string, std::string> terms;
  for (absl::string_view term : absl::StrSplit(selector, ',', absl::SkipEmpty())) {
    std::pair<std::string, std::string> kv = absl::StrSplit(term, absl::MaxSplits('=', 1));
    if (!absl::EndsWith(kv.first, "!") && !absl::StartsWith(kv.second, "=")) terms.insert(kv);
  }
  return terms;
}

// `kubectl describe <kind> <name>` ends by searching the object's events with
// a field selector that names it down to its uid (kubectl/pkg/describe,
// searchEvents -> Events.Search). An audit log has no describe request, and
// an event list filtered by hand rarely names the uid: such a list stands for
// the describe of that object, so that it counts as the diagnostic it was.
std::optional<Operation> DescribeOf(const ToolCall& call) {
  if (Arg(call, "verb") != "list" || Arg(call, "resource") != "events") return std::nullopt;
  std::map<std::string, std::string> terms = SelectorTerms(Arg(call, "fieldSelector"));
  const TypeInfo* type = LookupKind(terms["involvedObject.kind"]);
  std::string name = terms["involvedObject.name"];
  if (type == nullptr || name.empty() || terms["involvedObject.uid"].empty()) return std::nullopt;
  std::string ns = terms["involvedObject.namespace"];
  Operation op = TargetOp(Verb::kDescribe, type->plural, ns.empty() ? Arg(call, "namespace") : ns,
                          name, call);
  op.source += " (the event search of kubectl describe)";
  return op;
}

void Read(const ToolCall& call, Interpretation& out) {
  std::optional<Operation> describe = DescribeOf(call);
  out.operations.push_back(describe ? *std::move(describe) : Base(Verb::kGet, call));
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

// The member `key` of `object` when it is an object with nothing else.
const Json* Sole(const Json* object, const char* key) {
  if (object == nullptr || !object->is_object() || object->size() != 1) return nullptr;
  auto it = object->find(key);
  return it == object->end() ? nullptr : &*it;
}

// The patch `kubectl rollout restart` sends (and k9s, Lens and others copy):
// nothing but the template's restartedAt annotation
// (kubectl/pkg/polymorphichelpers/objectrestarter.go, field manager
// kubectl-rollout). Replayed as the restart it is, so that rules about
// restarts see one; the annotation is stamped with the request's time.
bool IsRestartPatch(const ToolCall& call) {
  const Json* body = Find(call.args, "body");
  const Json* annotations = Sole(Sole(Sole(Sole(body, "spec"), "template"), "metadata"), "annotations");
  return Sole(annotations, "kubectl.kubernetes.io/restartedAt") != nullptr;
}

void Patch(const ToolCall& call, Interpretation& out) {
  std::string type = Arg(call, "patchType");
  if (Arg(call, "subresource") == "scale" && ReplicasOf(call)) {
    Operation op = Base(Verb::kScale, call);
    op.replicas = ReplicasOf(call);
    return out.operations.push_back(std::move(op));
  }
  if (type == "strategic" && Arg(call, "subresource").empty() && IsRestartPatch(call)) {
    Operation op = Base(Verb::kRolloutRestart, call);
    op.source += " (the restartedAt patch of kubectl rollout restart)";
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
