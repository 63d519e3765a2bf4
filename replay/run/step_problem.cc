#include "replay/run/step_problem.h"

#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

struct KindText {
  StepProblem::Kind kind;
  const char* prefix;
};

constexpr KindText kPrefixes[] = {
    {StepProblem::Kind::kNotInterpretable, ""},
    {StepProblem::Kind::kNotModelled, "not modelled: "},
    {StepProblem::Kind::kSimulatorError, "simulator error: "},
};

}  // namespace

std::string StepProblem::Text() const {
  for (const KindText& k : kPrefixes) {
    if (k.kind == kind) return absl::StrCat(k.prefix, message);
  }
  return message;
}

std::vector<std::string> ProblemTexts(const std::vector<StepProblem>& problems) {
  std::vector<std::string> out;
  out.reserve(problems.size());
  for (const StepProblem& p : problems) out.push_back(p.Text());
  return out;
}

}  // namespace kreplay
