#include "replay/vocab/vocabulary.h"

#include <set>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "replay/vocab/args.h"
#include "replay/vocab/tables.h"

namespace kreplay {
namespace {

struct Server {
  const char* name;
  absl::Span<const ToolSpec> (*tools)();
  // Whether a call that names no server may be matched by tool name alone.
  // Audit "tools" are API verbs (get, delete): only calls the audit importer
  // marked with server "audit" use them.
  bool by_name = true;
};

// Lookup order when a call names no server: a tool name two servers share
// (Flux159 v1's delete_pod and the ExecutionEntry sample's) goes to the
// first.
constexpr Server kServers[] = {
    {"kubectl", &KubectlStringTools},
    {"flux159", &Flux159Tools},
    {"containers", &ContainersTools},
    {"kagent", &KagentTools},
    {"strowk", &StrowkTools},
    {"execution-entry", &ExecutionEntryTools},
    {"audit", &AuditTools, false},
    {"agent", &AgentLocalTools},
};

// Words in a tool name that mean it changes something.
const std::set<std::string>& MutationWords() {
  static const std::set<std::string> kWords = {
      "add",      "annotate", "apply",   "bash",     "call",    "cancel",
      "change",   "cleanup",  "clone",   "command",  "cordon",  "create",
      "delete",   "deploy",   "destroy", "drain",    "edit",    "evict",
      "exec",     "execute",  "install", "invoke",   "kill",    "label",
      "lifecycle", "manage",  "modify",  "patch",    "pause",   "post",
      "promote",  "put",      "remove",  "replace",  "restart", "resume",
      "rm",       "rollback", "rollout", "run",      "scale",   "set",
      "shell",    "start",    "stop",    "sync",     "taint",   "uncordon",
      "uninstall", "update",  "upgrade", "upsert",   "write",
  };
  return kWords;
}

// `kubectl_patch`, `apply-k8s-resource`, `deleteResource` -> lower-case words.
std::vector<std::string> NameWords(absl::string_view tool) {
  std::vector<std::string> words(1);
  for (size_t i = 0; i < tool.size(); ++i) {
    char c = tool[i];
    bool boundary = c == '_' || c == '-' || c == '.' || c == ' ' || c == '/';
    bool camel = absl::ascii_isupper(c) && i > 0 && absl::ascii_islower(tool[i - 1]);
    if ((boundary || camel) && !words.back().empty()) words.emplace_back();
    if (!boundary) words.back() += absl::ascii_tolower(c);
  }
  return words;
}

const Server* FindServer(absl::string_view name) {
  for (const Server& server : kServers) {
    if (name == server.name) return &server;
  }
  return nullptr;
}

const ToolSpec* FindIn(const Server& server, absl::string_view tool) {
  for (const ToolSpec& spec : server.tools()) {
    if (tool == spec.name) return &spec;
  }
  return nullptr;
}

const ToolSpec* FindByName(absl::string_view tool) {
  static const auto* kIndex = [] {
    auto* index = new absl::flat_hash_map<std::string, const ToolSpec*>();
    for (const Server& server : kServers) {
      if (!server.by_name) continue;
      for (const ToolSpec& spec : server.tools()) index->try_emplace(spec.name, &spec);
    }
    return index;
  }();
  auto it = kIndex->find(tool);
  return it == kIndex->end() ? nullptr : it->second;
}

Interpretation Guess(const ToolCall& call) {
  Interpretation out;
  out.known_tool = false;
  Operation op;
  op.source = SourceOf(call);
  if (NameSuggestsMutation(call.tool)) {
    op.verb = Verb::kUnknown;
    op.problem = absl::StrCat("unknown tool \"", call.tool,
                              "\": its name suggests a mutation");
  } else {
    op.verb = Verb::kGet;
    op.problem = absl::StrCat("unknown read-only tool \"", call.tool, "\"");
  }
  out.operations.push_back(std::move(op));
  return out;
}

}  // namespace

const ToolSpec* FindTool(absl::string_view server, absl::string_view tool) {
  if (const Server* named = FindServer(server)) {
    if (const ToolSpec* spec = FindIn(*named, tool)) return spec;
  }
  return FindByName(tool);
}

Interpretation Interpret(const ToolCall& call) {
  const ToolSpec* spec = FindTool(call.server, call.tool);
  Interpretation out = spec == nullptr ? Guess(call) : Interpretation{};
  if (spec != nullptr) spec->handler(call, out);
  if (!call.server.empty() && FindServer(call.server) == nullptr) {
    out.problems.push_back(absl::StrCat("unknown server \"", call.server,
                                        "\": vocabulary chosen by tool name"));
  } else if (spec != nullptr && !call.server.empty() && call.server != spec->server) {
    out.problems.push_back(absl::StrCat("tool \"", call.tool, "\" is not in the ",
                                        call.server, " vocabulary; read as ",
                                        spec->server, "'s"));
  }
  if (out.operations.empty()) {
    Operation op;
    op.source = SourceOf(call);
    op.problem = "the tool's handler produced no operation";
    out.operations.push_back(std::move(op));
  }
  return out;
}

std::vector<std::string> VocabularyServers() {
  std::vector<std::string> names;
  for (const Server& server : kServers) names.push_back(server.name);
  return names;
}

absl::Span<const ToolSpec> ToolsOf(absl::string_view server) {
  const Server* found = FindServer(server);
  return found == nullptr ? absl::Span<const ToolSpec>() : found->tools();
}

bool NameSuggestsMutation(absl::string_view tool) {
  for (const std::string& word : NameWords(tool)) {
    if (MutationWords().count(word) > 0) return true;
  }
  return false;
}

}  // namespace kreplay
