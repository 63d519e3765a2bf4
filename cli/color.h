// Whether a report may use ANSI colour: `--color auto|always|never` and the
// NO_COLOR convention (https://no-color.org). Only `kreplay replay`'s text
// report colours anything (the verdict and each check's PASS/FAIL); every
// other output is plain text. `auto`, the default, colours only a terminal,
// and not when NO_COLOR is set to a non-empty value; an explicit
// `--color always` or `never` overrides NO_COLOR, as no-color.org asks of
// command-line arguments.
#ifndef KREPLAY_CLI_COLOR_H_
#define KREPLAY_CLI_COLOR_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}  // namespace CLI

namespace kreplay {

// The values --color accepts, in the order help lists them.
std::vector<std::string> ColorModes();

// Declares `--color MODE` (default "auto") on `sub`, bound to `mode`.
void AddColorOption(CLI::App& sub, std::string& mode);

// Whether to colour: "always" yes, "never" no, "auto" when `is_tty` and
// `no_color` (NO_COLOR's value, nullptr when unset) is unset or empty.
bool UseColor(const std::string& mode, bool is_tty, const char* no_color);

// UseColor for the process: is_tty from isatty(STDOUT_FILENO) when `out` is
// std::cout (never for another stream), no_color from the environment.
bool UseColorOn(const std::string& mode, const std::ostream& out);

}  // namespace kreplay

#endif  // KREPLAY_CLI_COLOR_H_
