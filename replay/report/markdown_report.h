// The Markdown summary of a replay, for pull-request comments: verdict,
// checks, findings and the touched-healthy set.
#ifndef KREPLAY_REPLAY_REPORT_MARKDOWN_REPORT_H_
#define KREPLAY_REPLAY_REPORT_MARKDOWN_REPORT_H_

#include <string>

#include "replay/judge/verdict.h"
#include "replay/report/report.h"
#include "replay/run/replay_result.h"

namespace kreplay {

// A Markdown summary for pull-request comments.
std::string ReportMarkdown(const ReplayResult& result, const Judgement& judgement,
                           const ReportInputs& inputs);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_REPORT_MARKDOWN_REPORT_H_
