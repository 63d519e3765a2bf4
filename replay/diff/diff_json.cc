#include "replay/diff/diff_json.h"

namespace kreplay {
namespace {

Json OrNull(const std::string& value) { return value.empty() ? Json(nullptr) : Json(value); }
Json OrNull(int step) { return step == 0 ? Json(nullptr) : Json(step); }

Json RunJson(const RunSummary& run, const std::string& verdict) {
  return {{"ledger", run.ledger}, {"format", run.format}, {"steps", run.steps},
          {"verdict", verdict}};
}

Json ItemsJson(const std::vector<ItemDiff>& items) {
  Json out = Json::array();
  for (const ItemDiff& d : items) {
    Json item = {{"id", d.id}, {"status", PresenceName(d.presence)}, {"a", OrNull(d.a)},
                 {"b", OrNull(d.b)}};
    if (!d.note_a.empty()) item["note_a"] = d.note_a;
    if (!d.note_b.empty()) item["note_b"] = d.note_b;
    out.push_back(std::move(item));
  }
  return out;
}

Json OutcomeJson(const OutcomeDiff& o) {
  return {{"same", o.same()},
          {"verdict", {{"a", o.verdict_a}, {"b", o.verdict_b}}},
          {"checks", ItemsJson(o.checks)},
          {"findings", ItemsJson(o.findings)},
          {"touched_healthy", ItemsJson(o.touched_healthy)},
          {"blast_radius", ItemsJson(o.blast_radius)}};
}

Json StepsJson(const RunDiff& diff) {
  Json aligned = Json::array();
  for (const AlignedStep& s : diff.steps) {
    Json item = {{"status", AlignmentName(s.alignment)}, {"a", OrNull(s.step_a)},
                 {"b", OrNull(s.step_b)}, {"operation", s.key}};
    if (!s.payload_diff.is_null()) item["payload_diff"] = s.payload_diff;
    if (!s.outcome_difference.empty()) item["outcome_difference"] = s.outcome_difference;
    aligned.push_back(std::move(item));
  }
  Json parted = nullptr;
  if (diff.parting) parted = {{"a", OrNull(diff.parting->step_a)}, {"b", OrNull(diff.parting->step_b)}};
  return {{"parted_at", parted}, {"aligned", aligned}};
}

Json FateJson(const ObjectFate& fate) {
  return {{"fate", fate.fate}, {"writers", Json(fate.writers)}};
}

Json EndStateJson(const RunDiff& diff) {
  Json objects = Json::array();
  for (const ObjectDiff& d : diff.end_state) {
    Json item = {{"object", d.key.ToString()}, {"status", PresenceName(d.presence)},
                 {"a", FateJson(d.a)}, {"b", FateJson(d.b)},
                 {"by", d.by_controllers ? "controllers" : "agent"}};
    if (!d.diff.is_null()) item["diff"] = d.diff;
    objects.push_back(std::move(item));
  }
  return {{"same", diff.end_state.empty()}, {"by_controllers", diff.ByControllers()},
          {"objects", objects}};
}

}  // namespace

Json DiffJsonReport(const RunDiff& diff) {
  return {{"schema", kDiffSchema},
          {"fixture", diff.fixture},
          {"a", RunJson(diff.a, diff.outcome.verdict_a)},
          {"b", RunJson(diff.b, diff.outcome.verdict_b)},
          {"outcome", OutcomeJson(diff.outcome)},
          {"steps", StepsJson(diff)},
          {"end_state", EndStateJson(diff)}};
}

}  // namespace kreplay
