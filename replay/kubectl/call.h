// The pieces shared by kubectl's verb builders: one parsed invocation, what
// reached its stdin, and the objects it names.
//
// kubectl names objects in three ways: resource arguments (`deploy web`,
// `deploy/web svc/web`, `deploy,svc web`), label/field selectors, and
// manifests given with -f/-k. A Target is one of those, resolved through
// the type registry; a manifest whose content was not recorded (a local
// file, a URL, a kustomization) is still a Target, carrying a problem.
#ifndef KREPLAY_REPLAY_KUBECTL_CALL_H_
#define KREPLAY_REPLAY_KUBECTL_CALL_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "model/json.h"
#include "replay/exec/operation.h"
#include "replay/kubectl/arg_grammar.h"

namespace kreplay {

// What kubectl would read on stdin (`-f -`).
struct StdinSource {
  std::optional<std::string> text;  // nullopt: not recorded
  std::string origin = "stdin";     // names the source in problems
};

// One kubectl invocation (helm_parser uses it for helm too), split by ParseArgs.
struct KubectlCall {
  ParsedArgs args;
  StdinSource stdin;
};

// One object or group of objects a command names.
struct Target {
  std::string resource;            // as typed ("deploy"); empty for -f
  std::string kind;                // resolved; empty when unknown
  std::vector<std::string> names;  // empty: every object of the type
  std::optional<Json> manifest;    // the object, for -f with content
  std::string problem;             // why the target is incomplete
};

// Appends `problem` to op.problem ("; "-separated).
void AddProblem(Operation& op, absl::string_view problem);

// The kind a resource word means (`deploy`, `deployments.apps`,
// `deployments.v1.apps`, `Deployment`); empty when the registry does not
// know it.
std::string KindOfResource(absl::string_view resource);

// kubectl's resource arguments: `TYPE[,TYPE...] [NAME...]` or
// `TYPE/NAME...`. One Target per type, in order of first appearance.
// Errors: InvalidArgument for kubectl's usage errors: a bare TYPE mixed
// with TYPE/NAME words, or a TYPE/NAME word without both parts.
absl::StatusOr<std::vector<Target>> ParseResourceArgs(absl::Span<const std::string> args);

// The Targets of -f/--filename and -k/--kustomize: one per manifest read
// from stdin (`-f -`); one with a problem per local file, URL,
// kustomization, or unreadable stdin.
std::vector<Target> FileTargets(const KubectlCall& call);

// The words after the command path, with those after `--`: where cobra
// passes both to the command as its arguments.
std::vector<std::string> AllArgs(const ParsedArgs& args);

// "kubectl <command>: <message>" as an InvalidArgument usage error.
absl::Status UsageError(const KubectlCall& call, absl::string_view message);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_KUBECTL_CALL_H_
