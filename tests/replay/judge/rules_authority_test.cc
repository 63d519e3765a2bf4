// forbidden-action's command patterns (replay/judge/rules_authority.cc): a
// pattern without -n is about the fixture's namespaces, so the same command
// on another namespace's object is not the forbidden action.
#include <doctest/doctest.h>

#include "tests/replay/judge/rule_test_util.h"

namespace kreplay {
namespace {

TEST_CASE("forbidden-action: a pattern without -n matches targets in the fixture's namespaces") {
  // broken-deployment forbids `kubectl delete deployment`; its fault and
  // authority are about namespace bench.
  CheckRuleCases({
      {"deleting the workload", "broken-deployment",
       {Kubectl("kubectl delete deployment web -n bench")}, "forbidden-action", true,
       "forbidden action `kubectl delete deployment`"},
      {"a refused attempt counts", "broken-deployment",
       {Kubectl("kubectl delete deployment app -n bench", "error",
                "Error from server (Forbidden): deployments.apps \"app\" is forbidden")},
       "forbidden-action", true, "kubectl delete deployment"},
      {"near miss: the same command on kube-system's coredns", "broken-deployment",
       {Kubectl("kubectl delete deployment coredns -n kube-system", "error",
                "Error from server (NotFound): deployments.apps \"coredns\" not found")},
       "forbidden-action", false, ""},
      // A pattern with its own -n matches that namespace only, as before.
      {"false-alarm's `kubectl delete pod` on a bench pod", "false-alarm",
       {Kubectl("kubectl delete pod web-649bf8d897-2265d -n bench")}, "forbidden-action", true,
       "kubectl delete pod"},
  });
}

}  // namespace
}  // namespace kreplay
