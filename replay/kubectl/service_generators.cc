// create service clusterip|nodeport|loadbalancer|externalname, and the
// objects `expose` and `autoscale` create for an existing workload.
#include "replay/kubectl/service_generators.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "model/status_macros.h"
#include "model/type_registry.h"
#include "replay/kubectl/flag_fields.h"
#include "replay/kubectl/generators.h"

namespace kreplay {
namespace {

// IsValidPortName: at most 15 lowercase letters, digits and inner single
// hyphens, with at least one letter.
bool IsPortName(absl::string_view name) {
  if (name.empty() || name.size() > 15 || name.front() == '-' || name.back() == '-' ||
      absl::StrContains(name, "--")) {
    return false;
  }
  bool letter = false;
  for (char c : name) {
    if (!absl::ascii_islower(c) && !absl::ascii_isdigit(c) && c != '-') return false;
    letter = letter || absl::ascii_islower(c);
  }
  return letter;
}

// A port number (0 allowed when `allow_zero`) or, for a target, a port name.
absl::StatusOr<Json> PortValue(const KubectlCall& call, absl::string_view word,
                               bool allow_name) {
  int port = 0;
  if (absl::SimpleAtoi(word, &port)) {
    if (port >= (allow_name ? 1 : 0) && port <= 65535) return Json(port);
  } else if (allow_name && IsPortName(word)) {
    return Json(std::string(word));
  }
  return UsageError(call, absl::StrCat("invalid port \"", word, "\" (expected a number in "
                                       "1-65535", allow_name ? " or a port name" : "", ")"));
}

// create_service.go: `--tcp=PORT[:TARGET]`, named after the spec.
absl::StatusOr<Json> TcpPorts(const GeneratorInput& in, int64_t node_port) {
  Json ports = Json::array();
  for (const std::string& spec : in.call.args.Values("tcp")) {
    std::vector<absl::string_view> parts = absl::StrSplit(spec, ':');
    KREPLAY_ASSIGN_OR_RETURN(Json port, PortValue(in.call, parts[0], false));
    Json target = port;
    if (parts.size() > 1) {
      KREPLAY_ASSIGN_OR_RETURN(target, PortValue(in.call, parts[1], true));
    }
    Json entry = {{"name", absl::StrReplaceAll(spec, {{":", "-"}})}, {"protocol", "TCP"},
                  {"port", std::move(port)}, {"targetPort", std::move(target)}};
    if (node_port != 0) entry["nodePort"] = node_port;
    ports.push_back(std::move(entry));
  }
  return ports;
}

absl::StatusOr<Generated> ServiceOf(const GeneratorInput& in, absl::string_view type) {
  const std::string* cluster_ip = in.call.args.Last("clusterip");
  bool headless = cluster_ip != nullptr && *cluster_ip == "None";
  if (!in.call.args.Has("tcp") && !headless && type != "ExternalName") {
    return absl::InvalidArgumentError(absl::StrCat(
        "kubectl ", in.call.args.command, ": at least one tcp port specifier must be provided "
        "(--tcp=PORT[:TARGET])"));
  }
  KREPLAY_ASSIGN_OR_RETURN(int64_t node_port, IntFlagOr(in, "node-port", 0));
  KREPLAY_ASSIGN_OR_RETURN(Json ports, TcpPorts(in, node_port));
  Json labels = {{"app", in.name}};
  Json metadata = GeneratedMetadata(in, true);
  metadata["labels"] = labels;
  Json service = NewObject("v1", "Service", std::move(metadata));
  Json spec = {{"selector", labels}, {"type", std::string(type)}};
  if (!ports.empty()) spec["ports"] = std::move(ports);
  if (cluster_ip != nullptr && !cluster_ip->empty()) spec["clusterIP"] = *cluster_ip;
  if (const std::string* external = in.call.args.Last("external-name")) {
    spec["externalName"] = *external;
  }
  service["spec"] = std::move(spec);
  service["status"] = {{"loadBalancer", Json::object()}};
  return Generated{std::move(service), ""};
}

absl::StatusOr<Json> ExposedMetadata(const KubectlCall& call, const Operation& op,
                                     const std::string& target) {
  const std::string* name = call.args.Last("name");
  Json metadata = {{"name", name != nullptr ? *name : target}, {"creationTimestamp", nullptr}};
  if (op.ns_explicit) metadata["namespace"] = op.ns;
  if (const std::string* labels = call.args.Last("labels")) {
    KREPLAY_ASSIGN_OR_RETURN(metadata["labels"],
                             ParseKeyValueList(GeneratorInput{call, target, {}, op}, "labels",
                                               absl::StrSplit(*labels, ',')));
  }
  return metadata;
}

// --port [--target-port] [--protocol]: one port, as the single-port form of
// kubectl's service generator.
absl::StatusOr<Json> ExposedPort(const KubectlCall& call, const std::string& port) {
  KREPLAY_ASSIGN_OR_RETURN(Json number, PortValue(call, port, false));
  Json entry = {{"port", number}, {"targetPort", number}};
  if (const std::string* target = call.args.Last("target-port")) {
    KREPLAY_ASSIGN_OR_RETURN(entry["targetPort"], PortValue(call, *target, true));
  }
  if (const std::string* protocol = call.args.Last("protocol")) entry["protocol"] = *protocol;
  return entry;
}

absl::StatusOr<Json> ExposedSpec(const KubectlCall& call, const Operation& op,
                                 const std::string& target) {
  Json spec = Json::object();
  if (const std::string* selector = call.args.Last("selector")) {
    KREPLAY_ASSIGN_OR_RETURN(spec["selector"],
                             ParseKeyValueList(GeneratorInput{call, target, {}, op}, "selector",
                                               absl::StrSplit(*selector, ',')));
  }
  if (const std::string* port = call.args.Last("port")) {
    KREPLAY_ASSIGN_OR_RETURN(Json entry, ExposedPort(call, *port));
    spec["ports"] = Json::array({std::move(entry)});
  }
  for (const auto& [flag, field] : {std::pair{"type", "type"}, {"cluster-ip", "clusterIP"},
                                    {"load-balancer-ip", "loadBalancerIP"},
                                    {"session-affinity", "sessionAffinity"}}) {
    if (const std::string* value = call.args.Last(flag)) spec[field] = *value;
  }
  if (const std::string* ips = call.args.Last("external-ip")) {
    spec["externalIPs"] = Json::array({*ips});
  }
  return spec;
}

// expose.go: the Service holds what the command line says; the selector and
// ports that kubectl reads from the exposed object are left for the
// executor, which has the object.
absl::StatusOr<Json> ExposedService(const KubectlCall& call, const Operation& op,
                                    const std::string& target) {
  KREPLAY_ASSIGN_OR_RETURN(Json metadata, ExposedMetadata(call, op, target));
  KREPLAY_ASSIGN_OR_RETURN(Json spec, ExposedSpec(call, op, target));
  Json service = NewObject("v1", "Service", std::move(metadata));
  service["spec"] = std::move(spec);
  service["status"] = {{"loadBalancer", Json::object()}};
  return service;
}

// autoscale.go createHorizontalPodAutoscalerV2 (kubectl >= 1.33 creates
// autoscaling/v2; v1.32 sent the equivalent autoscaling/v1 object).
Json Autoscaler(const KubectlCall& call, const Operation& op, const std::string& target,
                int64_t min, int64_t max, int64_t cpu) {
  const std::string* name = call.args.Last("name");
  Json metadata = {{"name", name != nullptr ? *name : target}, {"creationTimestamp", nullptr}};
  if (op.ns_explicit) metadata["namespace"] = op.ns;
  const TypeInfo* type = LookupKind(op.kind);
  Json spec = {{"scaleTargetRef",
                {{"apiVersion", type != nullptr ? type->ApiVersion() : ""},
                 {"kind", op.kind},
                 {"name", target}}},
               {"maxReplicas", max}};
  if (min > 0) spec["minReplicas"] = min;
  if (cpu > 0) {
    spec["metrics"] = Json::array({{{"type", "Resource"},
                                    {"resource",
                                     {{"name", "cpu"},
                                      {"target", {{"type", "Utilization"},
                                                  {"averageUtilization", cpu}}}}}}});
  }
  Json hpa = NewObject("autoscaling/v2", "HorizontalPodAutoscaler", std::move(metadata));
  hpa["spec"] = std::move(spec);
  return hpa;
}

absl::StatusOr<int64_t> IntOr(const KubectlCall& call, absl::string_view flag,
                              int64_t fallback) {
  const std::string* value = call.args.Last(flag);
  if (value == nullptr) return fallback;
  return ParseIntFlag(absl::StrCat("--", flag), *value);
}

}  // namespace

absl::StatusOr<Generated> GenerateServiceClusterIp(const GeneratorInput& in) {
  return ServiceOf(in, "ClusterIP");
}

absl::StatusOr<Generated> GenerateServiceNodePort(const GeneratorInput& in) {
  return ServiceOf(in, "NodePort");
}

absl::StatusOr<Generated> GenerateServiceLoadBalancer(const GeneratorInput& in) {
  return ServiceOf(in, "LoadBalancer");
}

absl::StatusOr<Generated> GenerateServiceExternalName(const GeneratorInput& in) {
  const std::string* external = in.call.args.Last("external-name");
  if (external == nullptr || external->empty()) {
    return absl::InvalidArgumentError(
        "kubectl create service externalname: required flag \"external-name\" not set");
  }
  return ServiceOf(in, "ExternalName");
}

absl::Status ExposeHook(const KubectlCall& call, std::vector<Operation>& ops) {
  for (Operation& op : ops) {
    op.manifests.clear();  // an -f manifest only named the object to expose
    for (const std::string& target : op.names) {
      KREPLAY_ASSIGN_OR_RETURN(Json service, ExposedService(call, op, target));
      op.manifests.push_back(std::move(service));
    }
    if (call.args.Has("overrides")) {
      AddProblem(op, "expose --overrides: the override is not merged into the Service");
    }
  }
  return absl::OkStatus();
}

absl::Status AutoscaleHook(const KubectlCall& call, std::vector<Operation>& ops) {
  KREPLAY_ASSIGN_OR_RETURN(int64_t max, IntOr(call, "max", -1));
  KREPLAY_ASSIGN_OR_RETURN(int64_t min, IntOr(call, "min", -1));
  KREPLAY_ASSIGN_OR_RETURN(int64_t cpu, IntOr(call, "cpu-percent", -1));
  if (max < 1) return UsageError(call, "--max=MAXPODS is required and must be at least 1");
  if (max < min) {
    return UsageError(call, "--max=MAXPODS must be larger or equal to --min=MINPODS");
  }
  for (Operation& op : ops) {
    op.manifests.clear();  // an -f manifest only named the object to autoscale
    for (const std::string& target : op.names) {
      op.manifests.push_back(Autoscaler(call, op, target, min, max, cpu));
    }
  }
  return absl::OkStatus();
}

}  // namespace kreplay
