// What the vocabularies' handlers share: argument readers that accept what
// models actually send, operation builders, and the way a server that shells
// out to kubectl (or to a shell) is read: through the kubectl parser and the
// command-line interpreter. Internal to replay/vocab/.
#ifndef KREPLAY_REPLAY_VOCAB_ARGS_H_
#define KREPLAY_REPLAY_VOCAB_ARGS_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "model/json.h"
#include "replay/exec/operation.h"
#include "replay/ledger/ledger.h"
#include "replay/vocab/vocabulary.h"

namespace kreplay {

// Argument readers that accept what models actually send: numbers as
// strings ("3"), booleans as strings ("true", kagent's all_namespaces).
std::string ArgString(const Json& args, const char* key,
                      const std::string& fallback = "");
std::optional<int64_t> ArgInt(const Json& args, const char* key);
bool ArgBool(const Json& args, const char* key, bool fallback);
// An array of strings; a single string is one element.
std::vector<std::string> ArgStrings(const Json& args, const char* key);

// An operation on `resource` (as typed; the kind is resolved through the
// type registry) named `name` ("" = all) in `ns` ("" = not given).
Operation TargetOp(Verb verb, const std::string& resource, const std::string& ns,
                   const std::string& name, const ToolCall& call);

// When one of `keys` is missing (or empty) in call.args, appends one `verb`
// operation carrying the problem (the server would have refused the call)
// and returns false.
bool HasRequired(const ToolCall& call, Verb verb,
                 std::initializer_list<const char*> keys, Interpretation& out);

// An operation that never reaches the cluster (kLocal), e.g. `ping`.
void AddLocal(const ToolCall& call, Interpretation& out);

// Appends the operations of a kubectl argv (argv[0] == "kubectl") with
// `stdin_text` as what `-f -` reads (nullopt: not recorded), the way a
// server that shells out to kubectl runs it. A usage error kubectl would
// report becomes one operation of `fallback_verb` carrying the problem.
void AddKubectl(const std::vector<std::string>& argv,
                std::optional<std::string> stdin_text, Verb fallback_verb,
                const ToolCall& call, Interpretation& out);

// argv building for servers that shell out to kubectl: `--flag=value` only
// when value is not empty, `--flag` only when `on`.
void AddFlag(std::vector<std::string>& argv, const std::string& flag,
             const std::string& value);
void AddSwitch(std::vector<std::string>& argv, const std::string& flag, bool on);

// Appends the operations of a shell command line (kubectl, helm, pipes,
// heredocs) through the command-line interpreter.
void AddCommandLine(const std::string& text, const ToolCall& call,
                    Interpretation& out);

// The manifests of a YAML/JSON stream argument; a parse failure becomes the
// operation's problem and no manifests.
std::vector<Json> ManifestsArg(const std::string& text, Operation& op,
                               const ToolCall& call);

// The source text of an operation built from `call`: `tool {args}`.
std::string SourceOf(const ToolCall& call);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_VOCAB_ARGS_H_
