// Why a replayed step is not fully understood, as a kind and a message.
//
// Three kinds: the call could not be interpreted (a vocabulary or parser
// problem: unknown tool, unexpanded shell word, missing argument); kreplay
// does not model what it asks for (the executor's NotModelled,
// replay/exec/executor.h); or the simulator itself failed after the
// simulated API server accepted a write (the controllers did not settle, or
// one of their writes was refused, sim/controller.h). Consumers decide by
// kind; reports print Text(), which keeps the wording reports have always
// had ("not modelled: ..." for the second kind, the bare message for the
// first).
#ifndef KREPLAY_REPLAY_RUN_STEP_PROBLEM_H_
#define KREPLAY_REPLAY_RUN_STEP_PROBLEM_H_

#include <string>
#include <vector>

namespace kreplay {

struct StepProblem {
  enum class Kind { kNotInterpretable, kNotModelled, kSimulatorError };

  Kind kind = Kind::kNotInterpretable;
  std::string message;

  // The problem as reports print it: the message, prefixed with
  // "not modelled: " or "simulator error: " for those kinds.
  std::string Text() const;

  bool operator==(const StepProblem&) const = default;
};

// Text() of each problem, in order.
std::vector<std::string> ProblemTexts(const std::vector<StepProblem>& problems);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_RUN_STEP_PROBLEM_H_
