// The differential patch corpus: every case's expected result was recorded
// from `kubectl patch --local -o json` by scripts/gen_patch_corpus.py. The
// first test replays the recorded cases (runs everywhere); the second runs
// kubectl live on every case when it is installed.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "model/patch.h"

namespace kreplay {
namespace {

namespace fs = std::filesystem;

struct CorpusCase {
  std::string name;
  PatchType type;
  Json object;
  Json patch;
  Json expected;  // null when kubectl refused the patch
};

std::vector<CorpusCase> LoadCorpus() {
  std::vector<CorpusCase> cases;
  fs::path dir = fs::path(KREPLAY_SOURCE_DIR) / "tests/data/patch_corpus";
  for (const char* file : {"handwritten.jsonl", "generated.jsonl"}) {
    std::ifstream in(dir / file);
    REQUIRE_MESSAGE(in.good(), "missing corpus file ", file);
    for (std::string line; std::getline(in, line);) {
      Json c = Json::parse(line);
      cases.push_back({c["name"].get<std::string>(),
                       *ParsePatchType(c["type"].get<std::string>()), c["object"],
                       c["patch"], c.contains("expected") ? c["expected"] : Json()});
    }
  }
  return cases;
}

// Both outcomes agree: the same object, or both refused.
bool Agrees(const absl::StatusOr<Json>& ours, const Json& expected) {
  if (expected.is_null()) return !ours.ok();
  return ours.ok() && *ours == expected;
}

TEST_CASE("patch corpus: kreplay agrees with kubectl's recorded output") {
  std::vector<CorpusCase> cases = LoadCorpus();
  CHECK(cases.size() >= 300);
  int agreed = 0;
  for (const CorpusCase& c : cases) {
    CAPTURE(c.name);
    absl::StatusOr<Json> ours = ApplyPatch(c.object, c.patch, c.type);
    INFO("kreplay: ", ours.ok() ? ours->dump() : ours.status().ToString());
    CHECK(Agrees(ours, c.expected));
    agreed += Agrees(ours, c.expected) ? 1 : 0;
  }
  MESSAGE("patch corpus: ", agreed, "/", cases.size(), " cases agree");
}

std::string FindKubectl() {
  if (access("/usr/bin/kubectl", X_OK) == 0) return "/usr/bin/kubectl";
  const char* path = std::getenv("PATH");
  for (absl::string_view dir : absl::StrSplit(path ? path : "", ':')) {
    std::string candidate = absl::StrCat(dir, "/kubectl");
    if (!dir.empty() && access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream(path) << text;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs kubectl on every case, two at a time, in a scratch directory.
fs::path RunKubectl(const std::string& kubectl,
                    const std::vector<CorpusCase>& cases) {
  char scratch[] = "/tmp/kreplay-patch-corpus-XXXXXX";
  REQUIRE(mkdtemp(scratch) != nullptr);
  fs::path dir = scratch;
  for (size_t i = 0; i < cases.size(); ++i) {
    std::string id = std::to_string(i);
    WriteFile(dir / (id + ".obj"), cases[i].object.dump());
    WriteFile(dir / (id + ".patch"), cases[i].patch.dump());
    WriteFile(dir / (id + ".type"), PatchTypeName(cases[i].type));
  }
  std::string command = absl::StrCat(
      "cd ", dir.string(), " && ls *.obj | sed 's/.obj$//' | xargs -P 2 -I{} sh -c '",
      kubectl, " patch --local -f {}.obj --type $(cat {}.type) -p \"$(cat {}.patch)\"",
      " -o json > {}.out 2>/dev/null; echo $? > {}.rc'");
  REQUIRE(std::system(command.c_str()) == 0);
  return dir;
}

// Skipped (and counted as skipped) where kubectl is not installed.
TEST_CASE("patch corpus: kreplay agrees with kubectl run live" *
          doctest::skip(FindKubectl().empty())) {
  std::string kubectl = FindKubectl();
  std::vector<CorpusCase> cases = LoadCorpus();
  fs::path dir = RunKubectl(kubectl, cases);
  int agreed = 0;
  for (size_t i = 0; i < cases.size(); ++i) {
    const CorpusCase& c = cases[i];
    CAPTURE(c.name);
    std::string id = std::to_string(i);
    bool refused = ReadFile(dir / (id + ".rc")) != "0\n";
    Json live = refused ? Json() : Json::parse(ReadFile(dir / (id + ".out")));
    CHECK(live == c.expected);  // the recorded corpus is still current
    bool ok = Agrees(ApplyPatch(c.object, c.patch, c.type), live);
    CHECK(ok);
    agreed += ok ? 1 : 0;
  }
  fs::remove_all(dir);
  MESSAGE("live kubectl: ", agreed, "/", cases.size(), " cases agree");
}

}  // namespace
}  // namespace kreplay
