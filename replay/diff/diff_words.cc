#include "replay/diff/diff_words.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kreplay {
namespace {

std::string OneLine(const Json& value) {
  return value.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

}  // namespace

std::string FateText(const ObjectFate& fate) {
  if (fate.writers.empty()) return fate.fate;
  return absl::StrCat(fate.fate, " by ", absl::StrJoin(fate.writers, ", "));
}

std::vector<std::string> PatchLines(const Json& patch, const Json& from, size_t limit) {
  std::vector<std::string> lines;
  if (!patch.is_array()) return lines;
  for (const Json& op : patch) {
    if (lines.size() == limit) {
      lines.push_back(absl::StrCat("... ", patch.size() - limit, " more"));
      break;
    }
    std::string verb = op.value("op", "");
    std::string path = op.value("path", "");
    std::string line = absl::StrCat(verb, " ", path);
    Json::json_pointer pointer(path);
    bool has_old = verb != "add" && from.is_structured() && from.contains(pointer);
    if (has_old) absl::StrAppend(&line, ": ", OneLine(from.at(pointer)));
    if (op.contains("value")) {
      absl::StrAppend(&line, has_old ? " -> " : ": ", OneLine(op["value"]));
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string StepName(const char* run, int step) {
  return step == 0 ? "" : absl::StrCat(run, step);
}

std::string PartingText(const AlignedStep& step) {
  if (step.step_a == 0) return absl::StrCat(StepName("B", step.step_b), " (only in B)");
  if (step.step_b == 0) return absl::StrCat(StepName("A", step.step_a), " (only in A)");
  return absl::StrCat(StepName("A", step.step_a), " / ", StepName("B", step.step_b), " (",
                      AlignmentName(step.alignment), ")");
}

}  // namespace kreplay
