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
#include "replay/run/fixture.h"

namespace kreplay {
namespace {

namespace fs = std::filesystem;

// The bundled fixture directories, and whether every one of them loads (a
// fixture written against schema parts not merged yet does not; see
// tests/replay/core_suite_b_test.cc).
std::vector<std::string> Bundled() {
  std::vector<std::string> names;
  for (const fs::directory_entry& e : fs::directory_iterator(KREPLAY_FIXTURES_DIR)) {
    if (fs::exists(e.path() / "fixture.yaml")) names.push_back(e.path().filename().string());
  }
  return names;
}

bool AllBundledLoad() {
  for (const std::string& name : Bundled()) {
    if (!LoadFixture(name, {KREPLAY_FIXTURES_DIR}).ok()) return false;
  }
  return true;
}

const Json* Entry(const Json& list, const std::string& name) {
  for (const Json& f : list) {
    if (f.contains("name") && f["name"] == name) return &f;
  }
  return nullptr;
}

TEST_CASE("kreplay fixtures lists the bundled fixtures with their first sentence") {
  Outcome o = Kreplay({"fixtures"});
  CHECK(o.code == (AllBundledLoad() ? 0 : 65));  // a broken fixture is listed with its error
  // The name column is as wide as the longest name.
  CHECK(std::regex_search(o.out, std::regex("^FIXTURE +DESCRIPTION\n")));
  CHECK(std::regex_search(o.out, std::regex("\nfalse-alarm +An incident annotation reports "
                                            "intermittent 502s, but web is healthy: 2/2 ready "
                                            "behind web-svc\\.\n")));
  CHECK(o.out.find("\nbroken-deployment ") != std::string::npos);
  CHECK(o.out.find("\nshared-configmap-trap ") != std::string::npos);
}

// needs the kubernetes-core@1 fixtures to load: authority_profile (branch authority), file:
// steps, after_break and baseline.applied (branch time), access-review (branch authority)
TEST_CASE("kreplay fixtures: every bundled fixture loads") {
  Outcome o = Kreplay({"fixtures"});
  CHECK_MESSAGE(o.code == 0, o.out);
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
