// A new user's first run (README.md): the first command builds only what the
// replay needs and tolerates the example's verdict exit code, the exit code
// the README states is what the example returns, and the second command
// (.ci/run's) still builds everything.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tests/cli/cli_test_util.h"

namespace kreplay {
namespace {

const std::string kSource = KREPLAY_SOURCE_DIR;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The lines of the first ```sh block of README.md.
std::vector<std::string> FirstCommand() {
  std::string readme = ReadAll(kSource + "/README.md");
  size_t start = readme.find("```sh\n");
  REQUIRE(start != std::string::npos);
  start += 6;
  size_t end = readme.find("```", start);
  REQUIRE(end != std::string::npos);
  return absl::StrSplit(readme.substr(start, end - start), '\n', absl::SkipEmpty());
}

// What `scripts/setup.sh ARGS` would run, from its dry run.
std::string SetupDryRun(const std::string& args) {
  std::string command = absl::StrCat("KREPLAY_SETUP_DRY_RUN=1 bash '", kSource,
                                     "/scripts/setup.sh' ", args, " 2>&1");
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[256];
  while (fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
  CHECK(pclose(pipe) == 0);
  return out;
}

TEST_CASE("README's first command: the example's exit code is the one stated and tolerated") {
  std::vector<std::string> lines = FirstCommand();
  REQUIRE(lines.size() == 1);  // one command
  // `scripts/setup.sh --only-kreplay && { ./build/kreplay replay ARGS || [ $? -le 3 ]; }`:
  // verdicts 0-3 pass, errors and a failed build fail.
  const std::string setup = "scripts/setup.sh --only-kreplay && { ";
  const std::string tolerate = " || [ $? -le 3 ]; }";
  REQUIRE(absl::StartsWith(lines[0], setup));
  REQUIRE(absl::EndsWith(lines[0], tolerate));
  std::string replay = lines[0].substr(setup.size());
  std::vector<std::string> words =
      absl::StrSplit(replay.substr(0, replay.size() - tolerate.size()), ' ');
  REQUIRE(words.front() == "./build/kreplay");
  std::vector<std::string> args(words.begin() + 1, words.end());
  for (std::string& arg : args) {
    if (absl::StartsWith(arg, "fixtures/")) arg = kSource + "/" + arg;
  }
  Outcome o = Kreplay(args);
  INFO(o.err);
  // The README says what the example returns: "(exit code N)".
  std::string readme = ReadAll(kSource + "/README.md");
  size_t stated = readme.find("(exit code ");
  REQUIRE(stated != std::string::npos);
  int code = -1;
  REQUIRE(absl::SimpleAtoi(readme.substr(stated + 11, 1), &code));
  CHECK(o.code == code);
  CHECK(o.code >= 0);
  CHECK(o.code <= 3);  // what `|| [ $? -le 3 ]` lets through
  CHECK(absl::StrContains(o.out, "VERDICT"));
}

TEST_CASE("setup.sh --only-kreplay builds only kreplay, in Release, without tests") {
  std::string only = SetupDryRun("--only-kreplay /tmp/kreplay-first-run-test");
  CAPTURE(only);
  CHECK(absl::StrContains(only, "-DCMAKE_BUILD_TYPE=Release"));
  CHECK(absl::StrContains(only, "-DKREPLAY_BUILD_TESTS=OFF"));
  CHECK(absl::StrContains(only, "-DCMAKE_EXE_LINKER_FLAGS=-s"));
  CHECK(absl::StrContains(only, "cmake --build /tmp/kreplay-first-run-test --target kreplay\n"));
  // Arguments after the build directory come last: they win.
  std::string debug = SetupDryRun("--only-kreplay /tmp/kreplay-first-run-test -DCMAKE_BUILD_TYPE=Debug");
  CHECK(absl::StrContains(debug, "-DCMAKE_BUILD_TYPE=Release -DKREPLAY_BUILD_TESTS=OFF "
                                 "-DCMAKE_EXE_LINKER_FLAGS=-s -DCMAKE_BUILD_TYPE=Debug"));
}

TEST_CASE("setup.sh as .ci/run calls it builds every target, tests included") {
  std::string ci_script = ReadAll(kSource + "/.ci/run");
  const std::string ci_args = "build-asan -DCMAKE_BUILD_TYPE=Debug -DKREPLAY_SANITIZE=ON -DKREPLAY_WERROR=ON";
  REQUIRE(absl::StrContains(ci_script, absl::StrCat("scripts/setup.sh ", ci_args)));
  std::string ci = SetupDryRun(ci_args);
  CAPTURE(ci);
  CHECK(absl::StrContains(ci, "cmake --build build-asan\n"));
  CHECK_FALSE(absl::StrContains(ci, "--target"));
  CHECK_FALSE(absl::StrContains(ci, "KREPLAY_BUILD_TESTS=OFF"));
  CHECK_FALSE(absl::StrContains(ci, "Release"));
}

}  // namespace
}  // namespace kreplay
