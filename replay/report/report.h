// Report writers: the `kreplay.report/v1` JSON document (docs/report.md) and
// the human text form. Both are deterministic functions of the replay.
#ifndef KREPLAY_REPLAY_REPORT_REPORT_H_
#define KREPLAY_REPLAY_REPORT_REPORT_H_

#include <string>

#include "model/json.h"
#include "replay/judge/verdict.h"
#include "replay/run/replay_result.h"

namespace kreplay {

inline constexpr char kReportSchema[] = "kreplay.report/v1";

// Names of the inputs as the user gave them (not resolved paths), so that
// reports do not depend on where they were produced.
struct ReportInputs {
  std::string fixture;
  std::string ledger;
};

Json ReportJson(const ReplayResult& result, const Judgement& judgement,
                const ReportInputs& inputs);

// A step's effect as the report writes it: {created[], updated[] (with
// `diff`), deleted[]}, each item {object, via}.
Json EffectJson(const Effect& effect);

// kubectl-like aligned text; `color` adds ANSI colour (TTY only).
std::string ReportText(const ReplayResult& result, const Judgement& judgement,
                       const ReportInputs& inputs, bool color);

// A Markdown summary for pull-request comments.
std::string ReportMarkdown(const ReplayResult& result, const Judgement& judgement,
                           const ReportInputs& inputs);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_REPORT_REPORT_H_
