#include "tests/cli/cli_test_util.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/app.h"

namespace kreplay {

Outcome Kreplay(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  int code = RunApp(args, out, err);
  return {code, out.str(), err.str()};
}

std::string FixtureDir(const std::string& name) {
  return std::string(KREPLAY_FIXTURES_DIR) + "/" + name;
}

std::string AnyFixtureDir(const std::string& name) {
  std::string test_fixture = std::string(KREPLAY_SOURCE_DIR) + "/tests/data/fixtures/" + name;
  return std::filesystem::exists(test_fixture) ? test_fixture : FixtureDir(name);
}

std::string WriteTempFile(const std::string& file_name, const std::string& text) {
  std::filesystem::path path = std::filesystem::temp_directory_path() / file_name;
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace kreplay
