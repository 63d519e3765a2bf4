#include "replay/report/report.h"

#include "absl/strings/str_cat.h"

namespace kreplay {

std::string CallCount(const Ledger& ledger) {
  size_t n = ledger.calls.size();
  return absl::StrCat(n, n == 1 ? " call" : " calls");
}

}  // namespace kreplay
