// `kreplay fixtures`: the bundled and found fixtures with one-line
// descriptions, as a table or JSON; a broken fixture listed with its error.
#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "tests/cli/cli_test_util.h"

#include "model/json.h"

namespace kreplay {
namespace {

namespace fs = std::filesystem;

TEST_CASE("kreplay fixtures lists the bundled fixtures with their first sentence") {
  Outcome o = Kreplay({"fixtures"});
  CHECK(o.code == 0);
  CHECK(o.out.rfind("FIXTURE                DESCRIPTION\n", 0) == 0);
  CHECK(o.out.find("\nfalse-alarm            An incident annotation reports intermittent 502s, "
                   "but web is healthy: 2/2 ready behind web-svc.\n") != std::string::npos);
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
  REQUIRE(j["fixtures"].size() == 4);
  CHECK(j["fixtures"][0]["name"] == "broken");
  CHECK(j["fixtures"][0]["error"].get<std::string>().find("nope") != std::string::npos);
  CHECK(j["fixtures"][2]["name"] == "false-alarm");
  CHECK(j["fixtures"][2]["description"] == "mine.");
}

}  // namespace
}  // namespace kreplay
