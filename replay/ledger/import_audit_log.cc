// Kubernetes audit logs (research mcp-and-formats.md §D.2): audit.k8s.io/v1
// Event lines, an EventList, or the older v1beta1 shape (no apiVersion,
// `timestamp`, `metadata`). One call per API request (deduplicated by
// auditID), taken from its ResponseComplete event, or ResponseStarted for
// the connect subresources exec/attach/portforward. What the control plane
// does by itself is not the agent's and is counted as info, not replayed:
// reads (get/list/watch) by system:* users, and every request of the
// controllers, scheduler and kubelets.
#include <map>
#include <memory>
#include <set>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "model/type_registry.h"
#include "replay/ledger/import_fields.h"
#include "replay/ledger/importer.h"

namespace kreplay {
namespace {

constexpr absl::string_view kConnectSubresources[] = {"exec", "attach", "portforward"};
// Field managers that send server-side apply (application/apply-patch+yaml):
// `kubectl apply --server-side` and the two SSA MCP servers.
constexpr absl::string_view kApplyManagers[] = {"kubectl", "kubernetes-mcp-server", "mcp-k8s-go"};
// Identities of the control plane's own components.
constexpr absl::string_view kControlPlanePrefixes[] = {
    "system:kube-controller-manager", "system:kube-scheduler", "system:node:",
    "system:apiserver", "system:serviceaccount:kube-system:", "system:kube-proxy"};

bool IsConnect(const std::string& subresource) {
  for (absl::string_view connect : kConnectSubresources) {
    if (subresource == connect) return true;
  }
  return false;
}

bool IsHexPair(absl::string_view text) {
  return text.size() == 2 && absl::ascii_isxdigit(text[0]) && absl::ascii_isxdigit(text[1]);
}

int HexValue(char c) {
  if (absl::ascii_isdigit(c)) return c - '0';
  return absl::ascii_tolower(c) - 'a' + 10;
}

std::string UrlDecode(absl::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && IsHexPair(text.substr(i + 1, 2))) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      out += text[i] == '+' ? ' ' : text[i];
    }
  }
  return out;
}

// The query parameters of a request URI (last value wins).
std::map<std::string, std::string> QueryOf(const std::string& uri) {
  std::map<std::string, std::string> query;
  size_t mark = uri.find('?');
  if (mark == std::string::npos) return query;
  for (absl::string_view pair : absl::StrSplit(uri.substr(mark + 1), '&', absl::SkipEmpty())) {
    std::pair<std::string, std::string> kv = absl::StrSplit(pair, absl::MaxSplits('=', 1));
    query[UrlDecode(kv.first)] = UrlDecode(kv.second);
  }
  return query;
}

std::string PatchTypeOf(const Json& body, const std::map<std::string, std::string>& query,
                        const std::string& resource, const std::string& group) {
  if (body.is_array()) return "json";
  if (query.count("force") > 0) return "apply";
  auto manager = query.find("fieldManager");
  if (manager != query.end()) {
    for (absl::string_view apply : kApplyManagers) {
      if (manager->second == apply) return "apply";
    }
  }
  const TypeInfo* type = LookupType(group.empty() ? resource : resource + "." + group);
  return type != nullptr ? "strategic" : "merge";  // custom resources take merge
}

// Why an event is not a call of the agent's; "" when it is one.
std::string SkipReason(const Json& event, const std::string& verb) {
  std::string user = GetString(event, "user.username");
  for (absl::string_view prefix : kControlPlanePrefixes) {
    if (absl::StartsWith(user, prefix)) return "requests of control-plane components";
  }
  bool read = verb == "get" || verb == "list" || verb == "watch";
  if (read && absl::StartsWith(user, "system:")) return "reads by system:* users";
  return "";
}

RecordedOutcome OutcomeOf(const Json& event) {
  RecordedOutcome outcome;
  const Json* code = Find(event, "responseStatus.code");
  if (GetString(event, "stage") == "Panic") {
    outcome.status = RecordedOutcome::Status::kError;
    outcome.error = "the API server panicked";
  } else if (code != nullptr && code->is_number_integer()) {
    bool failed = code->get<int>() >= 400;
    outcome.status = failed ? RecordedOutcome::Status::kError : RecordedOutcome::Status::kOk;
    if (failed) {
      outcome.error = GetString(event, "responseStatus.message",
                                absl::StrCat("HTTP ", code->get<int>()));
    }
  }
  if (const Json* response = Find(event, "responseObject")) outcome.response_object = *response;
  return outcome;
}

