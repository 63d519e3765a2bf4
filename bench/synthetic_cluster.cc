#include "bench/synthetic_cluster.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kreplay {
namespace {

// The alphabet Kubernetes uses for generated name suffixes.
constexpr absl::string_view kAlphabet = "bcdfghjklmnpqrstvwxz2456789";

std::string Suffix(uint64_t n, int length) {
  std::string out;
  for (int i = 0; i < length; ++i, n /= kAlphabet.size()) {
    out.push_back(kAlphabet[n % kAlphabet.size()]);
  }
  return out;
}

Json Named(absl::string_view name) { return Json{{"name", std::string(name)}}; }

Json OwnerRef(absl::string_view kind, absl::string_view name, absl::string_view uid) {
  return Json::array({Json{{"apiVersion", "apps/v1"}, {"kind", std::string(kind)},
                           {"name", std::string(name)}, {"uid", std::string(uid)},
                           {"controller", true}}});
}

// Mounts `config`, reads env from the app's Secret and one key of its own
// ConfigMap, runs as the app's ServiceAccount.
Json PodSpec(const std::string& app, const std::string& config) {
  Json env_key = {{"name", "LOG_LEVEL"},
                  {"valueFrom", {{"configMapKeyRef", {{"name", app + "-config"},
                                                      {"key", "log_level"}}}}}};
  Json container = {{"name", "app"}, {"image", app + ":1"},
                    {"envFrom", Json::array({Json{{"secretRef", Named(app + "-env")}}})},
                    {"env", Json::array({env_key})}};
  return {{"serviceAccountName", app},
          {"volumes", Json::array({Json{{"name", "config"}, {"configMap", Named(config)}}})},
          {"containers", Json::array({container})}};
}

class Builder {
 public:
  Builder(const SyntheticClusterOptions& options, ObjectStore* store)
      : options_(options), store_(store) {}

  bool full() const { return static_cast<int>(store_->size()) >= options_.objects; }

  void Namespace(const std::string& ns, int apps, bool shared) {
    Put("v1", "Namespace", "", ns, {});
    if (shared) Put("v1", "ConfigMap", ns, "shared-config", {{"data", {{"mode", "fast"}}}});
    Put("networking.k8s.io/v1", "NetworkPolicy", ns, "default-deny",
        {{"spec", {{"podSelector", Json::object()}, {"policyTypes", Json::array({"Ingress"})}}}});
    Put("rbac.authorization.k8s.io/v1", "Role", ns, "reader", {});
    Put("rbac.authorization.k8s.io/v1", "RoleBinding", ns, "readers",
        {{"roleRef", {{"kind", "Role"}, {"name", "reader"}}},
         {"subjects", Json::array({Json{{"kind", "ServiceAccount"}, {"name", AppName(0)}}})}});
    Json paths = Json::array();
    for (int i = 0; i < 5 && i < apps; ++i) {
      paths.push_back({{"path", absl::StrCat("/", AppName(i))},
                       {"backend", {{"service", {{"name", AppName(i)}, {"port", {{"number", 80}}}}}}}});
    }
    Put("networking.k8s.io/v1", "Ingress", ns, "edge",
        {{"spec", {{"rules", Json::array({Json{{"http", {{"paths", paths}}}}})}}}});
    for (int i = 0; i < apps && !full(); ++i) App(ns, AppName(i), shared);
  }

 private:
  static std::string AppName(int i) { return absl::StrFormat("app-%03d", i); }

  std::string Put(absl::string_view api, absl::string_view kind, absl::string_view ns,
                  absl::string_view name, Json body) {
    std::string uid = absl::StrCat("uid-", ++uids_);
    if (full()) return uid;
    body["apiVersion"] = std::string(api);
    body["kind"] = std::string(kind);
    body["metadata"]["name"] = std::string(name);
    body["metadata"]["uid"] = uid;
    if (!ns.empty()) body["metadata"]["namespace"] = std::string(ns);
    store_->Put(std::move(body));
    return uid;
  }

  void App(const std::string& ns, const std::string& app, bool shared) {
    std::string config = shared ? "shared-config" : app + "-config";
    std::string hash = Suffix(uids_ * 7919, 10);
    Json labels = {{"app", app}};
    Json rs_labels = {{"app", app}, {"pod-template-hash", hash}};
    Put("v1", "ConfigMap", ns, app + "-config", {{"data", {{"log_level", "info"}}}});
    Put("v1", "Secret", ns, app + "-env", {{"data", {{"TOKEN", "c2VjcmV0"}}}});
    Put("v1", "ServiceAccount", ns, app, {});
    std::string deploy_uid = Put("apps/v1", "Deployment", ns, app,
        {{"spec", {{"replicas", options_.replicas},
                   {"selector", {{"matchLabels", labels}}},
                   {"template", {{"metadata", {{"labels", labels}}},
                                 {"spec", PodSpec(app, config)}}}}}});
    std::string rs = app + "-" + hash;
    std::string rs_uid = Put("apps/v1", "ReplicaSet", ns, rs,
        {{"metadata", {{"ownerReferences", OwnerRef("Deployment", app, deploy_uid)}}},
         {"spec", {{"replicas", options_.replicas},
                   {"selector", {{"matchLabels", rs_labels}}},
                   {"template", {{"metadata", {{"labels", rs_labels}}},
                                 {"spec", PodSpec(app, config)}}}}}});
    for (int i = 0; i < options_.replicas; ++i) {
      Put("v1", "Pod", ns, rs + "-" + Suffix(uids_ * 31 + i, 5),
          {{"metadata", {{"labels", rs_labels},
                         {"ownerReferences", OwnerRef("ReplicaSet", rs, rs_uid)}}},
           {"spec", PodSpec(app, config)}});
    }
    Put("v1", "Service", ns, app,
        {{"spec", {{"selector", labels}, {"ports", Json::array({Json{{"port", 80}}})}}}});
    Put("policy/v1", "PodDisruptionBudget", ns, app,
        {{"spec", {{"minAvailable", 1}, {"selector", {{"matchLabels", labels}}}}}});
    Put("autoscaling/v2", "HorizontalPodAutoscaler", ns, app,
        {{"spec", {{"scaleTargetRef", {{"apiVersion", "apps/v1"}, {"kind", "Deployment"},
                                       {"name", app}}},
                   {"minReplicas", 1}, {"maxReplicas", 20}}}});
  }

  const SyntheticClusterOptions& options_;
  ObjectStore* store_;
  uint64_t uids_ = 0;
};

}  // namespace

ObjectStore GenerateSyntheticCluster(const SyntheticClusterOptions& options) {
  ObjectStore store;
  Builder builder(options, &store);
  builder.Namespace("bench", options.shared_config_pods / options.replicas, true);
  for (int i = 0; !builder.full(); ++i) {
    builder.Namespace(absl::StrFormat("ns-%03d", i), options.apps_per_namespace, false);
  }
  return store;
}

SyntheticClusterOptions SyntheticClusterArgs(int argc, char** argv, int* runs) {
  SyntheticClusterOptions options;
  if (argc > 1) options.objects = std::atoi(argv[1]);
  if (argc > 2) options.shared_config_pods = std::atoi(argv[2]);
  if (argc > 3) *runs = std::max(std::atoi(argv[3]), 1);
  return options;
}

}  // namespace kreplay
