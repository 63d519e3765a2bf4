#include "replay/ledger/import_fields.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "model/json_text.h"

namespace kreplay {
namespace {

constexpr absl::string_view kExitCodeMarker = "Exit code: ";
constexpr absl::string_view kStderrMarker = "STDERR:";

std::optional<int> ExitCodeIn(absl::string_view text) {
  size_t at = text.rfind(kExitCodeMarker);
  if (at == absl::string_view::npos) return std::nullopt;
  absl::string_view rest = text.substr(at + kExitCodeMarker.size());
  size_t end = rest.find_first_not_of("-0123456789");
  int code = 0;
  if (!absl::SimpleAtoi(rest.substr(0, end), &code)) return std::nullopt;
  return code;
}

bool LooksLikeErrorText(absl::string_view text) {
  std::string lower = absl::AsciiStrToLower(text);
  return absl::StartsWith(text, "error:") || absl::StartsWith(text, "Error") ||
         absl::StrContains(lower, "exit status 1") ||
         absl::StrContains(lower, "exit code 1");
}

std::string Trimmed(absl::string_view text) {
  return std::string(absl::StripAsciiWhitespace(text));
}

}  // namespace

std::optional<std::string> StringField(const Json& object, const char* key,
                                       int line, ImportSink& sink,
                                       Severity severity,
                                       absl::string_view field_prefix) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  sink.Problem(line, absl::StrCat(field_prefix, key),
               absl::StrCat("expected a string, got ", it->type_name()),
               severity);
  return std::nullopt;
}

bool RequireObject(const Record& record, ImportSink& sink) {
  if (record.value.is_object()) return true;
  sink.Problem(record.line, "", "expected a JSON object", Severity::kFatal);
  return false;
}

std::optional<ToolCall> FlatToolCall(const Record& record, const char* args_key,
                                     ImportSink& sink) {
  if (!RequireObject(record, sink)) return std::nullopt;
  std::optional<std::string> tool = RequiredName(record.value, "tool", record.line, sink);
  if (!tool) return std::nullopt;
  std::optional<Json> args =
      ArgumentsField(Find(record.value, args_key), record.line, args_key, sink);
  if (!args) return std::nullopt;
  ToolCall call;
  call.line = record.line;
  call.tool = *std::move(tool);
  call.args = *std::move(args);
  return call;
}

std::optional<std::string> RequiredName(const Json& object, const char* key,
                                        int line, ImportSink& sink,
                                        absl::string_view field_prefix) {
  auto it = object.find(key);
  std::string field = absl::StrCat(field_prefix, key);
  if (it == object.end() || it->is_null()) {
    sink.Problem(line, field, "missing (required)", Severity::kFatal);
    return std::nullopt;
  }
  std::optional<std::string> name =
      StringField(object, key, line, sink, Severity::kFatal, field_prefix);
  if (name && name->empty()) {
    sink.Problem(line, field, "must not be empty", Severity::kFatal);
    return std::nullopt;
  }
  return name;
}

std::optional<Json> ArgumentsField(const Json* value, int line,
                                   absl::string_view field, ImportSink& sink) {
  if (value == nullptr || value->is_null()) return Json::object();
  Json parsed = *value;
  if (value->is_string()) {
    std::string text = value->get<std::string>();
    if (absl::StripAsciiWhitespace(text).empty()) return Json::object();
    JsonText decoded = ParseJsonText(text);
    if (decoded.error) {
      sink.Problem(line, field,
                   absl::StrCat("expected a JSON object encoded as a string (",
                                decoded.error->what, ")"),
                   Severity::kFatal);
      return std::nullopt;
    }
    parsed = std::move(decoded.value);
  }
  if (parsed.is_object()) return parsed;
  sink.Problem(line, field,
               absl::StrCat("expected an object, got ", parsed.type_name()),
               Severity::kFatal);
  return std::nullopt;
}

std::string ContentText(const Json& content) {
  if (content.is_string()) return content.get<std::string>();
  if (!content.is_array()) return content.is_null() ? "" : Compact(content);
  std::vector<std::string> parts;
  for (const Json& block : content) {
    if (block.is_string()) {
      parts.push_back(block.get<std::string>());
    } else if (GetString(block, "type") == "text") {
      parts.push_back(GetString(block, "text"));
    } else {
      parts.push_back(Compact(block));
    }
  }
  return absl::StrJoin(parts, "\n");
}