void CopyIf(const Json& from, const char* path, Json& args, const char* key) {
  if (const Json* value = Find(from, path); value && !value->is_null()) args[key] = *value;
}

Json ArgsOf(const Json& event, const std::string& verb) {
  std::string uri = GetString(event, "requestURI");
  std::map<std::string, std::string> query = QueryOf(uri);
  Json args = {{"verb", verb}, {"requestURI", uri}};
  for (const char* key : {"resource", "subresource", "apiGroup", "apiVersion", "namespace", "name"}) {
    CopyIf(event, absl::StrCat("objectRef.", key).c_str(), args, key);
  }
  CopyIf(event, "auditID", args, "auditID");
  CopyIf(event, "user.username", args, "user");
  CopyIf(event, "userAgent", args, "userAgent");
  const Json* body = Find(event, "requestObject");
  if (body != nullptr && !body->is_null()) args["body"] = *body;
  if (verb == "patch") {
    args["patchType"] = PatchTypeOf(body ? *body : Json(), query, GetString(args, "resource"),
                                    GetString(args, "apiGroup"));
  }
  for (const char* key : {"fieldManager", "propagationPolicy", "gracePeriodSeconds",
                          "labelSelector", "fieldSelector"}) {
    if (query.count(key) > 0) args[key] = query[key];
  }
  if (query.count("force") > 0) args["force"] = query["force"] == "true";
  if (query.count("dryRun") > 0) args["dryRun"] = true;
  if (body != nullptr) {
    CopyIf(*body, "propagationPolicy", args, "propagationPolicy");
    CopyIf(*body, "gracePeriodSeconds", args, "gracePeriodSeconds");
    if (Find(*body, "dryRun") != nullptr && GetString(*body, "kind") == "DeleteOptions") {
      args["dryRun"] = true;
    }
  }
  return args;
}

class AuditImporter : public Importer {
 public:
  void Add(const Record& record, ImportSink& sink) override {
    const Json* items = Find(record.value, "items");
    if (items != nullptr && items->is_array()) {
      for (const Json& event : *items) AddEvent(record.line, event, sink);
      return;
    }
    AddEvent(record.line, record.value, sink);
  }

  void Finish(ImportSink& sink) override {
    if (skipped_.empty()) return;
    std::vector<std::string> parts;
    for (const auto& [why, count] : skipped_) parts.push_back(absl::StrCat(why, " x", count));
    sink.Problem(0, "", absl::StrCat("audit events not replayed: ", absl::StrJoin(parts, ", ")),
                 Severity::kInfo);
  }

 private:
  void AddEvent(int line, const Json& event, ImportSink& sink) {
    if (!event.is_object()) {
      sink.Problem(line, "", "expected an audit Event object", Severity::kFatal);
      return;
    }
    std::optional<std::string> verb = RequiredName(event, "verb", line, sink);
    if (!verb) return;
    if (std::string why = StageSkipReason(event); !why.empty()) return Skip(why);
    std::string audit_id = GetString(event, "auditID");
    if (!audit_id.empty() && !seen_.insert(audit_id).second) return Skip("repeated auditID");
    if (std::string why = SkipReason(event, *verb); !why.empty()) return Skip(why);
    ToolCall call;
    call.line = line;
    call.tool = *verb;
    call.server = "audit";
    call.args = ArgsOf(event, *verb);
    call.outcome = OutcomeOf(event);
    call.time = GetString(event, "requestReceivedTimestamp",
                          GetString(event, "stageTimestamp", GetString(event, "timestamp")));
    sink.Add(std::move(call));
  }

  // Events without a stage (reduced exports) stand for the whole request.
  static std::string StageSkipReason(const Json& event) {
    std::string stage = GetString(event, "stage");
    bool connect = IsConnect(GetString(event, "objectRef.subresource"));
    if (stage.empty() || stage == "Panic") return "";
    if (stage == "ResponseComplete") return "";
    if (stage == "ResponseStarted" && connect) return "";
    return absl::StrCat(stage, " stage events");
  }

  void Skip(const std::string& why) { ++skipped_[why]; }

  std::set<std::string> seen_;             // auditIDs already imported
  std::map<std::string, int> skipped_;     // reason -> count
};

}  // namespace

bool LooksAudit(const Json& record) {
  if (!record.is_object()) return false;
  if (absl::StartsWith(GetString(record, "apiVersion"), "audit.k8s.io/")) return true;
  if (record.contains("auditID") && record.contains("verb")) return true;
  return record.contains("verb") && record.contains("objectRef");
}

std::unique_ptr<Importer> MakeAuditImporter() {
  return std::make_unique<AuditImporter>();
}

}  // namespace kreplay
