#include "cli/color.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

namespace kreplay {

std::vector<std::string> ColorModes() { return {"auto", "always", "never"}; }

void AddColorOption(CLI::App& sub, std::string& mode) {
  sub.add_option("--color", mode,
                 "Colour the report: auto (a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember(ColorModes()))
      ->default_str("auto");
}

bool UseColor(const std::string& mode, bool is_tty, const char* no_color) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  return is_tty && (no_color == nullptr || *no_color == '\0');
}

bool UseColorOn(const std::string& mode, const std::ostream& out) {
  bool is_tty = &out == &std::cout && isatty(STDOUT_FILENO) == 1;
  return UseColor(mode, is_tty, std::getenv("NO_COLOR"));
}

}  // namespace kreplay
