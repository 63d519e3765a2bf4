// Bad fixtures (replay/run/fixture.h): baseline files that are devices,
// directories, too large or outside the fixture; the same object twice; a
// bad start or chaos time; a control character in a name. Each is an error
// naming the fixture file and the field.
#include "replay/run/fixture.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "replay/run/scene.h"

namespace kreplay {
namespace {

namespace fs = std::filesystem;

constexpr char kNamespace[] = "apiVersion: v1\nkind: Namespace\nmetadata: {name: bench}\n";

// A fixture directory in the temporary directory, removed afterwards.
class FixtureDir {
 public:
  explicit FixtureDir(const std::string& name)
      : dir_(fs::temp_directory_path() / ("kreplay-fixture-limits-" + name)) {
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "fx");
  }
  ~FixtureDir() { fs::remove_all(dir_); }

  // Writes fx/fixture.yaml with `body` after the apiVersion and name.
  void Fixture(const std::string& body) const { Write("fx/fixture.yaml", Header() + body); }
  static std::string Header() { return "apiVersion: kreplay.dev/v1\nname: limits\n"; }

  std::string Write(const std::string& name, const std::string& text) const {
    fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }
  fs::path path() const { return dir_; }
  std::string fixture() const { return (dir_ / "fx").string(); }

  // The error LoadFixture gives; FAILs when it loads.
  std::string Error(const FixtureOptions& options = {}) const {
    absl::StatusOr<kreplay::Fixture> f = LoadFixture(fixture(), {}, options);
    REQUIRE_FALSE(f.ok());
    CHECK(absl::IsInvalidArgument(f.status()));
    return std::string(f.status().message());
  }

