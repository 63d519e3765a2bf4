// Tool vocabularies: what one recorded tool call means for the cluster.
//
// Every MCP server (and every shell tool) names its tools and arguments its
// own way. A vocabulary is a table, one row per tool: name, server, whether
// it only reads, and a handler that maps the call's arguments to Operations
// with that server's real defaults and hidden effects (Flux159's namespace
// "default", containers' server-side apply with force, containers'
// pods_delete also deleting the Services it created). Rows live in one file
// per server under replay/vocab/; docs/vocabularies.md lists them all.
//
//   Interpretation meaning = Interpret(call);
//   for (const Operation& op : meaning.operations) ...
#ifndef KREPLAY_REPLAY_VOCAB_VOCABULARY_H_
#define KREPLAY_REPLAY_VOCAB_VOCABULARY_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "replay/exec/operation.h"
#include "replay/ledger/ledger.h"

namespace kreplay {

struct Interpretation {
  // What the call did, in order; never empty. An operation whose `problem`
  // is set was not fully understood.
  std::vector<Operation> operations;
  // Call-level notes that belong to no single operation (an unknown server
  // hint, an argument the tool ignores).
  std::vector<std::string> problems;
  // False when no vocabulary knows the tool; operations then hold one guess:
  // kUnknown when the name suggests a mutation, kGet otherwise, each with a
  // problem.
  bool known_tool = true;
};

// One tool of one server. `handler` appends the call's operations.
struct ToolSpec {
  const char* name;
  const char* server;
  bool read_only;
  void (*handler)(const ToolCall& call, Interpretation& out);
};

// Interprets `call`: the vocabulary is `call.server` when set, otherwise
// the server whose table has `call.tool` (first in kServers order). Never
// fails: what cannot be interpreted is reported in the result.
Interpretation Interpret(const ToolCall& call);

// The row for `tool` of `server` ("" = any server); nullptr when unknown.
const ToolSpec* FindTool(absl::string_view server, absl::string_view tool);

// Every server name, in lookup order.
std::vector<std::string> VocabularyServers();

// Every row of `server`'s table, in table order.
absl::Span<const ToolSpec> ToolsOf(absl::string_view server);

// Whether an unknown tool's name suggests that it mutates (delete, create,
// apply, patch, scale, exec, run, update, set, restart, ...).
bool NameSuggestsMutation(absl::string_view tool);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_VOCAB_VOCABULARY_H_
