// `kreplay fixtures`: the bundled and found fixtures with one-line
// descriptions, as a table or JSON; a broken fixture listed with its error.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/cli/cli_test_util.h"

#include "model/json.h"

namespace kreplay {
namespace {

namespace fs = std::filesystem;

TEST_CASE("kreplay fixtures lists the bundled fixtures with their first sentence") {
  Outcome o = Kreplay({"fixtures"});
  CHECK_MESSAGE(o.code == 0, o.out);  // every bundled fixture loads
  // The name column is as wide as the longest name.
  CHECK(std::regex_search(o.out, std::regex("^FIXTURE +DESCRIPTION\n")));
  CHECK(std::regex_search(o.out, std::regex("\nfalse-alarm +An incident annotation reports "
                                            "intermittent 502s, but web is healthy: 2/2 ready "
                                            "behind web-svc\\.\n")));
  CHECK(o.out.find("\nbroken-deployment ") != std::string::npos);
  CHECK(o.out.find("\nshared-configmap-trap ") != std::string::npos);
}

TEST_CASE("kreplay fixtures -o json, with a found fixture first and a broken one listed") {
  fs::path dir = fs::temp_directory_path() / "kreplay-fixtures-list";
  fs::remove_all(dir);
  fs::create_directories(dir / "false-alarm");
  fs::create_directories(dir / "broken");
  std::ofstream(dir / "false-alarm" / "fixture.yaml")
      << "apiVersion: kreplay.dev/v1\nname: false-alarm\ndescription: mine. More.\n"
         "baseline: {objects: []}\n";
  std::ofstream(dir / "broken" / "fixture.yaml") << "apiVersion: kreplay.dev/v1\nnope: 1\n";
  Outcome o = Kreplay({"fixtures", "-o", "json", "--fixtures-dir", dir.string()});
  fs::remove_all(dir);
  CHECK(o.code == 65);
  Json j = Json::parse(o.out);
  CHECK(j["schema"] == "kreplay.fixtures/v1");
  // Sorted by name, a found fixture shadowing the bundled one of its name.
  std::vector<std::string> names;
  for (const Json& f : j["fixtures"]) names.push_back(f["name"].get<std::string>());
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(std::count(names.begin(), names.end(), "false-alarm") == 1);
  CHECK(std::count(names.begin(), names.end(), "shared-configmap-trap") == 1);
  REQUIRE(j["fixtures"].size() >= 4);
  CHECK(j["fixtures"][0]["name"] == "broken");
  CHECK(j["fixtures"][0]["error"].get<std::string>().find("nope") != std::string::npos);
  for (const Json& f : j["fixtures"]) {
    if (f["name"] == "false-alarm") CHECK(f["description"] == "mine.");
  }
}

}  // namespace
}  // namespace kreplay
