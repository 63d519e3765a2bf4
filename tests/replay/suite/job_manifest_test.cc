// The Indexed Job of docs/examples/ that shards a suite across pods, read as
// the API server would take it: kreplay's own manifest reader, defaults and
// validation (the simulated cluster accepts every object), and its shard
// arguments, as each pod's shell expands them, cover shards 1..N once each.
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "model/json.h"
#include "model/manifest.h"
#include "replay/suite/shard.h"
#include "tests/sim/sim_test_util.h"

namespace kreplay {
namespace {

std::string Example(const std::string& name) {
  std::ifstream in(std::string(KREPLAY_SOURCE_DIR) + "/docs/examples/" + name);
  std::stringstream text;
  text << in.rdbuf();
  REQUIRE_MESSAGE(!text.str().empty(), name);
  return text.str();
}

const Json* ObjectNamed(const std::vector<Json>& objects, const std::string& kind,
                        const std::string& name) {
  for (const Json& o : objects) {
    if (GetString(o, "kind") == kind && GetString(o, "metadata.name") == name) return &o;
  }
  return nullptr;
}

TEST_CASE("suite Job: the API server's defaults and validation accept both manifests") {
  std::string all = absl::StrCat("apiVersion: v1\nkind: Namespace\nmetadata: {name: kreplay}\n---\n",
                                 Example("suite-job.yaml"), "\n---\n",
                                 Example("suite-merge-job.yaml"));
  Cluster cluster = ClusterFrom(all, World{});  // REQUIREs every create to succeed
  const Json* job = cluster.Get(ObjectKey{"Job", "kreplay", "kreplay-suite"});
  REQUIRE(job != nullptr);
  CHECK(GetString(*job, "spec.completionMode") == "Indexed");
  CHECK(cluster.Get(ObjectKey{"Job", "kreplay", "kreplay-suite-merge"}) != nullptr);
  CHECK(cluster.Get(ObjectKey{"PersistentVolumeClaim", "kreplay", "kreplay-results"}) != nullptr);
}

TEST_CASE("suite Job: pod i runs shard i+1 of N and the merge reads every shard's report") {
  absl::StatusOr<std::vector<Json>> objects =
      ParseManifests(Example("suite-job.yaml"), "suite-job.yaml");
  REQUIRE_MESSAGE(objects.ok(), objects.status().message());
  const Json* job = ObjectNamed(*objects, "Job", "kreplay-suite");
  REQUIRE(job != nullptr);
  int64_t completions = GetInt(*job, "spec.completions");
  CHECK(GetInt(*job, "spec.parallelism") == completions);
  CHECK(GetString(*job, "spec.template.spec.restartPolicy") == "Never");
  const Json& container = (*job)["spec"]["template"]["spec"]["containers"][0];
  std::string script = container["command"].back().get<std::string>();
  CHECK(container["volumeMounts"][0]["mountPath"] == "/results");
  CHECK(script.find("/results/shard-$JOB_COMPLETION_INDEX.json") != std::string::npos);

  // What each pod's shell makes of the shard argument.
  std::string arg_template = absl::StrCat("$((JOB_COMPLETION_INDEX + 1))/", completions);
  REQUIRE(script.find("--shard " + arg_template) != std::string::npos);
  std::set<int> shards;
  for (int64_t index = 0; index < completions; ++index) {
    std::string arg = absl::StrReplaceAll(
        arg_template, {{"$((JOB_COMPLETION_INDEX + 1))", absl::StrCat(index + 1)}});
    absl::StatusOr<Shard> shard = ParseShard(arg);
    REQUIRE_MESSAGE(shard.ok(), shard.status().message());
    CHECK(shard->count == completions);
    shards.insert(shard->index);
  }
  CHECK(static_cast<int64_t>(shards.size()) == completions);

  absl::StatusOr<std::vector<Json>> merge =
      ParseManifests(Example("suite-merge-job.yaml"), "suite-merge-job.yaml");
  REQUIRE(merge.ok());
  std::string merge_script =
      (*merge)[0]["spec"]["template"]["spec"]["containers"][0]["command"].back().get<std::string>();
  CHECK(merge_script.find("kreplay test merge /results/shard-*.json") != std::string::npos);
}

}  // namespace
}  // namespace kreplay
