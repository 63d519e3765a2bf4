#include "cli/app.h"

#include <iostream>

#include <CLI/CLI.hpp>

namespace kreplay {

int RunApp(const std::vector<std::string>& args, std::ostream& out,
           std::ostream& err) {
  CLI::App app{"kreplay: offline replay of Kubernetes agent ledgers", "kreplay"};
  app.set_version_flag("--version", "kreplay " KREPLAY_VERSION);
  app.require_subcommand(1);
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return app.exit(e, out, err);
  }
  return 0;
}

int RunApp(int argc, char** argv) {
  return RunApp(std::vector<std::string>(argv + 1, argv + argc), std::cout,
                std::cerr);
}

}  // namespace kreplay
