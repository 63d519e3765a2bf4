// OpenTelemetry GenAI / MCP spans (research mcp-and-formats.md §D.3), as
// OTLP JSON exports ({"resourceSpans": [...]}, one per line or one
// document) or as flat span records ({"attributes": {...}, "timestamp"},
// what agent gateways write). A span is a tool call when it names a tool
// (gen_ai.tool.name) and is an execute_tool or tools/call span; a client
// and a server span of one call (same gen_ai.tool.call.id, or same trace and
// jsonrpc.request.id) count once. Calls are ordered by start time.
#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "replay/ledger/import_fields.h"
#include "replay/ledger/importer.h"

namespace kreplay {
namespace {

// An OTLP AnyValue as plain JSON.
Json ValueOf(const Json& any) {
  if (!any.is_object()) return any;
  if (const Json* s = Find(any, "stringValue")) return *s;
  if (const Json* b = Find(any, "boolValue")) return *b;
  if (const Json* d = Find(any, "doubleValue")) return *d;
  if (const Json* i = Find(any, "intValue")) {
    int64_t value = 0;
    if (i->is_string() && absl::SimpleAtoi(i->get<std::string>(), &value)) return value;
    return *i;
  }
  if (const Json* array = Find(any, "arrayValue.values"); array && array->is_array()) {
    Json out = Json::array();
    for (const Json& each : *array) out.push_back(ValueOf(each));
    return out;
  }
  if (const Json* kvs = Find(any, "kvlistValue.values"); kvs && kvs->is_array()) {
    Json out = Json::object();
    for (const Json& kv : *kvs) out[GetString(kv, "key")] = ValueOf(kv.value("value", Json()));
    return out;
  }
  return any;
}

// Attributes as a flat object, whether OTLP's [{key, value}] or a map.
Json AttributesOf(const Json& span) {
  const Json* attributes = Find(span, "attributes");
  if (attributes == nullptr) return Json::object();
  if (attributes->is_object()) return *attributes;
  Json out = Json::object();
  if (!attributes->is_array()) return out;
  for (const Json& kv : *attributes) out[GetString(kv, "key")] = ValueOf(kv.value("value", Json()));
  return out;
}

std::string Attr(const Json& attributes, const char* key) {
  auto it = attributes.find(key);
  if (it == attributes.end()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

int64_t NanosOf(const Json& span) {
  const Json* start = Find(span, "startTimeUnixNano");
  int64_t nanos = 0;
  if (start == nullptr) return 0;
  if (start->is_number()) return start->get<int64_t>();
  if (start->is_string() && absl::SimpleAtoi(start->get<std::string>(), &nanos)) return nanos;
  return 0;
}

bool IsToolSpan(const Json& span, const Json& attributes) {
  if (Attr(attributes, "gen_ai.tool.name").empty()) return false;
  std::string method = Attr(attributes, "mcp.method.name");
  if (!method.empty()) return method == "tools/call";
  std::string name = GetString(span, "name");
  return Attr(attributes, "gen_ai.operation.name") == "execute_tool" ||
         absl::StartsWith(name, "execute_tool") || absl::StartsWith(name, "tools/call");
}

bool Failed(const Json& span, const Json& attributes) {
  const Json* code = Find(span, "status.code");
  bool error_code = code != nullptr && ((code->is_number_integer() && code->get<int>() == 2) ||
                                        (code->is_string() && code->get<std::string>() == "STATUS_CODE_ERROR"));
  int64_t http = 0;
  if (!absl::SimpleAtoi(Attr(attributes, "http.status"), &http)) http = 0;
  return error_code || !Attr(attributes, "error.type").empty() || http >= 400;
}

struct Span {
  int line;
  int64_t start;
  std::string time;
  std::string service;
  Json value;
  Json attributes;
};

class OtelImporter : public Importer {
 public:
  void Add(const Record& record, ImportSink& sink) override {
    const Json* resources = Find(record.value, "resourceSpans");
    if (resources == nullptr || !resources->is_array()) {
      return AddSpan(record.line, record.value, "", sink);
    }
    for (const Json& resource : *resources) {
      std::string service = ServiceName(resource);
      const Json* scopes = Find(resource, "scopeSpans");
      if (scopes == nullptr || !scopes->is_array()) continue;
      for (const Json& scope : *scopes) {
        const Json* spans = Find(scope, "spans");
        if (spans == nullptr || !spans->is_array()) continue;
        for (const Json& span : *spans) AddSpan(record.line, span, service, sink);
      }
    }
  }

  void Finish(ImportSink& sink) override {
    std::stable_sort(spans_.begin(), spans_.end(),
                     [](const Span& a, const Span& b) { return a.start < b.start; });
    for (const Span& span : spans_) Emit(span, sink);
    if (ignored_ > 0) {
      sink.Problem(0, "", absl::StrCat("spans that are not tool calls ignored: ", ignored_),
                   Severity::kInfo);
    }
  }

 private:
  static std::string ServiceName(const Json& resource) {
    Json attributes = AttributesOf(Find(resource, "resource") ? resource["resource"] : Json());
    return Attr(attributes, "service.name");
  }

  void AddSpan(int line, const Json& span, const std::string& service, ImportSink& sink) {
    if (!span.is_object()) {
      sink.Problem(line, "", "expected a span object", Severity::kFatal);
      return;
    }
    Json attributes = AttributesOf(span);
    if (!IsToolSpan(span, attributes)) {
      ++ignored_;
      return;
    }
    std::string key = DedupeKey(span, attributes);
    if (!key.empty() && !seen_.emplace(key, true).second) return;
    int64_t start = NanosOf(span);
    std::string time = start != 0 ? TimeFromUnixNanos(start) : GetString(span, "timestamp");
    spans_.push_back(Span{line, start, time, service, span, std::move(attributes)});
  }

  static std::string DedupeKey(const Json& span, const Json& attributes) {
    std::string trace = GetString(span, "traceId");
    if (std::string id = Attr(attributes, "gen_ai.tool.call.id"); !id.empty()) {
      return absl::StrCat(trace, "/call/", id);
    }
    if (std::string id = Attr(attributes, "jsonrpc.request.id"); !id.empty()) {
      return absl::StrCat(trace, "/", Attr(attributes, "mcp.session.id"), "/rpc/", id);
    }
    return "";
  }

  static void Emit(const Span& span, ImportSink& sink) {
    const Json& attributes = span.attributes;
    auto args_it = attributes.find("gen_ai.tool.call.arguments");
    const Json* raw_args = args_it == attributes.end() ? nullptr : &*args_it;
    std::optional<Json> args =
        ArgumentsField(raw_args, span.line, "gen_ai.tool.call.arguments", sink);
    if (!args) return;
    ToolCall call;
    call.line = span.line;
    call.tool = Attr(attributes, "gen_ai.tool.name");
    call.server = VocabularyOfServerLabel(span.service);
    call.args = std::move(*args);
    call.time = span.time;
    call.outcome.output = Attr(attributes, "gen_ai.tool.call.result");
    bool failed = Failed(span.value, attributes);
    call.outcome.status = failed ? RecordedOutcome::Status::kError : RecordedOutcome::Status::kOk;
    if (failed) {
      call.outcome.error = GetString(span.value, "status.message", Attr(attributes, "error.type"));
    }
    if (raw_args == nullptr) {
      sink.Problem(span.line, "gen_ai.tool.call.arguments",
                   absl::StrCat("arguments of ", call.tool, " not recorded (opt-in attribute)"),
                   Severity::kWarning);
    }
    sink.Add(std::move(call));
  }

  std::vector<Span> spans_;
  std::map<std::string, bool> seen_;
  int ignored_ = 0;
};

}  // namespace

bool LooksOtel(const Json& record) {
  if (!record.is_object()) return false;
  if (record.contains("resourceSpans")) return true;
  Json attributes = AttributesOf(record);
  return !Attr(attributes, "gen_ai.tool.name").empty() ||
         !Attr(attributes, "mcp.method.name").empty() ||
         !Attr(attributes, "gen_ai.operation.name").empty();
}

std::unique_ptr<Importer> MakeOtelImporter() {
  return std::make_unique<OtelImporter>();
}

}  // namespace kreplay
