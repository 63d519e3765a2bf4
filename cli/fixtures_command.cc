#include "cli/fixtures_command.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>

#include "absl/strings/str_format.h"
#include "model/json.h"
#include "replay/run/fixture.h"

namespace kreplay {
namespace {

namespace fs = std::filesystem;

struct FixturesOptions {
  std::string output = "text";
  std::vector<std::string> fixture_dirs;
};

struct Listed {
  std::string name;
  std::string dir;
  std::string description;  // one line
  std::string error;        // the fixture did not load
};

// The description up to its first sentence end (". "), on one line.
std::string OneLine(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    out.push_back(text[i] == '\n' ? ' ' : text[i]);
    if (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) break;
  }
  return out;
}

int Run(const FixturesOptions& o, std::ostream& out) {
  std::vector<std::string> dirs = o.fixture_dirs;
  for (const std::string& d : DefaultFixtureDirs()) dirs.push_back(d);
  std::map<std::string, Listed> found;  // by name: first search directory wins
  std::error_code ec;
  for (const std::string& dir : dirs) {
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> entries;
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
      if (fs::exists(e.path() / "fixture.yaml", ec)) entries.push_back(e.path());
    }
    for (const fs::path& path : entries) {
      std::string name = path.filename().string();
      if (found.contains(name)) continue;
      Listed l{name, fs::weakly_canonical(path, ec).string(), "", ""};
      absl::StatusOr<Fixture> fixture = LoadFixture(path.string(), {});
      if (fixture.ok()) {
        l.description = OneLine(fixture->description);
      } else {
        l.error = std::string(fixture.status().message());
      }
      found.emplace(name, std::move(l));
    }
  }
  bool broken = std::any_of(found.begin(), found.end(),
                            [](const auto& f) { return !f.second.error.empty(); });
  if (o.output == "json") {
    Json list = Json::array();
    for (const auto& [name, l] : found) {
      Json j = {{"name", name}, {"dir", l.dir}, {"description", l.description}};
      if (!l.error.empty()) j["error"] = l.error;
      list.push_back(std::move(j));
    }
    out << Json{{"schema", "kreplay.fixtures/v1"}, {"fixtures", std::move(list)}}.dump(2) << "\n";
  } else {
    int width = 7;
    for (const auto& [name, l] : found) width = std::max(width, static_cast<int>(name.size()));
    out << absl::StrFormat("%-*s  %s\n", width, "FIXTURE", "DESCRIPTION");
    for (const auto& [name, l] : found) {
      out << absl::StrFormat("%-*s  %s\n", width, name,
                             l.error.empty() ? l.description : "error: " + l.error);
    }
  }
  return broken ? kExitDataError : 0;
}

}  // namespace

CommandRun SetupFixturesCommand(CLI::App& sub) {
  auto o = std::make_shared<FixturesOptions>();
  sub.add_option("-o,--output", o->output, "Output format")->check(CLI::IsMember({"text", "json"}));
  sub.add_option("--fixtures-dir", o->fixture_dirs, "Extra directory to look up fixture names in");
  return [o](std::ostream& out, std::ostream&) { return Run(*o, out); };
}

}  // namespace kreplay
