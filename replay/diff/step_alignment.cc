#include "replay/diff/step_alignment.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "model/json_diff.h"
#include "replay/diff/step_meaning.h"

namespace kreplay {
namespace {

std::vector<StepMeaning> Meanings(const ReplayResult& result) {
  std::vector<StepMeaning> out;
  out.reserve(result.steps.size());
  for (const StepReport& step : result.steps) out.push_back(StepMeaningOf(step));
  return out;
}

// What the simulated API server answered, for comparing aligned steps:
// "" when every operation was applied or was a read without an error.
std::string ServerAnswer(const StepReport& step) {
  for (const OperationReport& r : step.operations) {
    if (!r.error.empty()) return r.error;
  }
  return "";
}

AlignedStep Pair(const ReplayResult& a, size_t i, const StepMeaning& ma,
                 const ReplayResult& b, size_t j, const StepMeaning& mb) {
  AlignedStep pair;
  pair.step_a = a.steps[i].index;
  pair.step_b = b.steps[j].index;
  pair.key = ma.key;
  pair.payload_a = ma.payload;
  if (ma.payload != mb.payload) {
    pair.alignment = Alignment::kChanged;
    pair.payload_diff = DiffJson(ma.payload, mb.payload);
  }
  std::string answer_a = ServerAnswer(a.steps[i]);
  std::string answer_b = ServerAnswer(b.steps[j]);
  if (answer_a != answer_b) {
    pair.alignment = Alignment::kChanged;
    pair.outcome_difference =
        absl::StrCat("A ", answer_a.empty() ? "applied" : "refused (" + answer_a + ")", ", B ",
                     answer_b.empty() ? "applied" : "refused (" + answer_b + ")");
  }
  return pair;
}

AlignedStep Lone(Alignment alignment, const StepReport& step, const StepMeaning& meaning) {
  AlignedStep lone;
  lone.alignment = alignment;
  (alignment == Alignment::kOnlyA ? lone.step_a : lone.step_b) = step.index;
  lone.key = meaning.key;
  return lone;
}

}  // namespace

const char* AlignmentName(Alignment alignment) {
  switch (alignment) {
    case Alignment::kSame: return "same";
    case Alignment::kChanged: return "changed";
    case Alignment::kOnlyA: return "only-a";
    case Alignment::kOnlyB: return "only-b";
  }
  return "same";
}

absl::StatusOr<std::vector<AlignedStep>> AlignSteps(const ReplayResult& a,
                                                    const ReplayResult& b) {
  std::vector<StepMeaning> ma = Meanings(a);
  std::vector<StepMeaning> mb = Meanings(b);
  size_t n = ma.size(), m = mb.size();
  size_t head = 0;
  while (head < n && head < m && ma[head].key == mb[head].key) ++head;
  size_t tail = 0;
  while (tail < n - head && tail < m - head && ma[n - 1 - tail].key == mb[m - 1 - tail].key) {
    ++tail;
  }
  size_t rows = n - head - tail, cols = m - head - tail;
  if (rows * cols > kMaxAlignmentCells) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "the runs differ in ", rows, " and ", cols, " steps: too many to align (at most ",
        kMaxAlignmentCells, " pairs)"));
  }
  // lcs[i][j]: the longest common subsequence of the middles from i and j on.
  std::vector<std::vector<uint32_t>> lcs(rows + 1, std::vector<uint32_t>(cols + 1, 0));
  for (size_t i = rows; i-- > 0;) {
    for (size_t j = cols; j-- > 0;) {
      lcs[i][j] = ma[head + i].key == mb[head + j].key
                      ? lcs[i + 1][j + 1] + 1
                      : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::vector<AlignedStep> out;
  for (size_t k = 0; k < head; ++k) out.push_back(Pair(a, k, ma[k], b, k, mb[k]));
  size_t i = 0, j = 0;
  while (i < rows || j < cols) {
    size_t ia = head + i, jb = head + j;
    if (i < rows && j < cols && ma[ia].key == mb[jb].key) {
      out.push_back(Pair(a, ia, ma[ia], b, jb, mb[jb]));
      ++i, ++j;
    } else if (j == cols || (i < rows && lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.push_back(Lone(Alignment::kOnlyA, a.steps[ia], ma[ia]));
      ++i;
    } else {
      out.push_back(Lone(Alignment::kOnlyB, b.steps[jb], mb[jb]));
      ++j;
    }
  }
  for (size_t k = 0; k < tail; ++k) {
    size_t ia = n - tail + k, jb = m - tail + k;
    out.push_back(Pair(a, ia, ma[ia], b, jb, mb[jb]));
  }
  return out;
}

std::optional<AlignedStep> FirstParting(const std::vector<AlignedStep>& steps) {
  for (const AlignedStep& step : steps) {
    if (step.alignment != Alignment::kSame) return step;
  }
  return std::nullopt;
}

}  // namespace kreplay
