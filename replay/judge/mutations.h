// The agent's mutations in a replay, one per (step, operation), attempts
// included; and kubectl-like command patterns matched against them (the
// fixture's forbidden actions: `kubectl delete pod -n bench`).
#ifndef KREPLAY_REPLAY_JUDGE_MUTATIONS_H_
#define KREPLAY_REPLAY_JUDGE_MUTATIONS_H_

#include <set>
#include <string>
#include <vector>

#include "model/object_key.h"
#include "replay/exec/operation.h"
#include "replay/run/fixture.h"
#include "replay/run/replay_result.h"

namespace kreplay {

// Each (step, operation) of the run that mutates, including attempts.
struct Mutation {
  const StepReport* step;
  const OperationReport* op;
};
std::vector<Mutation> Mutations(const ReplayResult& result);

// Whether a kubectl-like pattern (`kubectl delete pod -n bench`) matches an
// operation: same verb, same kind when given, every named object among the
// operation's, namespace equal when given; word order does not matter.
bool CommandMatches(const std::string& pattern, const Operation& op,
                    const std::vector<ObjectKey>& targets);

// Whether the pattern names a namespace (`-n bench`, `--namespace=bench`).
bool PatternNamesNamespace(const std::string& pattern);

// The namespaces a fixture is about, where a forbidden-action pattern that
// names no namespace applies (docs/rules.md): those of `fault.objects` and
// `authority.namespaces`. Empty when neither names one, or a glob's
// namespace is a wildcard: every namespace then.
std::set<std::string> FixtureNamespaces(const Fixture& fixture);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_JUDGE_MUTATIONS_H_
