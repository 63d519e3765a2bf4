// What every report writer shares: the names of the inputs as the user gave
// them, and the wording of the ledger's size. The writers are one per
// format: json_report.h (`kreplay.report/v1`, docs/report.md),
// text_report.h (the terminal) and markdown_report.h (pull-request
// comments); each is a deterministic function of the replay and its
// judgement.
#ifndef KREPLAY_REPLAY_REPORT_REPORT_H_
#define KREPLAY_REPLAY_REPORT_REPORT_H_

#include <string>

#include "replay/ledger/ledger.h"

namespace kreplay {

// Names of the inputs as the user gave them (not resolved paths), so that
// reports do not depend on where they were produced.
struct ReportInputs {
  std::string fixture;
  std::string ledger;
};

// "1 call", "3 calls".
std::string CallCount(const Ledger& ledger);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_REPORT_REPORT_H_
