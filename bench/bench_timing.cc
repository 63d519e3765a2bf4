#include "bench/bench_timing.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <vector>

#include "absl/strings/str_format.h"

namespace kreplay {
namespace {

double CpuMs() { return 1000.0 * std::clock() / CLOCKS_PER_SEC; }

}  // namespace

Timing Measure(int runs, const std::function<void()>& body) {
  std::vector<double> wall;
  std::vector<double> cpu;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    double cpu_start = CpuMs();
    body();
    cpu.push_back(CpuMs() - cpu_start);
    std::chrono::duration<double, std::milli> took =
        std::chrono::steady_clock::now() - start;
    wall.push_back(took.count());
  }
  std::sort(wall.begin(), wall.end());
  return Timing{wall[wall.size() / 2], wall.front(),
                *std::min_element(cpu.begin(), cpu.end())};
}

void Report(absl::string_view what, const Timing& t, int runs) {
  absl::PrintF("%-36s wall median %8.2f ms  min %8.2f ms  cpu min %8.2f ms  (%d runs)\n",
               what, t.median_ms, t.min_ms, t.min_cpu_ms, runs);
}

}  // namespace kreplay
