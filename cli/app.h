// kreplay's command line: subcommands declared as a table.
#ifndef KREPLAY_CLI_APP_H_
#define KREPLAY_CLI_APP_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace kreplay {

// Runs kreplay with `args` (without the program name), writing to `out` and
// `err`. Returns the process exit code (docs/cli.md).
int RunApp(const std::vector<std::string>& args, std::ostream& out,
           std::ostream& err);

// main()'s entry: RunApp over argv with std::cout and std::cerr.
int RunApp(int argc, char** argv);

}  // namespace kreplay

#endif  // KREPLAY_CLI_APP_H_
