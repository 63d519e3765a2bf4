#include "replay/run/agent_requests.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "model/type_registry.h"

namespace kreplay {
namespace {

// What a verb sends for each target.
enum class Pattern {
  kNone,       // nothing reaches the API server (or kreplay does not model it)
  kRead,       // get by name, else list
  kEvents,     // list events
  kSelfReview, // create selfsubjectaccessreviews
  kCreate,     // create
  kExpose,     // get the exposed object, create the Service
  kApply,      // get, then patch or create
  kUpdate,     // update (PUT)
  kPatch,      // patch (the operation's subresource)
  kScale,      // patch the scale subresource
  kGetPatch,   // get, then patch (kubectl's resource builder fetches first)
  kDelete,     // delete
  kPodExec,    // get the pod, create pods/<subresource>
};

struct VerbRequests {
  Verb verb;
  Pattern pattern;
  const char* subresource;
};

constexpr VerbRequests kVerbRequests[] = {
    {Verb::kGet, Pattern::kRead, ""},
    {Verb::kDescribe, Pattern::kRead, ""},
    {Verb::kLogs, Pattern::kRead, "log"},
    {Verb::kEvents, Pattern::kEvents, ""},
    {Verb::kWait, Pattern::kRead, ""},
    {Verb::kRolloutStatus, Pattern::kRead, ""},
    {Verb::kRolloutHistory, Pattern::kRead, ""},
    {Verb::kAuthCanI, Pattern::kSelfReview, ""},
    {Verb::kCreate, Pattern::kCreate, ""},
    {Verb::kRun, Pattern::kCreate, ""},
    {Verb::kAutoscale, Pattern::kCreate, ""},
    {Verb::kExpose, Pattern::kExpose, ""},
    {Verb::kApply, Pattern::kApply, ""},
    {Verb::kReplace, Pattern::kUpdate, ""},
    {Verb::kPatch, Pattern::kPatch, ""},
    {Verb::kScale, Pattern::kScale, "scale"},
    {Verb::kDelete, Pattern::kDelete, ""},
    {Verb::kRolloutRestart, Pattern::kGetPatch, ""},
    {Verb::kRolloutUndo, Pattern::kGetPatch, ""},
    {Verb::kRolloutPause, Pattern::kGetPatch, ""},
    {Verb::kRolloutResume, Pattern::kGetPatch, ""},
    {Verb::kSetImage, Pattern::kGetPatch, ""},
    {Verb::kSetEnv, Pattern::kGetPatch, ""},
    {Verb::kSetResources, Pattern::kGetPatch, ""},
    {Verb::kLabel, Pattern::kGetPatch, ""},
    {Verb::kAnnotate, Pattern::kGetPatch, ""},
    {Verb::kCordon, Pattern::kGetPatch, ""},
    {Verb::kUncordon, Pattern::kGetPatch, ""},
    {Verb::kTaint, Pattern::kGetPatch, ""},
    {Verb::kExec, Pattern::kPodExec, "exec"},
    {Verb::kPortForward, Pattern::kPodExec, "portforward"},
};

// The resource, group and scope of `kind` (or of what the user typed).
struct Resource {
  std::string group;
  std::string plural;
  bool namespaced = true;
};

// Kinds the type registry does not hold because they are never stored.
struct ReviewKind {
  const char* kind;
  const char* plural;
  bool namespaced;
};
constexpr ReviewKind kReviewKinds[] = {
    {"SubjectAccessReview", "subjectaccessreviews", false},
    {"SelfSubjectAccessReview", "selfsubjectaccessreviews", false},
    {"LocalSubjectAccessReview", "localsubjectaccessreviews", true},
};

Resource ResourceOf(const std::string& kind, const std::string& typed) {
  for (const ReviewKind& review : kReviewKinds) {
    if (kind == review.kind) return {"authorization.k8s.io", review.plural, review.namespaced};
  }
  const TypeInfo* type = LookupKind(kind);
  if (type == nullptr) type = LookupType(typed);
  if (type != nullptr) return {type->group, type->plural, type->namespaced};
  std::string name = typed.empty() ? absl::AsciiStrToLower(kind) + "s" : typed;
  std::vector<std::string> parts = absl::StrSplit(name, absl::MaxSplits('.', 1));
  return {parts.size() > 1 ? parts[1] : "", parts[0], true};
}

RequestAttributes For(const ObjectKey& key, const std::string& verb, const std::string& typed,
                      const std::string& subresource = "") {
  Resource r = ResourceOf(key.kind, typed);
  return {verb, r.group, r.plural, subresource, r.namespaced ? key.ns : "", key.name};
}

std::string ListNamespace(const Operation& op, const std::string& default_ns) {
  if (op.all_namespaces) return "";
  return op.ns.empty() ? default_ns : op.ns;
}

// The list a selector, --all or a nameless read sends first.
RequestAttributes List(const Operation& op, const std::string& default_ns) {
  Resource r = ResourceOf(op.kind, op.resource);
  return {"list", r.group, r.plural, "", r.namespaced ? ListNamespace(op, default_ns) : "", ""};
}

bool BySelector(const Operation& op) {
  return op.names.empty() && op.manifests.empty() && (!op.selector.empty() || op.all ||
                                                      !op.field_selector.empty());
}

UserInfo UserOf(const UserInfo& user, const Operation& op) {
  auto as = op.flags.find("as");
  if (as == op.flags.end() || as->second.empty()) return user;
  std::vector<std::string> groups;
  if (auto g = op.flags.find("as-group"); g != op.flags.end() && !g->second.empty()) {
    groups = absl::StrSplit(g->second, ',');
  }
  return AuthenticatedUser(as->second, std::move(groups));
}

// A SubjectAccessReview's or SelfSubjectAccessReview's question.
RequestAttributes ReviewRequest(const Json& review) {
  if (const Json* attrs = Find(review, "spec.nonResourceAttributes")) {
    return {GetString(*attrs, "verb"), "", "", "", "", "", false, GetString(*attrs, "path")};
  }
  const Json* attrs = Find(review, "spec.resourceAttributes");
  if (attrs == nullptr) return {};
  return {GetString(*attrs, "verb"),        GetString(*attrs, "group"),
          GetString(*attrs, "resource"),    GetString(*attrs, "subresource"),
          GetString(*attrs, "namespace"),   GetString(*attrs, "name")};
}

bool IsReview(const Json& manifest) {
  std::string kind = GetString(manifest, "kind");
  return kind == "SubjectAccessReview" || kind == "SelfSubjectAccessReview";
}

}  // namespace

bool IsWriteVerb(const std::string& verb) {
  return verb == "create" || verb == "update" || verb == "patch" || verb == "delete" ||
         verb == "deletecollection";
}

std::vector<RequestAttributes> ApiRequestsOf(const Operation& op,
                                             const std::vector<ObjectKey>& targets,
                                             const std::set<ObjectKey>& existing,
                                             const std::string& default_ns) {
  std::vector<RequestAttributes> out;
  if (op.dry_run == DryRun::kClient || op.local) return out;
  const VerbRequests* row = nullptr;
  for (const VerbRequests& candidate : kVerbRequests) {
    if (candidate.verb == op.verb) row = &candidate;
  }
  if (row == nullptr) return out;
  const std::string& typed = op.resource;
  bool selector = BySelector(op);
  switch (row->pattern) {
    case Pattern::kNone:
      return out;
    case Pattern::kSelfReview:
      out.push_back({"create", "authorization.k8s.io", "selfsubjectaccessreviews", "", "", ""});
      return out;
    case Pattern::kEvents: {
      RequestAttributes list = {"list", "", "events", "", ListNamespace(op, default_ns), ""};
      out.push_back(list);
      return out;
    }
    case Pattern::kRead:
      if (op.resource == "all") {  // one list per kind of the `all` category
        for (const std::string& kind : AllCategoryKinds()) {
          Operation each = op;
          each.kind = kind;
          each.resource = "";
          out.push_back(List(each, default_ns));
        }
        return out;
      }
      if (op.names.empty() && op.manifests.empty()) {
        out.push_back(List(op, default_ns));
        return out;
      }
      for (const ObjectKey& key : targets) {
        out.push_back(For(key, "get", typed));
        if (*row->subresource != '\0' && key.kind == "Pod") {
          out.push_back(For(key, "get", typed, row->subresource));
        }
      }
      return out;
    default:
      break;
  }
  if (selector) out.push_back(List(op, default_ns));
  for (const ObjectKey& key : targets) {
    bool exists = existing.contains(key);
    switch (row->pattern) {
      case Pattern::kCreate: {
        RequestAttributes create = For(key, "create", typed);
        create.name = "";  // a create names no object to the authorizer
        out.push_back(create);
        break;
      }
      case Pattern::kExpose:
        if (exists) {
          out.push_back(For(key, "get", typed));
        } else {
          RequestAttributes create = For(key, "create", typed);
          create.name = "";
          out.push_back(create);
        }
        break;
      case Pattern::kApply:
        if (!op.server_side) out.push_back(For(key, "get", typed));
        if (exists || op.server_side) out.push_back(For(key, "patch", typed, op.subresource));
        if (!exists) {
          RequestAttributes create = For(key, "create", typed);
          create.name = "";
          out.push_back(create);
        }
        break;
      case Pattern::kUpdate:
        out.push_back(For(key, "update", typed, op.subresource));
        break;
      case Pattern::kPatch:
        out.push_back(For(key, "patch", typed, op.subresource));
        break;
      case Pattern::kScale:
        out.push_back(For(key, "patch", typed, row->subresource));
        break;
      case Pattern::kGetPatch:
        if (!selector) out.push_back(For(key, "get", typed));
        out.push_back(For(key, "patch", typed));
        break;
      case Pattern::kDelete:
        out.push_back(For(key, "delete", typed));
        break;
      case Pattern::kPodExec:
        out.push_back(For(key, "get", typed));
        out.push_back(For(key, "create", typed, row->subresource));
        break;
      default:
        break;
    }
  }
  return out;
}

absl::Status AuthorizeOperation(const Cluster& cluster, const UserInfo& user, const Operation& op,
                                const std::vector<ObjectKey>& targets,
                                const std::string& default_ns) {
  UserInfo caller = UserOf(user, op);
  std::set<ObjectKey> existing;
  for (const ObjectKey& key : targets) {
    if (cluster.Get(key) != nullptr) existing.insert(key);
  }
  for (const RequestAttributes& request : ApiRequestsOf(op, targets, existing, default_ns)) {
    if (!Authorize(cluster.store(), caller, request)) {
      return absl::PermissionDeniedError(
          absl::StrCat("Error from server (Forbidden): ", ForbiddenMessage(caller, request)));
    }
  }
  return absl::OkStatus();
}

std::optional<std::string> AccessReviewAnswer(const Cluster& cluster, const UserInfo& user,
                                              const Operation& op, const std::string& default_ns) {
  UserInfo caller = UserOf(user, op);
  if (op.verb == Verb::kCreate && !op.manifests.empty()) {
    std::vector<std::string> answers;
    for (const Json& review : op.manifests) {
      if (!IsReview(review)) return std::nullopt;
      UserInfo asked = caller;
      if (GetString(review, "kind") == "SubjectAccessReview") {
        std::vector<std::string> groups;
        if (const Json* g = Find(review, "spec.groups"); g != nullptr && g->is_array()) {
          for (const Json& item : *g) {
            if (item.is_string()) groups.push_back(item.get<std::string>());
          }
        }
        asked = AuthenticatedUser(GetString(review, "spec.user"), std::move(groups));
      }
      bool allowed = Authorize(cluster.store(), asked, ReviewRequest(review));
      answers.push_back(absl::StrCat(absl::AsciiStrToLower(GetString(review, "kind")),
                                     ": status.allowed=", allowed ? "true" : "false"));
    }
    return absl::StrJoin(answers, "; ");
  }
  if (op.verb != Verb::kAuthCanI || op.args.empty() || op.flags.contains("list")) {
    return std::nullopt;
  }
  RequestAttributes request;
  request.verb = op.args[0];
  if (op.args.size() > 1) {
    request.resource_request = false;
    request.path = op.args[1];
  } else {
    Resource r = ResourceOf(op.kind, op.resource);
    request.api_group = r.group;
    request.resource = r.plural;
    request.subresource = op.subresource;
    if (auto sub = op.flags.find("subresource"); sub != op.flags.end()) request.subresource = sub->second;
    request.namespace_name = r.namespaced ? ListNamespace(op, default_ns) : "";
    request.name = op.names.empty() ? "" : op.names[0];
  }
  return Authorize(cluster.store(), caller, request) ? "yes" : "no";
}

}  // namespace kreplay
