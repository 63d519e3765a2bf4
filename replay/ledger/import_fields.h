// Small readers shared by the importers: typed fields that report a problem
// naming the field when they are mistyped, tool-result text, and times.
#ifndef KREPLAY_REPLAY_LEDGER_IMPORT_FIELDS_H_
#define KREPLAY_REPLAY_LEDGER_IMPORT_FIELDS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "model/json.h"
#include "replay/ledger/importer.h"
#include "replay/ledger/ledger.h"

namespace kreplay {

// The string at `key` of `object`. Absent: nullopt, no problem. Present but
// not a string: nullopt and a problem of `severity` naming `field_prefix` +
// `key`.
std::optional<std::string> StringField(const Json& object, const char* key,
                                       int line, ImportSink& sink,
                                       Severity severity,
                                       absl::string_view field_prefix = "");

// Whether `record` is a JSON object; when not, a fatal problem on its line
// ("expected a JSON object") and the caller skips it.
bool RequireObject(const Record& record, ImportSink& sink);

// A required non-empty string (a tool name): missing, null, mistyped or
// empty gives nullopt and a fatal problem naming `field_prefix` + `key`.
std::optional<std::string> RequiredName(const Json& object, const char* key,
                                        int line, ImportSink& sink,
                                        absl::string_view field_prefix = "");

// The call of a flat record `{"tool": NAME, <args_key>: ARGS, ...}`: its
// line, tool and arguments (ArgumentsField). Nullopt, with the fatal
// problem, when the record is not an object, the tool is missing or the
// arguments are not an object.
std::optional<ToolCall> FlatToolCall(const Record& record, const char* args_key,
                                     ImportSink& sink);

// Tool arguments given either as an object or as a JSON-encoded string
// (OpenAI `arguments`, OTel attributes). Absent or empty: {}. Anything else
// (bad JSON, not an object): nullopt and a fatal problem naming `field`.
std::optional<Json> ArgumentsField(const Json* value, int line,
                                   absl::string_view field, ImportSink& sink);

// The text of an MCP / Anthropic tool result: a string as is, or the `text`
// of each text block of a content array, joined with newlines; other blocks
// are rendered compactly.
std::string ContentText(const Json& content);

// The outcome of a shell tool whose result is one text, as evidra-bench
// derives it (pkg/bench/timeline_parse.go, pkg/agent/tools.go): stdout, then
// "STDERR: ..." and "Exit code: N" appended on failure; MCP errors prefixed
// "error: ". A result starting with "error:"/"Error" or mentioning
// "exit status 1"/"exit code 1", or a non-zero "Exit code: N", is an error.
RecordedOutcome OutcomeFromText(const std::string& text);

// A client's name for an MCP tool, `mcp__<server>__<tool>` (Claude Code and
// agents modelled on it) -> {server label, tool}; other names -> {"", name}.
std::pair<std::string, std::string> SplitMcpToolName(const std::string& name);

// The vocabulary a client-side MCP server label most likely names
// (`kubernetes-mcp-server` -> "containers", `flux159` -> "flux159"), or ""
// when the label says nothing (a user-chosen key such as `kubernetes`):
// the vocabulary is then chosen from the tool name.
std::string VocabularyOfServerLabel(absl::string_view label);

// The entries of a pending-call map (id -> call index) in call order, so
// that "no response" problems come out in line order.
std::vector<std::pair<size_t, std::string>> InCallOrder(
    const std::map<std::string, size_t>& pending);

// RFC 3339 UTC text for a JSON number of Unix milliseconds (integer or
// float). Not finite, or outside the years 0001-9999 (1e300 would overflow
// the conversion to int64): nullopt and a warning problem naming `field`;
// the call is then kept without a time.
std::optional<std::string> TimeFromMillisField(const Json& value, int line,
                                               absl::string_view field,
                                               ImportSink& sink);

// Whether `text` is an RFC 3339 time as the replayer reads it
// (absl::RFC3339_full, as replay/run/replayer.cc parses call times).
bool IsRfc3339Time(absl::string_view text);

// RFC 3339 UTC text for a Unix time in milliseconds / nanoseconds.
std::string TimeFromUnixMillis(int64_t millis);
std::string TimeFromUnixNanos(int64_t nanos);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_LEDGER_IMPORT_FIELDS_H_
