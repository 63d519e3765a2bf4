// create configmap / secret generic|tls|docker-registry / namespace /
// serviceaccount.
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/status_macros.h"
#include "replay/kubectl/generators.h"

namespace kreplay {
namespace {

// --from-literal KEY=VALUE (configmap and secret generic), with kubectl's
// checks: `=` present, key not repeated.
absl::StatusOr<Json> LiteralData(const GeneratorInput& in, bool base64) {
  Json data = Json::object();
  for (const std::string& item : in.call.args.Values("from-literal")) {
    size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "kubectl ", in.call.args.command, ": invalid literal source ", item,
          ", expected key=value"));
    }
    std::string key = item.substr(0, eq);
    if (data.contains(key)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "kubectl ", in.call.args.command, ": cannot add key ", key,
          ", another key by that name already exists"));
    }
    std::string value = item.substr(eq + 1);
    data[key] = base64 ? absl::Base64Escape(value) : value;
  }
  return data;
}

// Sources kubectl reads from local files: not recorded in a ledger.
std::string FileSourcesProblem(const GeneratorInput& in) {
  std::vector<std::string> problems;
  for (const char* flag : {"from-file", "from-env-file"}) {
    for (const std::string& source : in.call.args.Values(flag)) {
      problems.push_back(absl::StrCat("--", flag, "=", source,
                                      ": content of a local file is not recorded"));
    }
  }
  if (in.call.args.Bool("append-hash")) {
    problems.push_back("--append-hash: the name suffix is not computed");
  }
  return absl::StrJoin(problems, "; ");
}

absl::StatusOr<Generated> DataObject(const GeneratorInput& in, absl::string_view kind,
                                     bool base64) {
  KREPLAY_ASSIGN_OR_RETURN(Json data, LiteralData(in, base64));
  Json object = NewObject("v1", kind, GeneratedMetadata(in, true));
  if (!data.empty()) object["data"] = std::move(data);
  return Generated{std::move(object), FileSourcesProblem(in)};
}

// The .dockerconfigjson kubectl writes: Go's encoding of DockerConfigJSON,
// fields in struct order, empty ones omitted.
std::string DockerConfigJson(const std::string& server, const std::string& user,
                             const std::string& password, const std::string& email) {
  std::vector<std::string> fields;
  auto add = [&fields](absl::string_view key, const std::string& value) {
    if (!value.empty()) fields.push_back(absl::StrCat("\"", key, "\":", Json(value).dump()));
  };
  add("username", user);
  add("password", password);
  add("email", email);
  add("auth", absl::Base64Escape(absl::StrCat(user, ":", password)));
  return absl::StrCat("{\"auths\":{", Json(server).dump(), ":{", absl::StrJoin(fields, ","),
                      "}}}");
}

std::string FlagOr(const GeneratorInput& in, absl::string_view flag, std::string fallback) {
  const std::string* value = in.call.args.Last(flag);
  return value != nullptr ? *value : std::move(fallback);
}

}  // namespace

absl::StatusOr<Generated> GenerateConfigMap(const GeneratorInput& in) {
  return DataObject(in, "ConfigMap", false);
}

absl::StatusOr<Generated> GenerateSecretGeneric(const GeneratorInput& in) {
  KREPLAY_ASSIGN_OR_RETURN(Generated generated, DataObject(in, "Secret", true));
  if (std::string type = FlagOr(in, "type", ""); !type.empty()) {
    (*generated.manifest)["type"] = type;
  }
  return generated;
}

absl::StatusOr<Generated> GenerateSecretTls(const GeneratorInput& in) {
  std::string cert = FlagOr(in, "cert", "");
  std::string key = FlagOr(in, "key", "");
  if (cert.empty() || key.empty()) {
    return absl::InvalidArgumentError(
        "kubectl create secret tls: --cert and --key must both be specified");
  }
  Json secret = NewObject("v1", "Secret", GeneratedMetadata(in, true));
  secret["type"] = "kubernetes.io/tls";
  return Generated{std::move(secret),
                   absl::StrCat("--cert=", cert, ", --key=", key,
                                ": content of local files is not recorded")};
}

absl::StatusOr<Generated> GenerateSecretDockerRegistry(const GeneratorInput& in) {
  Json secret = NewObject("v1", "Secret", GeneratedMetadata(in, true));
  secret["type"] = "kubernetes.io/dockerconfigjson";
  if (in.call.args.Has("from-file")) return Generated{std::move(secret), FileSourcesProblem(in)};
  std::string user = FlagOr(in, "docker-username", "");
  std::string password = FlagOr(in, "docker-password", "");
  if (user.empty() || password.empty()) {
    return absl::InvalidArgumentError(
        "kubectl create secret docker-registry: --docker-username and --docker-password are "
        "required (or --from-file)");
  }
  std::string config =
      DockerConfigJson(FlagOr(in, "docker-server", "https://index.docker.io/v1/"), user,
                       password, FlagOr(in, "docker-email", ""));
  secret["data"] = {{".dockerconfigjson", absl::Base64Escape(config)}};
  return Generated{std::move(secret), ""};
}

absl::StatusOr<Generated> GenerateNamespace(const GeneratorInput& in) {
  Json ns = NewObject("v1", "Namespace", GeneratedMetadata(in, false));
  ns["spec"] = Json::object();
  ns["status"] = Json::object();
  return Generated{std::move(ns), ""};
}

absl::StatusOr<Generated> GenerateServiceAccount(const GeneratorInput& in) {
  return Generated{NewObject("v1", "ServiceAccount", GeneratedMetadata(in, true)), ""};
}

}  // namespace kreplay
