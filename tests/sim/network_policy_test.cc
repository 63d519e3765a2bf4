#include "sim/network_policy.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/manifest.h"
#include "model/object_key.h"
#include "sim/cluster.h"

namespace kreplay {
namespace {

// Pods are created bare (no controllers run): labels and IPs are all a
// policy looks at.
constexpr char kPods[] = R"(
apiVersion: v1
kind: Namespace
metadata: {name: bench, labels: {team: web}}
---
apiVersion: v1
kind: Namespace
metadata: {name: other}
---
apiVersion: v1
kind: Pod
metadata: {name: fe, namespace: bench, labels: {app: frontend}}
spec: {containers: [{name: c, image: nginx:1.27}]}
status: {podIP: 10.244.1.10}
---
apiVersion: v1
kind: Pod
metadata: {name: be, namespace: bench, labels: {app: backend}}
spec:
  containers: [{name: c, image: nginx:1.27, ports: [{name: http, containerPort: 8080}]}]
status: {podIP: 10.244.1.20}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: bench, labels: {app: database}}
spec: {containers: [{name: c, image: nginx:1.27}]}
status: {podIP: 10.244.1.30}
---
apiVersion: v1
kind: Pod
metadata: {name: fe, namespace: other, labels: {app: frontend}}
spec: {containers: [{name: c, image: nginx:1.27}]}
status: {podIP: 10.244.2.10}
)";

class PolicyTest {
 public:
  PolicyTest() { Add(kPods); }

  void Add(const std::string& yaml) {
    absl::StatusOr<std::vector<Json>> objects = ParseManifests(yaml, "test.yaml");
    REQUIRE_MESSAGE(objects.ok(), objects.status().ToString());
    for (const Json& object : *objects) {
      absl::StatusOr<Json> created = cluster_.Create(object);
      REQUIRE_MESSAGE(created.ok(), created.status().ToString());
      if (object.contains("status")) {
        REQUIRE(cluster_.UpdateStatus(KeyOf(*created), object["status"]).ok());
      }
    }
  }

  const Json& Pod(const std::string& ns, const std::string& name) const {
    const Json* pod = cluster_.Get(ObjectKey{"Pod", ns, name});
    REQUIRE(pod != nullptr);
    return *pod;
  }

  bool Allowed(const std::string& from, const std::string& to, int64_t port,
               const std::string& protocol = "TCP", const std::string& from_ns = "bench") const {
    return ConnectionAllowed(cluster_.store(), Pod(from_ns, from), Pod("bench", to),
                             ConnectionPort{port, protocol});
  }

  const ObjectStore& Store() const { return cluster_.store(); }

 private:
  Cluster cluster_;
};

Json Policy(const std::string& spec_json) {
  return Json{{"metadata", {{"name", "p"}, {"namespace", "bench"}}},
              {"spec", Json::parse(spec_json)}};
}

TEST_CASE("network policy: policyTypes default as the API server defaults them") {
  CHECK(PolicyHasType(Policy("{}"), PolicyDirection::kIngress));
  CHECK_FALSE(PolicyHasType(Policy("{}"), PolicyDirection::kEgress));
  CHECK_FALSE(PolicyHasType(Policy(R"({"egress": []})"), PolicyDirection::kEgress));
  CHECK(PolicyHasType(Policy(R"({"egress": [{}]})"), PolicyDirection::kEgress));
  CHECK(PolicyHasType(Policy(R"({"egress": [{}]})"), PolicyDirection::kIngress));
  Json egress_only = Policy(R"({"policyTypes": ["Egress"]})");
  CHECK(PolicyHasType(egress_only, PolicyDirection::kEgress));
  CHECK_FALSE(PolicyHasType(egress_only, PolicyDirection::kIngress));
}

TEST_CASE("network policy: podSelector with matchLabels, matchExpressions, {}") {
  PolicyTest t;
  const Json& be = t.Pod("bench", "be");
  const Json& db = t.Pod("bench", "db");
  Json in = Policy(R"({"podSelector": {"matchExpressions":
      [{"key": "app", "operator": "In", "values": ["backend", "database"]}]}})");
  CHECK(PolicySelectsPod(in, be));
  CHECK(PolicySelectsPod(in, db));
  CHECK_FALSE(PolicySelectsPod(in, t.Pod("bench", "fe")));
  Json labels = Policy(R"({"podSelector": {"matchLabels": {"app": "backend"}}})");
  CHECK(PolicySelectsPod(labels, be));
  CHECK_FALSE(PolicySelectsPod(labels, db));
  Json both = Policy(R"({"podSelector": {"matchLabels": {"app": "backend"}, "matchExpressions":
      [{"key": "app", "operator": "NotIn", "values": ["backend"]}]}})");
  CHECK_FALSE(PolicySelectsPod(both, be));  // requirements are ANDed
  CHECK(PolicySelectsPod(Policy(R"({"podSelector": {}})"), db));
  // Another namespace's pod is never selected.
  CHECK_FALSE(PolicySelectsPod(Policy(R"({"podSelector": {}})"), t.Pod("other", "fe")));
}

TEST_CASE("network policy: isolation and allow rules (the network-policy-fix shape)") {
  PolicyTest t;
  CHECK(t.Allowed("fe", "db", 80));  // no policy: not isolated
  t.Add(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: bench}
spec: {podSelector: {}, policyTypes: [Ingress]}
)");
  CHECK_FALSE(t.Allowed("fe", "db", 80));
  CHECK_FALSE(t.Allowed("be", "db", 80));
  t.Add(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-backend-to-db, namespace: bench}
