// A deterministic canonical ledger of a given size for the import
// benchmark: realistic calls (kubectl strings, Flux159 and containers MCP
// tools with manifests and patches, recorded outputs) cycling through
// namespaces and names by counter, no randomness.
#ifndef KREPLAY_BENCH_LEDGER_GENERATOR_H_
#define KREPLAY_BENCH_LEDGER_GENERATOR_H_

#include <cstdint>
#include <iosfwd>

namespace kreplay {

// Writes canonical JSONL (a kreplay.ledger/v1 header, then calls) until at
// least `bytes` are written; returns the number of calls.
int64_t WriteBenchLedger(int64_t bytes, std::ostream& out);

}  // namespace kreplay

#endif  // KREPLAY_BENCH_LEDGER_GENERATOR_H_
