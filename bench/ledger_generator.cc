#include "bench/ledger_generator.h"

#include <ostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "model/json.h"

namespace kreplay {
namespace {

std::string Namespace(int64_t i) { return absl::StrCat("team-", i % 17); }
std::string App(int64_t i) { return absl::StrCat("svc-", i % 211); }

std::string Deployment(int64_t i) {
  return absl::StrFormat(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %s\n  namespace: %s\n"
      "  labels:\n    app: %s\nspec:\n  replicas: %d\n  selector:\n    matchLabels:\n"
      "      app: %s\n  template:\n    metadata:\n      labels:\n        app: %s\n    spec:\n"
      "      containers:\n      - name: app\n        image: registry.example/%s:1.%d\n"
      "        ports:\n        - containerPort: 8080\n        env:\n        - name: MODE\n"
      "          value: production\n        readinessProbe:\n          httpGet:\n"
      "            path: /healthz\n            port: 8080\n",
      App(i), Namespace(i), App(i), 1 + i % 5, App(i), App(i), App(i), i % 40);
}

Json RunCommand(int64_t i) {
  std::string command = absl::StrFormat("kubectl get pods -n %s -l app=%s -o wide", Namespace(i), App(i));
  std::string output = "NAME                        READY   STATUS    RESTARTS   AGE\n";
  for (int pod = 0; pod < 3; ++pod) {
    absl::StrAppendFormat(&output, "%s-6d8f9c7b5-%05d   1/1     Running   0          %dm\n", App(i),
                          (i * 7 + pod) % 100000, 3 + pod);
  }
  return {{"tool", "run_command"}, {"args", {{"command", command}}},
          {"result", {{"status", "ok"}, {"output", output}, {"exit_code", 0}}}};
}

Json FluxPatch(int64_t i) {
  Json patch = {{"spec", {{"template", {{"spec", {{"containers", Json::array({{{"name", "app"},
                {"image", absl::StrFormat("registry.example/%s:1.%d", App(i), i % 40)}}})}}}}}}}};
  return {{"tool", "kubectl_patch"}, {"server", "flux159"},
          {"args", {{"resourceType", "deployment"}, {"name", App(i)}, {"namespace", Namespace(i)},
                    {"patchType", "strategic"}, {"patchData", patch}}},
          {"result", {{"status", i % 9 == 0 ? "error" : "ok"},
                      {"output", absl::StrCat("deployment.apps/", App(i), " patched")}}}};
}

Json ContainersApply(int64_t i) {
  return {{"tool", "resources_create_or_update"}, {"server", "containers"},
          {"args", {{"resource", Deployment(i)}}},
          {"result", {{"status", "ok"},
                      {"output", "# The following resources (YAML) have been created or updated successfully\n" +
                                     Deployment(i)}}}};
}

Json PodsDelete(int64_t i) {
  return {{"tool", "pods_delete"},
          {"args", {{"name", absl::StrFormat("%s-6d8f9c7b5-%05d", App(i), i % 100000)},
                    {"namespace", Namespace(i)}}},
          {"result", {{"status", "ok"}, {"output", "Pod deleted successfully"}}}};
}

Json CallNumber(int64_t i) {
  switch (i % 4) {
    case 0:
      return RunCommand(i);
    case 1:
      return FluxPatch(i);
    case 2:
      return ContainersApply(i);
    default:
      return PodsDelete(i);
  }
}

std::string TimeOf(int64_t i) {
  int64_t seconds = i % 86400;
  return absl::StrFormat("2026-05-12T%02d:%02d:%02d.%03dZ", seconds / 3600, seconds / 60 % 60,
                         seconds % 60, i % 1000);
}

}  // namespace

int64_t WriteBenchLedger(int64_t bytes, std::ostream& out) {
  std::string header = R"({"schema":"kreplay.ledger/v1","description":"kreplay import benchmark"})";
  out << header << '\n';
  int64_t written = static_cast<int64_t>(header.size()) + 1;
  int64_t calls = 0;
  while (written < bytes) {
    Json call = CallNumber(calls);
    call["time"] = TimeOf(calls);
    std::string line = Compact(call);
    out << line << '\n';
    written += static_cast<int64_t>(line.size()) + 1;
    ++calls;
  }
  return calls;
}

}  // namespace kreplay
