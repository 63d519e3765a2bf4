// Benchmark of ledger import (issue 4): how fast a canonical ledger is read
// (MB/s and calls/s through ReadLedgerFile: splitting, JSON parsing, field
// checks), and how fast its calls are interpreted by the vocabularies. The
// baseline is `jq -c . FILE >/dev/null` on the same file, run from the shell
// (docs/benchmarks.md, section "Ledger import").
//
//   kreplay_import_bench generate FILE [megabytes=100]
//   kreplay_import_bench FILE [runs=3]
//
// A benchmark, not a test: it reads the steady clock and prints timings.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "bench/ledger_generator.h"
#include "replay/ledger/ledger_reader.h"
#include "replay/vocab/vocabulary.h"

namespace kreplay {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Process CPU time: steadier than the wall clock on a shared machine.
double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

int Generate(const std::string& path, int64_t megabytes) {
  std::ofstream out(path, std::ios::binary);
  int64_t calls = WriteBenchLedger(megabytes * 1000 * 1000, out);
  out.close();
  absl::PrintF("wrote %s: %d calls, %d bytes\n", path, calls,
               static_cast<int64_t>(std::filesystem::file_size(path)));
  return out ? 0 : 1;
}

int Measure(const std::string& path, int runs) {
  double megabytes = std::filesystem::file_size(path) / 1e6;
  std::vector<double> read_seconds;
  std::vector<double> read_cpu;
  size_t calls = 0;
  for (int run = 0; run < runs; ++run) {
    auto start = std::chrono::steady_clock::now();
    double cpu_start = CpuSeconds();
    absl::StatusOr<Ledger> ledger = ReadLedgerFile(path, "", false);
    read_seconds.push_back(SecondsSince(start));
    read_cpu.push_back(CpuSeconds() - cpu_start);
    if (!ledger.ok()) {
      absl::FPrintF(stderr, "%s\n", ledger.status().ToString());
      return 1;
    }
    calls = ledger->calls.size();
    if (run + 1 < runs) continue;
    auto interpret_start = std::chrono::steady_clock::now();
    double interpret_cpu_start = CpuSeconds();
    size_t operations = 0;
    for (const ToolCall& call : ledger->calls) operations += Interpret(call).operations.size();
    double interpret = SecondsSince(interpret_start);
    double interpret_cpu = CpuSeconds() - interpret_cpu_start;
    absl::PrintF("interpret: %d calls -> %d operations: wall %.2f s (%.0f calls/s), cpu %.2f s (%.0f calls/s)\n",
                 calls, operations, interpret, calls / interpret, interpret_cpu, calls / interpret_cpu);
  }
  double best = *std::min_element(read_seconds.begin(), read_seconds.end());
  double best_cpu = *std::min_element(read_cpu.begin(), read_cpu.end());
  absl::PrintF("import:    %.1f MB, %d calls, best of %d: wall %.2f s (%.1f MB/s, %.0f calls/s), "
               "cpu %.2f s (%.1f MB/s, %.0f calls/s)\n",
               megabytes, calls, runs, best, megabytes / best, calls / best, best_cpu,
               megabytes / best_cpu, calls / best_cpu);
  return 0;
}

}  // namespace
}  // namespace kreplay

int main(int argc, char** argv) {
  if (argc >= 3 && std::string(argv[1]) == "generate") {
    return kreplay::Generate(argv[2], argc > 3 ? std::atoll(argv[3]) : 100);
  }
  if (argc < 2) {
    absl::FPrintF(stderr, "usage: kreplay_import_bench generate FILE [MB] | FILE [runs]\n");
    return 64;
  }
  return kreplay::Measure(argv[1], argc > 2 ? std::atoi(argv[2]) : 3);
}