spec:
  podSelector: {matchLabels: {app: database}}
  ingress: [{from: [{podSelector: {matchLabels: {app: backend}}}], ports: [{port: 80}]}]
)");
  CHECK(t.Allowed("be", "db", 80));
  CHECK_FALSE(t.Allowed("be", "db", 81));         // another port
  CHECK_FALSE(t.Allowed("be", "db", 80, "UDP"));  // the rule's protocol defaults to TCP
  CHECK_FALSE(t.Allowed("fe", "db", 80));
  // The same labels in another namespace: a podSelector alone means the policy's namespace.
  CHECK_FALSE(t.Allowed("fe", "db", 80, "TCP", "other"));
  PolicyDecision d = CheckIngress(t.Store(), t.Pod("bench", "be"), t.Pod("bench", "db"),
                                  ConnectionPort{80, "TCP"});
  CHECK(d.allowed_by == "allow-backend-to-db");
  CHECK(d.isolating == std::vector<std::string>{"allow-backend-to-db", "default-deny"});
}

constexpr char kDenyAll[] = R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: bench}
spec: {podSelector: {}, policyTypes: [Ingress]}
)";

// A policy on the backend admitting `ingress` (a YAML flow list).
std::string Admit(const std::string& ingress) {
  return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
         "metadata: {name: admit, namespace: bench}\n"
         "spec: {podSelector: {matchLabels: {app: backend}}, ingress: " + ingress + "}\n";
}

TEST_CASE("network policy: namespaceSelector alone, combined with podSelector, or beside it") {
  SUBCASE("namespaceSelector alone: every pod of the matching namespaces") {
    PolicyTest t;
    t.Add(kDenyAll);
    t.Add(Admit("[{from: [{namespaceSelector: "
                "{matchLabels: {kubernetes.io/metadata.name: other}}}]}]"));
    CHECK(t.Allowed("fe", "be", 8080, "TCP", "other"));
    CHECK_FALSE(t.Allowed("fe", "be", 8080));
  }
  SUBCASE("both in one peer: the matching pods of the matching namespaces (AND)") {
    PolicyTest t;
    t.Add(kDenyAll);
    t.Add(Admit("[{from: [{namespaceSelector: {matchLabels: {team: web}}, "
                "podSelector: {matchLabels: {app: frontend}}}]}]"));
    CHECK(t.Allowed("fe", "be", 8080));
    CHECK_FALSE(t.Allowed("db", "be", 8080));
    CHECK_FALSE(t.Allowed("fe", "be", 8080, "TCP", "other"));  // namespace lacks team=web
  }
  SUBCASE("two peers: either matches (OR)") {
    PolicyTest t;
    t.Add(kDenyAll);
    t.Add(Admit("[{from: [{namespaceSelector: {matchLabels: {team: web}}}, "
                "{podSelector: {matchLabels: {app: frontend}}}]}]"));
    CHECK(t.Allowed("db", "be", 8080));
    CHECK_FALSE(t.Allowed("fe", "be", 8080, "TCP", "other"));
  }
  SUBCASE("an empty from admits everyone, an empty ingress list no one") {
    PolicyTest t;
    t.Add(Admit("[{}]"));
    CHECK(t.Allowed("fe", "be", 8080, "TCP", "other"));
    PolicyTest u;
    u.Add(Admit("[]"));
    CHECK_FALSE(u.Allowed("fe", "be", 8080));
  }
}

TEST_CASE("network policy: ports by name, range and protocol; ipBlock") {
  SUBCASE("a named port resolves against the destination's container ports") {
    PolicyTest t;
    t.Add(Admit("[{ports: [{port: http}]}]"));
    CHECK(t.Allowed("fe", "be", 8080));
    CHECK_FALSE(t.Allowed("fe", "be", 80));
  }
  SUBCASE("endPort makes a range, both ends included") {
    PolicyTest t;
    t.Add(Admit("[{ports: [{port: 8000, endPort: 8080}]}]"));
    CHECK(t.Allowed("fe", "be", 8000));
    CHECK(t.Allowed("fe", "be", 8080));
    CHECK_FALSE(t.Allowed("fe", "be", 8081));
  }
  SUBCASE("a protocol without a port allows every port of it") {
    PolicyTest t;
    t.Add(Admit("[{ports: [{protocol: UDP}]}]"));
    CHECK(t.Allowed("fe", "be", 53, "UDP"));
    CHECK_FALSE(t.Allowed("fe", "be", 53));
  }
  SUBCASE("ipBlock matches the peer pod's IP, minus except") {
    PolicyTest t;
    t.Add(Admit("[{from: [{ipBlock: {cidr: 10.244.1.0/24, except: [10.244.1.30/32]}}]}]"));
    CHECK(t.Allowed("fe", "be", 8080));
    CHECK_FALSE(t.Allowed("db", "be", 8080));                  // excepted
    CHECK_FALSE(t.Allowed("fe", "be", 8080, "TCP", "other"));  // 10.244.2.10
  }
}

TEST_CASE("network policy: egress isolates the source") {
  PolicyTest t;
  t.Add(R"(
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: fe-egress, namespace: bench}
spec:
  podSelector: {matchLabels: {app: frontend}}
  egress: [{to: [{podSelector: {matchLabels: {app: backend}}}], ports: [{port: 8080}]}]
)");
  CHECK(t.Allowed("fe", "be", 8080));
  CHECK_FALSE(t.Allowed("fe", "db", 80));
  CHECK_FALSE(t.Allowed("fe", "be", 80));
  CHECK(t.Allowed("be", "db", 80));  // backend is not selected: not isolated
  // No policyTypes: Ingress is implied as well, so frontend's ingress is isolated
  // with no ingress rule.
  CHECK_FALSE(t.Allowed("db", "fe", 80));
}

}  // namespace
}  // namespace kreplay
