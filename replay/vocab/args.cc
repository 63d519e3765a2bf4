#include "replay/vocab/args.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/manifest.h"
#include "model/type_registry.h"
#include "replay/kubectl/parser.h"
#include "replay/shell/command_line.h"

namespace kreplay {
namespace {

constexpr size_t kMaxSourceChars = 200;

}  // namespace

std::string ArgString(const Json& args, const char* key,
                      const std::string& fallback) {
  auto it = args.find(key);
  if (it == args.end()) return fallback;
  std::string value;
  if (it->is_string()) value = it->get<std::string>();
  if (it->is_number() || it->is_boolean()) value = it->dump();
  return value.empty() ? fallback : value;
}

std::optional<int64_t> ArgInt(const Json& args, const char* key) {
  auto it = args.find(key);
  if (it == args.end()) return std::nullopt;
  if (it->is_number()) return it->get<int64_t>();
  int64_t value = 0;
  if (it->is_string() && absl::SimpleAtoi(it->get<std::string>(), &value)) {
    return value;
  }
  return std::nullopt;
}

bool ArgBool(const Json& args, const char* key, bool fallback) {
  auto it = args.find(key);
  if (it == args.end()) return fallback;
  if (it->is_boolean()) return it->get<bool>();
  if (!it->is_string()) return fallback;
  std::string text = absl::AsciiStrToLower(it->get<std::string>());
  if (text == "true") return true;
  if (text == "false") return false;
  return fallback;
}

std::vector<std::string> ArgStrings(const Json& args, const char* key) {
  std::vector<std::string> out;
  auto it = args.find(key);
  if (it == args.end()) return out;
  if (it->is_string()) out.push_back(it->get<std::string>());
  if (!it->is_array()) return out;
  for (const Json& each : *it) {
    out.push_back(each.is_string() ? each.get<std::string>() : each.dump());
  }
  return out;
}

std::string SourceOf(const ToolCall& call) {
  std::string text = absl::StrCat(call.tool, " ", Compact(call.args));
  if (text.size() > kMaxSourceChars) {
    text = absl::StrCat(text.substr(0, kMaxSourceChars), "...");
  }
  return text;
}

Operation TargetOp(Verb verb, const std::string& resource, const std::string& ns,
                   const std::string& name, const ToolCall& call) {
  Operation op;
  op.verb = verb;
  op.resource = resource;
  const TypeInfo* type = resource.empty() ? nullptr : LookupType(resource);
  if (type != nullptr) op.kind = type->kind;
  bool namespaced = type == nullptr || type->namespaced;
  if (namespaced && !ns.empty()) {
    op.ns = ns;
    op.ns_explicit = true;
  }
  if (!name.empty()) op.names.push_back(name);
  op.source = SourceOf(call);
  return op;
}

bool HasRequired(const ToolCall& call, Verb verb,
                 std::initializer_list<const char*> keys, Interpretation& out) {
  std::vector<std::string> missing;
  for (const char* key : keys) {
    bool list = call.args.contains(key) && call.args[key].is_array() &&
                !call.args[key].empty();
    if (!list && ArgString(call.args, key).empty()) missing.push_back(key);
  }
  if (missing.empty()) return true;
  Operation op = TargetOp(verb, "", "", "", call);
  op.problem = absl::StrCat("missing required argument \"",
                            absl::StrJoin(missing, "\", \""), "\"");
  out.operations.push_back(std::move(op));
  return false;
}

void AddLocal(const ToolCall& call, Interpretation& out) {
  out.operations.push_back(TargetOp(Verb::kLocal, "", "", "", call));
}

void AddKubectl(const std::vector<std::string>& argv,
                std::optional<std::string> stdin_text, Verb fallback_verb,
                const ToolCall& call, Interpretation& out) {
  StdinSource stdin{std::move(stdin_text), absl::StrCat(call.tool, " argument")};
  absl::StatusOr<std::vector<Operation>> ops = ParseKubectl(argv, stdin);
  std::string prefix = absl::StrCat(call.tool, ": ");
  if (!ops.ok()) {
    Operation op;
    op.verb = fallback_verb;
    op.source = prefix + JoinArgv(argv);
    op.problem = std::string(ops.status().message());
    out.operations.push_back(std::move(op));
    return;
  }
  for (Operation& op : *ops) {
    op.source = prefix + op.source;
    out.operations.push_back(std::move(op));
  }
}

void AddFlag(std::vector<std::string>& argv, const std::string& flag,
             const std::string& value) {
  if (!value.empty()) argv.push_back(absl::StrCat(flag, "=", value));
}

void AddSwitch(std::vector<std::string>& argv, const std::string& flag, bool on) {
  if (on) argv.push_back(flag);
}

std::vector<Json> ManifestsArg(const std::string& text, Operation& op,
                               const ToolCall& call) {
  std::string where = absl::StrCat(call.source, ":", call.line, " ", call.tool);
  absl::StatusOr<std::vector<Json>> manifests = ParseManifests(text, where);
  if (!manifests.ok()) {
    op.problem = std::string(manifests.status().message());
    return {};
  }
  return *std::move(manifests);
}

void AddCommandLine(const std::string& text, const ToolCall& call, Interpretation& out) {
  CommandLineOps ops = InterpretCommandLine(text);
  for (Operation& op : ops.operations) out.operations.push_back(std::move(op));
  for (std::string& problem : ops.problems) out.problems.push_back(std::move(problem));
  if (ops.operations.empty() && ops.problems.empty()) {
    Operation op = TargetOp(Verb::kLocal, "", "", "", call);
    op.source = text;
    out.operations.push_back(std::move(op));
  }
}

}  // namespace kreplay
