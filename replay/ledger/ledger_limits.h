// The size limits of ledger text (docs/limits.md, "Ledgers and command
// lines"): a ledger larger than kMaxLedgerBytes is refused before it is read,
// a JSONL line longer than kMaxLedgerLineBytes is a problem at its line and
// skipped (the rest is replayed). JSON nesting and UTF-8 are checked by
// model/json_text.h.
#ifndef KREPLAY_REPLAY_LEDGER_LEDGER_LIMITS_H_
#define KREPLAY_REPLAY_LEDGER_LEDGER_LIMITS_H_

#include <cstddef>

namespace kreplay {

inline constexpr size_t kMaxLedgerBytes = size_t{256} << 20;     // 256 MiB
inline constexpr size_t kMaxLedgerLineBytes = size_t{16} << 20;  // 16 MiB

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_LEDGER_LEDGER_LIMITS_H_
