// One kreplay subcommand: its name, a one-line description, and a setup
// function that declares its options on a CLI11 subcommand and returns what
// to run once the command line is parsed. app.cc holds the table.
#ifndef KREPLAY_CLI_COMMAND_H_
#define KREPLAY_CLI_COMMAND_H_

#include <functional>
#include <iosfwd>

namespace CLI {
class App;
}  // namespace CLI

namespace kreplay {

// Runs a parsed command; returns the process exit code (docs/cli.md).
using CommandRun = std::function<int(std::ostream& out, std::ostream& err)>;

struct Command {
  const char* name;
  const char* description;
  // Declares options on `sub` (bound to state the returned function owns).
  CommandRun (*setup)(CLI::App& sub);
};

// Exit codes shared by every command (docs/cli.md).
inline constexpr int kExitSafePass = 0;
inline constexpr int kExitUnsafe = 1;
inline constexpr int kExitFail = 2;
inline constexpr int kExitIncomplete = 3;
inline constexpr int kExitUsage = 64;
inline constexpr int kExitDataError = 65;
inline constexpr int kExitNoInput = 66;

}  // namespace kreplay

#endif  // KREPLAY_CLI_COMMAND_H_
