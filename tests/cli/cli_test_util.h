// Running the kreplay command line in-process for the CLI tests, and the
// files those tests read and write.
#ifndef KREPLAY_TESTS_CLI_CLI_TEST_UTIL_H_
#define KREPLAY_TESTS_CLI_CLI_TEST_UTIL_H_

#include <string>
#include <vector>

namespace kreplay {

// What one `kreplay ARGS...` printed and returned.
struct Outcome {
  int code;
  std::string out;
  std::string err;
};

// Runs `kreplay` with `args` (without the program name) in-process.
Outcome Kreplay(const std::vector<std::string>& args);

// The bundled fixture `name` (fixtures/NAME of the source tree).
std::string FixtureDir(const std::string& name);

// The directory of test fixture `name` (tests/data/fixtures/), or of the
// bundled fixture of that name when there is no such test fixture.
std::string AnyFixtureDir(const std::string& name);

// Writes `text` to `file_name` in the temporary directory; returns its path.
std::string WriteTempFile(const std::string& file_name, const std::string& text);

}  // namespace kreplay

#endif  // KREPLAY_TESTS_CLI_CLI_TEST_UTIL_H_