RecordedOutcome OutcomeFromText(const std::string& text) {
  RecordedOutcome outcome;
  outcome.exit_code = ExitCodeIn(text);
  absl::string_view view = text;
  size_t stderr_at = view.find(kStderrMarker);
  size_t exit_at = view.rfind(kExitCodeMarker);
  size_t stdout_end = std::min(stderr_at, exit_at);
  outcome.output = stdout_end == absl::string_view::npos
                       ? text
                       : Trimmed(view.substr(0, stdout_end));
  if (stderr_at != absl::string_view::npos) {
    size_t begin = stderr_at + kStderrMarker.size();
    size_t end = exit_at != absl::string_view::npos && exit_at > begin
                     ? exit_at
                     : view.size();
    outcome.error = Trimmed(view.substr(begin, end - begin));
  }
  bool failed = (outcome.exit_code && *outcome.exit_code != 0) ||
                LooksLikeErrorText(text);
  outcome.status = failed ? RecordedOutcome::Status::kError
                          : RecordedOutcome::Status::kOk;
  if (failed && outcome.error.empty()) outcome.error = Trimmed(text);
  return outcome;
}

std::pair<std::string, std::string> SplitMcpToolName(const std::string& name) {
  constexpr absl::string_view kMcpPrefix = "mcp__";
  if (!absl::StartsWith(name, kMcpPrefix)) return {"", name};
  absl::string_view rest = absl::string_view(name).substr(kMcpPrefix.size());
  size_t split = rest.find("__");
  if (split == absl::string_view::npos) return {"", std::string(rest)};
  return {std::string(rest.substr(0, split)), std::string(rest.substr(split + 2))};
}

std::string VocabularyOfServerLabel(absl::string_view label) {
  struct Hint {
    absl::string_view fragment;
    absl::string_view vocabulary;
  };
  // Fragments of package and repository names, most specific first.
  static constexpr Hint kHints[] = {
      {"kubernetes-mcp-server", "containers"}, {"containers", "containers"},
      {"mcp-server-kubernetes", "flux159"},    {"flux159", "flux159"},
      {"mcp-k8s-go", "strowk"},                {"strowk", "strowk"},
      {"kagent", "kagent"},
  };
  std::string lower = absl::AsciiStrToLower(label);
  for (const Hint& hint : kHints) {
    if (absl::StrContains(lower, hint.fragment)) return std::string(hint.vocabulary);
  }
  return "";
}

std::vector<std::pair<size_t, std::string>> InCallOrder(
    const std::map<std::string, size_t>& pending) {
  std::vector<std::pair<size_t, std::string>> order;
  for (const auto& [id, index] : pending) order.emplace_back(index, id);
  std::sort(order.begin(), order.end());
  return order;
}

std::optional<std::string> TimeFromMillisField(const Json& value, int line,
                                               absl::string_view field,
                                               ImportSink& sink) {
  // 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z in Unix milliseconds.
  constexpr double kFirst = -62135596800000.0;
  constexpr double kLast = 253402300799999.0;
  if (!value.is_number()) return std::nullopt;
  const double millis = value.get<double>();
  if (!std::isfinite(millis) || millis < kFirst || millis > kLast) {
    sink.Problem(line, field,
                 absl::StrCat("Unix time in milliseconds out of range (", Compact(value),
                              "); the call has no time"),
                 Severity::kWarning);
    return std::nullopt;
  }
  if (value.is_number_float()) return TimeFromUnixMillis(static_cast<int64_t>(millis));
  return TimeFromUnixMillis(value.get<int64_t>());
}

bool IsRfc3339Time(absl::string_view text) {
  absl::Time time;
  std::string error;
  return absl::ParseTime(absl::RFC3339_full, text, &time, &error);
}

std::string TimeFromUnixMillis(int64_t millis) {
  return absl::FormatTime("%Y-%m-%d%ET%H:%M:%E*SZ", absl::FromUnixMillis(millis),
                          absl::UTCTimeZone());
}

std::string TimeFromUnixNanos(int64_t nanos) {
  return absl::FormatTime("%Y-%m-%d%ET%H:%M:%E*SZ", absl::FromUnixNanos(nanos),
                          absl::UTCTimeZone());
}

}  // namespace kreplay
