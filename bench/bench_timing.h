// Timing helpers shared by the benchmarks: wall time (steady clock) and
// process CPU time, the figure to compare on a shared machine where other
// processes stretch the wall clock.
#ifndef KREPLAY_BENCH_BENCH_TIMING_H_
#define KREPLAY_BENCH_BENCH_TIMING_H_

#include <functional>

#include "absl/strings/string_view.h"

namespace kreplay {

struct Timing {
  double median_ms = 0;
  double min_ms = 0;
  double min_cpu_ms = 0;
};

// Runs `body` `runs` times (REQUIRES: runs >= 1) and times each run.
Timing Measure(int runs, const std::function<void()>& body);

// One aligned line: what, wall median and min, CPU min, runs.
void Report(absl::string_view what, const Timing& t, int runs);

}  // namespace kreplay

#endif  // KREPLAY_BENCH_BENCH_TIMING_H_
