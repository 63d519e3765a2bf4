#include "cli/ledger_input.h"

#include <iostream>

#include "absl/strings/str_cat.h"
#include "replay/ledger/ledger_limits.h"
#include "replay/ledger/ledger_reader.h"

namespace kreplay {
namespace {

// All of std::cin, refused past kMaxLedgerBytes as a file would be.
absl::StatusOr<std::string> ReadStdin() {
  std::string text;
  char buffer[1 << 16];
  while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
    text.append(buffer, static_cast<size_t>(std::cin.gcount()));
    if (text.size() > kMaxLedgerBytes) {
      return absl::InvalidArgumentError(
          absl::StrCat(kStdinName, ": ledger larger than ", kMaxLedgerBytes, " bytes"));
    }
  }
  return text;
}

}  // namespace

absl::StatusOr<Ledger> ReadLedgerInput(const std::string& path, const std::string& format,
                                       bool strict) {
  if (path != "-") return ReadLedgerFile(path, format, strict);
  absl::StatusOr<std::string> text = ReadStdin();
  if (!text.ok()) return text.status();
  return ParseLedger(*text, kStdinName, format, strict);
}

std::string LedgerInputName(const std::string& path) {
  return path == "-" ? std::string(kStdinName) : path;
}

}  // namespace kreplay
