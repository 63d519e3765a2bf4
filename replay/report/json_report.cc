#include "replay/report/json_report.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace kreplay {
namespace {

Json Refs(const std::vector<ObjectKey>& keys) {
  Json out = Json::array();
  for (const ObjectKey& k : keys) out.push_back(k.ToString());
  return out;
}

Json OperationJson(const OperationReport& r) {
  const Operation& op = r.op;
  Json out = {{"verb", InfoOf(op.verb).name}, {"mutating", op.mutating()},
              {"source", op.source}, {"targets", Refs(r.targets)},
              {"executed", r.executed}};
  if (!op.kind.empty()) out["kind"] = op.kind;
  if (!op.ns.empty()) out["namespace"] = op.ns;
  if (!op.selector.empty()) out["selector"] = op.selector;
  if (op.dry_run != DryRun::kNone) out["dry_run"] = op.dry_run == DryRun::kClient ? "client" : "server";
  if (!r.error.empty()) out["error"] = r.error;
  if (!op.problem.empty()) out["problem"] = op.problem;
  if (!r.notes.empty()) out["notes"] = r.notes;
  if (!r.output.empty()) out["output"] = r.output;
  return out;
}

Json ChangesJson(const std::vector<ObjectChange>& changes, bool with_diff) {
  Json out = Json::array();
  for (const ObjectChange& c : changes) {
    Json item = {{"object", c.key.ToString()}, {"via", c.via}};
    if (with_diff) item["diff"] = c.diff;
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

Json EffectJson(const Effect& effect) {
  return {{"created", ChangesJson(effect.created, false)},
          {"updated", ChangesJson(effect.updated, true)},
          {"deleted", ChangesJson(effect.deleted, false)}};
}

namespace {

Json MembersJson(const std::vector<BlastMember>& members) {
  Json out = Json::array();
  for (const BlastMember& m : members) {
    out.push_back({{"object", m.key.ToString()}, {"tier", TierName(m.tier)},
                   {"step", m.step}, {"reason", m.reason}, {"path", m.path}});
  }
  return out;
}

Json StepJson(const StepReport& step) {
  Json ops = Json::array();
  for (const OperationReport& r : step.operations) ops.push_back(OperationJson(r));
  const RecordedOutcome& rec = step.call.outcome;
  Json recorded = {{"status", OutcomeStatusName(rec.status)}};
  if (rec.exit_code) recorded["exit_code"] = *rec.exit_code;
  if (!rec.error.empty()) recorded["error"] = rec.error;
  Json out = {{"index", step.index}, {"line", step.call.line}, {"tool", step.call.tool},
              {"time", step.time}, {"operations", std::move(ops)}, {"mutating", step.mutating},
              {"recorded_outcome", std::move(recorded)}, {"attempt_only", step.attempt_only},
              {"effect", EffectJson(step.effect)},
              {"blast_radius", MembersJson(StepBlastRadius(step))},
              {"divergence", step.divergence.empty() ? Json() : Json(step.divergence)},
              {"problems", ProblemTexts(step.problems)}};
  if (!step.call.server.empty()) out["server"] = step.call.server;
  if (!step.aliases.empty()) out["aliases"] = step.aliases;
  if (!step.chaos_before.empty()) out["chaos_before"] = step.chaos_before;
  if (!step.chaos_after.empty()) out["chaos_after"] = step.chaos_after;
  return out;
}

}  // namespace

Json ReportJson(const ReplayResult& result, const Judgement& j, const ReportInputs& inputs) {
  Json checks = Json::array();
  for (const CheckResult& c : j.checks) {
    checks.push_back({{"name", c.name}, {"type", c.type}, {"passed", c.passed}, {"message", c.message}});
  }
  Json findings = Json::array();
  for (const Finding& f : j.findings) {
    findings.push_back({{"rule", f.rule}, {"severity", SeverityName(f.severity)}, {"steps", f.steps},
                        {"objects", Refs(f.objects)}, {"message", f.message}});
  }
  Json steps = Json::array();
  for (const StepReport& s : result.steps) steps.push_back(StepJson(s));
  Json problems = Json::array();
  for (const LedgerProblem& p : result.ledger.problems) {
    problems.push_back({{"line", p.line}, {"field", p.field}, {"message", p.Text()}, {"skipped", p.fatal()}});
  }
  return {{"schema", kReportSchema},
          {"fixture", {{"name", result.fixture->name}, {"source", inputs.fixture}}},
          {"ledger", {{"source", inputs.ledger}, {"format", result.ledger.format},
                      {"calls", result.ledger.calls.size()}, {"problems", std::move(problems)}}},
          {"verdict", VerdictName(j.verdict)},
          {"evidra_verdict", EvidraVerdictName(j.verdict)},
          {"incomplete_reasons", j.incomplete_reasons},
          {"warnings", j.warnings},
          {"checks", std::move(checks)},
          {"findings", std::move(findings)},
          {"steps", std::move(steps)},
          {"blast_radius", MembersJson(j.blast_radius)},
          {"touched_healthy", MembersJson(j.touched_healthy)}};
}

}  // namespace kreplay
