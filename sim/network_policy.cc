#include "sim/network_policy.h"

#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "model/label_selector.h"
#include "model/object_key.h"

namespace kreplay {
namespace {

const Json kNoItems = Json::array();

const Json& ItemsAt(const Json& root, const char* path) {
  const Json* items = Find(root, path);
  return items != nullptr && items->is_array() ? *items : kNoItems;
}

bool SelectorMatches(const Json& selector, const Labels& labels) {
  absl::StatusOr<LabelSelector> parsed = LabelSelector::FromJson(&selector);
  return parsed.ok() && parsed->Matches(labels);
}

Labels NamespaceLabels(const ObjectStore& store, const std::string& ns) {
  Labels labels;
  if (const Json* object = store.Get(ObjectKey{"Namespace", "", ns})) {
    labels = GetStringMap(*object, "metadata.labels");
  }
  // The API server sets this label on every namespace (since v1.21).
  labels["kubernetes.io/metadata.name"] = ns;
  return labels;
}

std::optional<uint32_t> ParseIpv4(const std::string& text) {
  std::vector<std::string> parts = absl::StrSplit(text, '.');
  if (parts.size() != 4) return std::nullopt;
  uint32_t out = 0;
  for (const std::string& part : parts) {
    uint32_t octet = 0;
    if (!absl::SimpleAtoi(part, &octet) || octet > 255) return std::nullopt;
    out = out << 8 | octet;
  }
  return out;
}

// Whether IPv4 `ip` lies in `cidr` ("10.0.0.0/8"); false for anything else.
bool InCidr(const std::string& ip, const std::string& cidr) {
  std::pair<std::string, std::string> split = absl::StrSplit(cidr, '/');
  std::optional<uint32_t> addr = ParseIpv4(ip);
  std::optional<uint32_t> net = ParseIpv4(split.first);
  int bits = 0;
  if (!addr || !net || !absl::SimpleAtoi(split.second, &bits) || bits < 0 || bits > 32) {
    return false;
  }
  uint32_t mask = bits == 0 ? 0 : ~uint32_t{0} << (32 - bits);
  return (*addr & mask) == (*net & mask);
}

bool IpBlockMatches(const Json& block, const Json& pod) {
  std::string ip = GetString(pod, "status.podIP");
  if (!InCidr(ip, GetString(block, "cidr"))) return false;
  for (const Json& except : ItemsAt(block, "except")) {
    if (except.is_string() && InCidr(ip, except.get<std::string>())) return false;
  }
  return true;
}

// Whether one peer entry of a rule of `policy` matches `pod`.
bool PeerMatches(const ObjectStore& store, const Json& policy, const Json& peer,
                 const Json& pod) {
  if (const Json* block = Find(peer, "ipBlock")) return IpBlockMatches(*block, pod);
  const Json* pods = Find(peer, "podSelector");
  const Json* namespaces = Find(peer, "namespaceSelector");
  if (pods == nullptr && namespaces == nullptr) return false;  // invalid peer
  std::string ns = GetString(pod, "metadata.namespace");
  if (namespaces == nullptr) {
    if (ns != GetString(policy, "metadata.namespace")) return false;
  } else if (!SelectorMatches(*namespaces, NamespaceLabels(store, ns))) {
    return false;
  }
  return pods == nullptr || SelectorMatches(*pods, GetStringMap(pod, "metadata.labels"));
}

bool PeersMatch(const ObjectStore& store, const Json& policy, const Json& peers,
                const Json& pod) {
  if (!peers.is_array() || peers.empty()) return true;
  for (const Json& peer : peers) {
    if (PeerMatches(store, policy, peer, pod)) return true;
  }
  return false;
}

// A named port of `destination`'s containers with `protocol`, or -1.
int64_t NamedPort(const Json& destination, const std::string& name,
                  const std::string& protocol) {
  for (const Json& container : ItemsAt(destination, "spec.containers")) {
    for (const Json& p : ItemsAt(container, "ports")) {
      if (GetString(p, "name") == name && GetString(p, "protocol", "TCP") == protocol) {
        return GetInt(p, "containerPort", -1);
      }
    }
  }
  return -1;
}

bool PortEntryMatches(const Json& entry, const Json& destination,
                      const ConnectionPort& port) {
  std::string protocol = GetString(entry, "protocol", "TCP");
  if (protocol != port.protocol) return false;
  const Json* p = Find(entry, "port");
  if (p == nullptr) return true;  // every port of the protocol
  if (p->is_string()) {
    return NamedPort(destination, p->get<std::string>(), protocol) == port.port;
  }
  if (!p->is_number_integer()) return false;
  int64_t first = p->get<int64_t>();
  int64_t last = GetInt(entry, "endPort", first);
  return port.port >= first && port.port <= last;
}

bool PortsMatch(const Json& ports, const Json& destination, const ConnectionPort& port) {
  if (!ports.is_array() || ports.empty()) return true;
  for (const Json& entry : ports) {
    if (PortEntryMatches(entry, destination, port)) return true;
  }
  return false;
}

struct DirectionFields {
  const char* rules;  // spec.ingress / spec.egress
  const char* peers;  // from / to
};

DirectionFields FieldsOf(PolicyDirection direction) {
  return direction == PolicyDirection::kIngress ? DirectionFields{"spec.ingress", "from"}
                                                : DirectionFields{"spec.egress", "to"};
}

// `subject` is the pod the policies select; `peer` the other end.
PolicyDecision Check(const ObjectStore& store, PolicyDirection direction,
                     const Json& subject, const Json& peer, const Json& destination,
                     const ConnectionPort& port) {
  PolicyDecision out;
  DirectionFields fields = FieldsOf(direction);
  std::string ns = GetString(subject, "metadata.namespace");
  for (const Json* policy : store.List("NetworkPolicy", ns)) {
    if (!PolicyHasType(*policy, direction) || !PolicySelectsPod(*policy, subject)) continue;
    out.isolating.push_back(GetString(*policy, "metadata.name"));
    if (!out.allowed_by.empty()) continue;
    for (const Json& rule : ItemsAt(*policy, fields.rules)) {
      const Json* peers = Find(rule, fields.peers);
      const Json* ports = Find(rule, "ports");
      if ((peers == nullptr || PeersMatch(store, *policy, *peers, peer)) &&
          (ports == nullptr || PortsMatch(*ports, destination, port))) {
        out.allowed_by = GetString(*policy, "metadata.name");
        break;
      }
    }
  }
  out.allowed = out.isolating.empty() || !out.allowed_by.empty();
  return out;
}

}  // namespace

bool PolicyHasType(const Json& policy, PolicyDirection direction) {
  const char* name = direction == PolicyDirection::kIngress ? "Ingress" : "Egress";
  const Json& types = ItemsAt(policy, "spec.policyTypes");
  if (!types.empty()) {
    for (const Json& type : types) {
      if (type.is_string() && type.get<std::string>() == name) return true;
    }
    return false;
  }
  if (direction == PolicyDirection::kIngress) return true;
  return !ItemsAt(policy, "spec.egress").empty();
}

bool PolicySelectsPod(const Json& policy, const Json& pod) {
  if (GetString(policy, "metadata.namespace") != GetString(pod, "metadata.namespace")) {
    return false;
  }
  const Json* selector = Find(policy, "spec.podSelector");
  Labels labels = GetStringMap(pod, "metadata.labels");
  if (selector == nullptr || selector->is_null()) return true;  // required; absent = {}
  return SelectorMatches(*selector, labels);
}

PolicyDecision CheckIngress(const ObjectStore& store, const Json& from, const Json& to,
                            const ConnectionPort& port) {
  return Check(store, PolicyDirection::kIngress, to, from, to, port);
}

PolicyDecision CheckEgress(const ObjectStore& store, const Json& from, const Json& to,
                           const ConnectionPort& port) {
  return Check(store, PolicyDirection::kEgress, from, to, to, port);
}

bool ConnectionAllowed(const ObjectStore& store, const Json& from, const Json& to,
                       const ConnectionPort& port) {
  return CheckEgress(store, from, to, port).allowed &&
         CheckIngress(store, from, to, port).allowed;
}

}  // namespace kreplay
