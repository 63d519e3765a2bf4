// The human report: a kubectl-like summary, the step table, checks,
// findings, the blast radius and the touched-healthy set, aligned for a
// terminal (docs/report.md).
#ifndef KREPLAY_REPLAY_REPORT_TEXT_REPORT_H_
#define KREPLAY_REPLAY_REPORT_TEXT_REPORT_H_

#include <string>

#include "replay/judge/verdict.h"
#include "replay/report/report.h"
#include "replay/run/replay_result.h"

namespace kreplay {

// kubectl-like aligned text; `color` adds ANSI colour (TTY only).
std::string ReportText(const ReplayResult& result, const Judgement& judgement,
                       const ReportInputs& inputs, bool color);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_REPORT_TEXT_REPORT_H_
