// The `kreplay.report/v1` JSON document (docs/report.md): inputs, verdict,
// every step with its operations, effect and blast radius, checks,
// findings, the run's blast radius and the touched-healthy set.
#ifndef KREPLAY_REPLAY_REPORT_JSON_REPORT_H_
#define KREPLAY_REPLAY_REPORT_JSON_REPORT_H_

#include "model/json.h"
#include "replay/judge/verdict.h"
#include "replay/report/report.h"
#include "replay/run/replay_result.h"

namespace kreplay {

inline constexpr char kReportSchema[] = "kreplay.report/v1";

Json ReportJson(const ReplayResult& result, const Judgement& judgement,
                const ReportInputs& inputs);

// A step's effect as the report writes it: {created[], updated[] (with
// `diff`), deleted[]}, each item {object, via}.
Json EffectJson(const Effect& effect);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_REPORT_JSON_REPORT_H_
