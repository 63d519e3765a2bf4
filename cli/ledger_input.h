// A ledger named on the command line: a file, or `-` for standard input (as
// kubectl's `-f -`). Standard input is read whole and parsed as a file would
// be; its messages name it `<stdin>`.
#ifndef KREPLAY_CLI_LEDGER_INPUT_H_
#define KREPLAY_CLI_LEDGER_INPUT_H_

#include <string>

#include "absl/status/statusor.h"
#include "replay/ledger/ledger.h"

namespace kreplay {

// The name standard input has in messages and reports.
inline constexpr char kStdinName[] = "<stdin>";

// ReadLedgerFile for `path`, or ParseLedger over all of std::cin when `path`
// is "-". Errors: those of ReadLedgerFile and ParseLedger.
absl::StatusOr<Ledger> ReadLedgerInput(const std::string& path, const std::string& format,
                                       bool strict);

// `path`, or kStdinName for "-": how a report names the ledger.
std::string LedgerInputName(const std::string& path);

}  // namespace kreplay

#endif  // KREPLAY_CLI_LEDGER_INPUT_H_
