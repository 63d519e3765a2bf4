// The command-line conventions kreplay shares with kubectl and conftest that
// CLI11 does not give by itself:
//   - `-o=json` means `-o json` for every short option (pflag's syntax;
//     CLI11 already reads `-ojson` and `--output=json`);
//   - an unknown subcommand is named: `unknown command "frob" for "kreplay"`;
//   - an unknown flag is named: `unknown flag: --frob`;
//   - every usage error is one `kreplay: error: ...` line followed by
//     `See 'kreplay COMMAND --help' for usage.`
#ifndef KREPLAY_CLI_COMMAND_LINE_H_
#define KREPLAY_CLI_COMMAND_LINE_H_

#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace kreplay {

// `args` with each `-X=VALUE` (one dash, one letter) split into `-X` and
// `VALUE`; arguments after `--` are left alone.
std::vector<std::string> NormalizeShortOptions(const std::vector<std::string>& args);

// The first word of a command line that names no subcommand where one is
// expected (after a command that has subcommands and takes no positional
// arguments).
struct UnknownCommandError {
  std::string message;  // `unknown command "frob" for "kreplay ledger"`
  std::string hint;     // `See 'kreplay ledger --help' for usage.`
};

// The UnknownCommandError of `args` (without the program name), worded as
// kubectl words it; nullopt when every command word is known.
std::optional<UnknownCommandError> UnknownCommand(const CLI::App& root,
                                                  const std::vector<std::string>& args);

// The one-line message for a CLI11 parse error after `root` parsed as far
// as it could: the first argument no command took (`unknown flag: --frob`,
// `unexpected argument: x`) when there is one, else CLI11's message.
std::string UsageMessage(const CLI::App& root, const CLI::ParseError& error);

// `See 'kreplay replay --help' for usage.`: the deepest command `root`
// parsed (or `kreplay` itself).
std::string UsageHint(const CLI::App& root);

}  // namespace kreplay

#endif  // KREPLAY_CLI_COMMAND_LINE_H_
