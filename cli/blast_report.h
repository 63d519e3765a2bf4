// What `kreplay blast` prints: one hypothetical step replayed on a scenario
// state, as aligned text or as a `kreplay.blast/v1` JSON document: what the
// operation resolved to, the simulated API error if any, the effect, and
// the blast radius grouped by tier with each member's reason, edge path and
// health at agent start. docs/cli.md shows both forms.
#ifndef KREPLAY_CLI_BLAST_REPORT_H_
#define KREPLAY_CLI_BLAST_REPORT_H_

#include <string>
#include <vector>

#include "model/json.h"
#include "replay/judge/blast_radius.h"
#include "replay/run/replay_result.h"

namespace kreplay {

inline constexpr char kBlastSchema[] = "kreplay.blast/v1";

struct BlastAnswer {
  std::string fixture;    // as the user named it
  std::string ledger;     // as the user named it, "" when none
  std::string state;      // Scenario::StateName()
  std::string operation;  // OPERATION as given
  const ReplayResult* result = nullptr;  // its last step is the operation
  std::vector<BlastMember> radius;       // StepBlastRadius of that step
};

// REQUIRES: answer.result has at least one step.
std::string BlastText(const BlastAnswer& answer);
Json BlastJson(const BlastAnswer& answer);

}  // namespace kreplay

#endif  // KREPLAY_CLI_BLAST_REPORT_H_
