#include "replay/suite/suite_runner.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "absl/status/statusor.h"
#include "replay/ledger/ledger_reader.h"
#include "replay/run/fixture.h"
#include "replay/run/replayer.h"

namespace kreplay {
namespace {

using FixtureCache = std::map<std::string, absl::StatusOr<Fixture>>;

CaseResult RunOne(const SuiteCaseRef& ref, const FixtureCache& fixtures) {
  CaseResult r;
  r.ref = ref;
  auto error = [&](const absl::Status& status) {
    r.status = CaseStatus::kError;
    r.error = std::string(status.message());
    return r;
  };
  if (!ref.c.error.empty()) {
    r.error = ref.c.error;
    return r;
  }
  const absl::StatusOr<Fixture>& fixture = fixtures.at(ref.c.fixture_ref);
  if (!fixture.ok()) return error(fixture.status());
  absl::StatusOr<Ledger> ledger = ReadLedgerFile(ref.c.ledger, "", false);
  if (!ledger.ok()) return error(ledger.status());
  absl::StatusOr<ReplayResult> result = Replay(*fixture, *ledger);
  if (!result.ok()) return error(result.status());
  Judgement judgement = JudgeReplay(*result);
  r.verdict = judgement.verdict;
  r.expectations = CheckExpectations(ref.c.expect, judgement);
  bool met = std::all_of(r.expectations.begin(), r.expectations.end(),
                         [](const ExpectationResult& e) { return e.met; });
  r.status = met ? CaseStatus::kPass : CaseStatus::kFail;
  return r;
}

}  // namespace

const char* CaseStatusName(CaseStatus status) {
  switch (status) {
    case CaseStatus::kPass: return "pass";
    case CaseStatus::kFail: return "fail";
    case CaseStatus::kError: break;
  }
  return "error";
}

std::vector<CaseResult> RunSuiteCases(const std::vector<SuiteCaseRef>& cases,
                                      const RunOptions& options) {
  std::vector<std::string> dirs = options.fixture_dirs;
  for (const std::string& d : DefaultFixtureDirs()) dirs.push_back(d);
  FixtureCache fixtures;
  for (const SuiteCaseRef& ref : cases) {
    if (!ref.c.error.empty() || fixtures.contains(ref.c.fixture_ref)) continue;
    fixtures.emplace(ref.c.fixture_ref, LoadFixture(ref.c.fixture_ref, dirs));
  }
  std::vector<std::unique_ptr<CaseResult>> slots(cases.size());
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex progress_mutex;
  size_t done = 0;
  auto work = [&] {
    while (!stop.load()) {
      size_t i = next.fetch_add(1);
      if (i >= cases.size()) return;
      slots[i] = std::make_unique<CaseResult>(RunOne(cases[i], fixtures));
      if (options.fail_fast && slots[i]->status != CaseStatus::kPass) stop.store(true);
      if (options.progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        options.progress(++done, cases.size());
      }
    }
  };
  int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(cases.size())));
  std::vector<std::thread> workers;
  for (int j = 1; j < jobs; ++j) workers.emplace_back(work);
  work();
  for (std::thread& t : workers) t.join();
  std::vector<CaseResult> out;
  for (std::unique_ptr<CaseResult>& slot : slots) {
    if (slot == nullptr) break;  // fail-fast: not taken
    bool failed = slot->status != CaseStatus::kPass;
    out.push_back(std::move(*slot));
    if (options.fail_fast && failed) break;
  }
  return out;
}

}  // namespace kreplay
