// create deployment / job / cronjob and run: objects with a pod template.
#include <cstdint>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "model/status_macros.h"
#include "replay/kubectl/generators.h"

namespace kreplay {
namespace {

// kubectl appends utilrand.String(5) to container names it had to sanitize;
// kreplay draws the five characters from the same alphabet, deterministically
// from the image (FNV-1a), so that replays are repeatable.
std::string DeterministicSuffix(absl::string_view seed) {
  static constexpr absl::string_view kAlphabet = "bcdfghjklmnpqrstvwxz2456789";
  uint64_t hash = 1469598103934665603ULL;
  for (char c : seed) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  std::string suffix;
  for (int i = 0; i < 5; ++i, hash /= kAlphabet.size()) {
    suffix.push_back(kAlphabet[hash % kAlphabet.size()]);
  }
  return suffix;
}

// create_deployment.go buildPodSpec: the image's last path segment without
// tag or digest; `_` and `.` become `-` plus a suffix.
std::string ContainerNameFromImage(absl::string_view image) {
  absl::string_view name = image.substr(image.rfind('/') + 1);
  name = name.substr(0, name.find(':'));
  name = name.substr(0, name.find('@'));
  if (name.find_first_of("_.") == absl::string_view::npos) return std::string(name);
  return absl::StrCat(absl::StrReplaceAll(name, {{"_", "-"}, {".", "-"}}), "-",
                      DeterministicSuffix(image));
}

Json Container(std::string name, const std::string& image,
               const std::vector<std::string>& command) {
  Json container = {{"name", std::move(name)}, {"image", image}, {"resources", Json::object()}};
  if (!command.empty()) container["command"] = command;
  return container;
}

Json Template(Json labels, Json spec) {
  Json metadata = {{"creationTimestamp", nullptr}};
  if (!labels.is_null()) metadata["labels"] = std::move(labels);
  return {{"metadata", std::move(metadata)}, {"spec", std::move(spec)}};
}

absl::StatusOr<std::string> RequiredFlag(const GeneratorInput& in, absl::string_view flag) {
  const std::string* value = in.call.args.Last(flag);
  if (value == nullptr || value->empty()) {
    return absl::InvalidArgumentError(absl::StrCat("kubectl ", in.call.args.command,
                                                   ": --", flag, " must be specified"));
  }
  return *value;
}

Json PodSpecForJob(const GeneratorInput& in, const std::string& image,
                   absl::string_view restart) {
  return {{"containers", Json::array({Container(in.name, image, in.command)})},
          {"restartPolicy", std::string(restart)}};
}

absl::Status AddPodContainerFlags(const GeneratorInput& in, Json& container) {
  const ParsedArgs& args = in.call.args;
  if (!in.command.empty()) container[args.Bool("command") ? "command" : "args"] = in.command;
  if (args.Has("env")) {
    Json env = Json::array();
    for (const std::string& item : args.Values("env")) {
      size_t eq = item.find('=');
      if (eq == std::string::npos || eq == 0) {
        return absl::InvalidArgumentError(absl::StrCat("kubectl run: invalid env: ", item));
      }
      env.push_back({{"name", item.substr(0, eq)}, {"value", item.substr(eq + 1)}});
    }
    container["env"] = std::move(env);
  }
  if (const std::string* policy = args.Last("image-pull-policy")) {
    container["imagePullPolicy"] = *policy;
  }
  if (args.Has("port")) {
    KREPLAY_ASSIGN_OR_RETURN(int64_t port, IntFlagOr(in, "port", -1));
    container["ports"] = Json::array({{{"containerPort", port}}});
  }
  if (args.Bool("privileged")) container["securityContext"] = {{"privileged", true}};
  return absl::OkStatus();
}

void AddStdinFlags(const ParsedArgs& args, Json& container) {
  bool stdin = args.Bool("stdin");
  if (stdin) container["stdin"] = true;
  if (stdin && !args.Bool("leave-stdin-open")) container["stdinOnce"] = true;
  if (args.Bool("tty")) container["tty"] = true;
}

absl::StatusOr<Json> RunLabels(const GeneratorInput& in) {
  const std::string* labels = in.call.args.Last("labels");
  if (labels == nullptr || labels->empty()) return Json{{"run", in.name}};
  return ParseKeyValueList(in, "labels", absl::StrSplit(*labels, ','));
}

}  // namespace

absl::StatusOr<Generated> GenerateDeployment(const GeneratorInput& in) {
  std::vector<std::string> images = in.call.args.Values("image");
  if (images.empty()) {
    return absl::InvalidArgumentError("kubectl create deployment: required flag \"image\" not set");
  }
  if (images.size() > 1 && !in.command.empty()) {
    return absl::InvalidArgumentError(
        "kubectl create deployment: cannot specify multiple --image options and command");
  }
  KREPLAY_ASSIGN_OR_RETURN(int64_t replicas, IntFlagOr(in, "replicas", 1));
  KREPLAY_ASSIGN_OR_RETURN(int64_t port, IntFlagOr(in, "port", -1));
  Json containers = Json::array();
  for (const std::string& image : images) {
    containers.push_back(Container(ContainerNameFromImage(image), image, in.command));
  }
  if (port >= 0) containers[0]["ports"] = Json::array({{{"containerPort", port}}});
  Json labels = {{"app", in.name}};
  Json metadata = GeneratedMetadata(in, true);
  metadata["labels"] = labels;
  Json deployment = NewObject("apps/v1", "Deployment", std::move(metadata));
  deployment["spec"] = {{"replicas", replicas},
                        {"selector", {{"matchLabels", labels}}},
                        {"template", Template(labels, {{"containers", containers}})},
                        {"strategy", Json::object()}};
  deployment["status"] = Json::object();
  return Generated{std::move(deployment), ""};
}

absl::StatusOr<Generated> GenerateJob(const GeneratorInput& in) {
  const ParsedArgs& args = in.call.args;
  if (args.Has("image") == args.Has("from")) {
    return absl::InvalidArgumentError("kubectl create job: either --image or --from must be "
                                      "specified");
  }
  if (args.Has("from")) {
    if (!in.command.empty()) {
      return absl::InvalidArgumentError("kubectl create job: cannot specify --from and command");
    }
    return Generated{std::nullopt, absl::StrCat("create job --from=", *args.Last("from"),
                                                ": the template is read from the cluster")};
  }
  Json job = NewObject("batch/v1", "Job", GeneratedMetadata(in, true));
  job["spec"] = {{"template", Template(nullptr, PodSpecForJob(in, *args.Last("image"),
                                                              "Never"))}};
  job["status"] = Json::object();
  return Generated{std::move(job), ""};
}

absl::StatusOr<Generated> GenerateCronJob(const GeneratorInput& in) {
  KREPLAY_ASSIGN_OR_RETURN(std::string image, RequiredFlag(in, "image"));
  KREPLAY_ASSIGN_OR_RETURN(std::string schedule, RequiredFlag(in, "schedule"));
  const std::string* restart = in.call.args.Last("restart");
  Json job_template = {
      {"metadata", {{"name", in.name}, {"creationTimestamp", nullptr}}},
      {"spec", {{"template", Template(nullptr, PodSpecForJob(in, image,
                                                             restart ? *restart : "OnFailure"))}}}};
  Json cronjob = NewObject("batch/v1", "CronJob", GeneratedMetadata(in, true));
  cronjob["spec"] = {{"schedule", schedule}, {"jobTemplate", std::move(job_template)}};
  cronjob["status"] = Json::object();
  return Generated{std::move(cronjob), ""};
}

// generate/versioned/run.go BasicPod.
absl::StatusOr<Generated> GeneratePod(const GeneratorInput& in) {
  KREPLAY_ASSIGN_OR_RETURN(std::string image, RequiredFlag(in, "image"));
  Json container = {{"name", in.name}, {"image", image}, {"resources", Json::object()}};
  AddStdinFlags(in.call.args, container);
  KREPLAY_RETURN_IF_ERROR(AddPodContainerFlags(in, container));
  Json metadata = GeneratedMetadata(in, false);
  KREPLAY_ASSIGN_OR_RETURN(metadata["labels"], RunLabels(in));
  if (in.call.args.Has("annotations")) {
    KREPLAY_ASSIGN_OR_RETURN(metadata["annotations"],
                             ParseKeyValueList(in, "annotations",
                                               in.call.args.Values("annotations")));
  }
  const std::string* restart = in.call.args.Last("restart");
  Json pod = NewObject("v1", "Pod", std::move(metadata));
  pod["spec"] = {{"containers", Json::array({std::move(container)})},
                 {"dnsPolicy", "ClusterFirst"},
                 {"restartPolicy", restart != nullptr ? *restart : "Always"}};
  pod["status"] = Json::object();
  std::string problem;
  if (in.call.args.Bool("expose")) problem = "run --expose: the Service it creates is not modelled";
  if (in.call.args.Has("overrides")) {
    absl::StrAppend(&problem, problem.empty() ? "" : "; ",
                    "run --overrides: the override is not merged into the Pod");
  }
  return Generated{std::move(pod), std::move(problem)};
}

}  // namespace kreplay
