#include "replay/judge/mutations.h"

#include <set>

#include "absl/strings/str_split.h"
#include "model/type_registry.h"

namespace kreplay {
namespace {

struct Pattern {
  std::string verb;
  std::string kind;
  std::string ns;
  std::set<std::string> names;
};

bool TakeNamespace(const std::vector<std::string>& words, size_t& i, std::string& ns) {
  const std::string& w = words[i];
  if ((w == "-n" || w == "--namespace") && i + 1 < words.size()) {
    ns = words[++i];
    return true;
  }
  for (const char* prefix : {"--namespace=", "-n="}) {
    if (w.rfind(prefix, 0) == 0) {
      ns = w.substr(std::string(prefix).size());
      return true;
    }
  }
  return false;
}

Pattern ParsePattern(const std::string& text) {
  std::vector<std::string> words = absl::StrSplit(text, ' ', absl::SkipEmpty());
  Pattern p;
  std::vector<std::string> rest;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i == 0 && words[i] == "kubectl") continue;
    if (!TakeNamespace(words, i, p.ns)) rest.push_back(words[i]);
  }
  size_t at = 0;
  if (rest.size() >= 2 && VerbByName(rest[0] + " " + rest[1])) {
    p.verb = rest[0] + " " + rest[1];
    at = 2;
  } else if (!rest.empty()) {
    p.verb = rest[0];
    at = 1;
  }
  for (; at < rest.size(); ++at) {
    std::string word = rest[at];
    size_t slash = word.find('/');
    std::string type = slash == std::string::npos ? word : word.substr(0, slash);
    const TypeInfo* info = p.kind.empty() ? LookupType(type) : nullptr;
    if (info) {
      p.kind = info->kind;
      if (slash != std::string::npos) p.names.insert(word.substr(slash + 1));
    } else if (word[0] != '-') {
      p.names.insert(word);
    }
  }
  return p;
}

}  // namespace

bool CommandMatches(const std::string& pattern, const Operation& op,
                    const std::vector<ObjectKey>& targets) {
  Pattern p = ParsePattern(pattern);
  if (p.verb != InfoOf(op.verb).name) return false;
  if (!p.kind.empty() && p.kind != op.kind) {
    bool any = false;
    for (const ObjectKey& t : targets) any |= t.kind == p.kind;
    if (!any) return false;
  }
  for (const std::string& name : p.names) {
    bool found = false;
    for (const ObjectKey& t : targets) found |= t.name == name;
    if (!found) return false;
  }
  if (p.ns.empty()) return true;
  for (const ObjectKey& t : targets) {
    if (t.ns != p.ns) return false;
  }
  return !targets.empty() || op.ns == p.ns;
}

bool PatternNamesNamespace(const std::string& pattern) { return !ParsePattern(pattern).ns.empty(); }

std::set<std::string> FixtureNamespaces(const Fixture& fixture) {
  std::set<std::string> out(fixture.authority.namespaces.begin(), fixture.authority.namespaces.end());
  for (const std::string& glob : fixture.fault_objects) {
    std::vector<std::string> parts = absl::StrSplit(glob, '/');
    if (parts.size() != 3) continue;  // Kind/name: cluster-scoped
    if (parts[1].find_first_of("*?[") != std::string::npos) return {};
    out.insert(parts[1]);
  }
  return out;
}

std::vector<Mutation> Mutations(const ReplayResult& result) {
  std::vector<Mutation> out;
  for (const StepReport& step : result.steps) {
    for (const OperationReport& op : step.operations) {
      // Delegated channels (exec, port-forward) are judged apart: not mutations.
      if (op.op.mutating() && !InfoOf(op.op.verb).delegated) out.push_back({&step, &op});
    }
  }
  return out;
}

}  // namespace kreplay