 private:
  fs::path dir_;
};

void Mentions(const std::string& error, const std::string& text) {
  CHECK_MESSAGE(absl::StrContains(error, text), error);
}

TEST_CASE("a baseline file that is a device, a directory or too large is an error naming it") {
  FixtureDir d("files");
  fs::create_directories(d.path() / "fx" / "manifests");
  d.Fixture("baseline:\n  files: [manifests]\n");
  std::string dir_error = d.Error();
  Mentions(dir_error, "fixture.yaml:4: baseline.files[0]: ");
  Mentions(dir_error, "manifests: is a directory, not a manifest file");

  std::string big = d.Write("fx/big.yaml", "");
  fs::resize_file(big, kMaxFixtureFileBytes + 1);
  d.Fixture("baseline:\n  files: [ns.yaml, big.yaml]\n");
  d.Write("fx/ns.yaml", kNamespace);
  std::string big_error = d.Error();
  Mentions(big_error, "fixture.yaml:4: baseline.files[1]: ");
  Mentions(big_error, "big.yaml: 16777217 bytes, over the limit of 16777216 bytes");

  d.Fixture("baseline:\n  files: [/dev/zero]\n");
  std::string device_error = d.Error({.allow_outside_fixture = true});
  Mentions(device_error, "fixture.yaml:4: baseline.files[0]: /dev/zero: not a regular file");
}

TEST_CASE("baseline files stay inside the fixture's directory unless allowed") {
  FixtureDir d("outside");
  d.Write("secret.yaml", kNamespace);
  d.Fixture("baseline:\n  files: [../secret.yaml]\n");
  std::string error = d.Error();
  Mentions(error, "fixture.yaml:4: baseline.files[0]: ../secret.yaml resolves to ");
  Mentions(error, "outside the fixture's directory");
  Mentions(error, "--allow-outside-fixture");
  CHECK(LoadFixture(d.fixture(), {}, {.allow_outside_fixture = true}).ok());

  d.Fixture("baseline:\n  files: [../../../../../../../../etc/passwd]\n");
  Mentions(d.Error(), "outside the fixture's directory");

  // A symlink inside the fixture that points outside is followed, then refused.
  fs::create_symlink(d.path() / "secret.yaml", d.path() / "fx" / "link.yaml");
  d.Fixture("baseline:\n  files: [link.yaml]\n");
  Mentions(d.Error(), "link.yaml resolves to ");
  // Files in subdirectories of the fixture are fine.
  d.Write("fx/sub/ns.yaml", kNamespace);
  d.Fixture("baseline:\n  files: [sub/ns.yaml]\n");
  CHECK(LoadFixture(d.fixture(), {}).ok());
}

TEST_CASE("the same baseline object twice is an error naming both places") {
  FixtureDir d("twice");
  d.Write("fx/base.yaml", std::string(kNamespace) + "---\n" + kNamespace);
  d.Fixture("baseline:\n  files: [base.yaml]\n");
  std::string in_file = d.Error();
  Mentions(in_file, "fixture.yaml:4: baseline.files[0] (base.yaml, object 2): Namespace/bench is "
                    "already in the baseline (baseline.files[0] (base.yaml, object 1))");
  d.Write("fx/base.yaml", kNamespace);
  d.Fixture("baseline:\n  files: [base.yaml]\n  objects:\n"
            "    - {apiVersion: v1, kind: Namespace, metadata: {name: bench}}\n");
  Mentions(d.Error(), "fixture.yaml:6: baseline.objects[0]: Namespace/bench is already in the baseline");
}

TEST_CASE("a control character in a baseline object's name is an error, quoted") {
  FixtureDir d("nul");
  d.Fixture("baseline:\n  objects:\n"
            "    - {apiVersion: v1, kind: Namespace, metadata: {name: \"be\\0nch\"}}\n");
  Mentions(d.Error(), "fixture.yaml:5: baseline.objects[0].metadata.name: \"be\\x00nch\": a name "
                      "must not contain control characters");
}

TEST_CASE("an unparseable start is an error naming the field") {
  FixtureDir d("start");
  d.Fixture("start: yesterday\nbaseline: {objects: []}\n");
  Mentions(d.Error(), "fixture.yaml:3: start: expected an RFC 3339 time such as "
                      "2026-01-01T00:00:00Z, got \"yesterday\"");
  d.Fixture("start: 2026-02-01T10:00:00Z\nbaseline: {objects: []}\n");
  CHECK(LoadFixture(d.fixture(), {}).ok());
}

TEST_CASE("a chaos at that is not a finite offset, or out of order, is an error") {
  FixtureDir d("chaos");
  const std::string step = "kubectl: delete pod x -n bench";
  struct Case { const char* at; const char* mention; };
  const Case cases[] = {
      {"+forever", "fixture.yaml:5: chaos[0].at: expected a finite offset from agent start such "
                   "as +10s, +2m or +1h30m, got \"+forever\""},
      {"+inf", "got \"+inf\""},
      {"-5s", "got \"-5s\""},
      {"soon", "got \"soon\""},
  };
  for (const Case& c : cases) {
    INFO(c.at);
    d.Fixture(absl::StrCat("baseline: {objects: []}\nchaos:\n  - {at: \"", c.at, "\", ", step, "}\n"));
    Mentions(d.Error(), c.mention);
  }
  d.Fixture(absl::StrCat("baseline: {objects: []}\nchaos:\n  - {at: +1m, ", step,
                         "}\n  - {at: +10s, ", step, "}\n"));
  Mentions(d.Error(), "fixture.yaml:6: chaos[1].at: +10s is before chaos[0].at (1m); list chaos "
                      "steps in the order they happen");
  d.Fixture(absl::StrCat("baseline: {objects: []}\nchaos:\n  - {at: +10s, ", step,
                         "}\n  - {at: +10s, ", step, "}\n  - {at: 1m, ", step, "}\n"));
  CHECK(LoadFixture(d.fixture(), {}).ok());
}

TEST_CASE("fixture errors never print an empty field name") {
  FixtureDir d("fields");
  d.Write("fx/fixture.yaml", FixtureDir::Header() + "baseline: {objects: []}\n---\n" +
                                 FixtureDir::Header() + "baseline: {objects: []}\n");
  std::string docs = d.Error();
  Mentions(docs, "fixture.yaml: expected exactly one YAML document, found 2");
  CHECK_FALSE(absl::StrContains(docs, ": :"));
  d.Fixture("baseline: {objects: []}\nworld: {images: [{ports: [80]}]}\n");
  std::string world = d.Error();
  Mentions(world, "fixture.yaml:4: world.images[0].image: expected");
  CHECK_FALSE(absl::StrContains(world, ": :"));
}

TEST_CASE("a fixture error names the line of the field, or of the mapping that lacks it") {
  FixtureDir d("lines");
  d.Fixture("baseline: {objects: []}\n"             // 3
            "checks:\n"                              // 4
            "  - {name: a, type: object-exists, object: Namespace/x}\n"  // 5
            "  - name: b\n"                          // 6
            "    type: field-equals\n"               // 7
            "    object: Namespace/x\n"              // 8
            "    pointr: /metadata/name\n");         // 9
  Mentions(d.Error(), "fixture.yaml:9: checks[1].pointr: unknown field");
  d.Fixture("baseline: {objects: []}\n"
            "checks:\n"
            "  - {name: a, type: object-exists, object: Namespace/x}\n"
            "  - name: b\n"
            "    type: field-equals\n"
            "    object: Namespace/x\n");
  Mentions(d.Error(), "fixture.yaml:6: checks[1].pointer: required for field-equals");
}

std::string SceneError(const FixtureDir& d) {
  absl::StatusOr<kreplay::Fixture> f = LoadFixture(d.fixture(), {});
  REQUIRE_MESSAGE(f.ok(), f.status().ToString());
  absl::StatusOr<Cluster> scene = BuildScene(*f);
  REQUIRE_FALSE(scene.ok());
  return std::string(scene.status().message());
}

std::string Deployment(const std::string& replicas) {
  return absl::StrCat(
      "    - apiVersion: apps/v1\n      kind: Deployment\n      metadata: {name: web, namespace: bench}\n"
      "      spec:\n        replicas: ", replicas, "\n        selector: {matchLabels: {app: web}}\n"
      "        template:\n          metadata: {labels: {app: web}}\n"
      "          spec: {containers: [{name: c, image: nginx:1.27}]}\n");
}

TEST_CASE("a baseline Deployment with replicas -5 is the API server's 422, naming the object") {
  FixtureDir d("negative");
  d.Fixture("baseline:\n  objects:\n    - {apiVersion: v1, kind: Namespace, metadata: {name: bench}}\n" +
            Deployment("-5"));
  Mentions(SceneError(d), "fixture.yaml: baseline object 2 (Deployment/bench/web): Deployment.apps "
                          "\"web\" is invalid: spec.replicas: Invalid value: -5: must be greater "
                          "than or equal to 0");
}

TEST_CASE("a baseline Deployment with 1e8 replicas is a fixture error naming it, not a hang") {
  FixtureDir d("huge");
  d.Fixture("baseline:\n  objects:\n    - {apiVersion: v1, kind: Namespace, metadata: {name: bench}}\n" +
            Deployment("100000000"));
  std::string error = SceneError(d);
  Mentions(error, "fixture.yaml: baseline: replicaset-controller: ReplicaSet bench/web-");
  Mentions(error, "(of Deployment web) wants 100000000 pods; kreplay simulates at most 1000");
}

}  // namespace
}  // namespace kreplay
