#include "model/graph_edges.h"

#include <set>
#include <string>

#include <doctest/doctest.h>

#include "absl/strings/str_join.h"
#include "tests/model/graph_test_util.h"

namespace kreplay {
namespace {

using testing::EdgeLines;
using testing::StoreFromYaml;

// Each case: objects, every edge the graph must hold (sorted), and the
// references that must be reported as ignored.
struct EdgeCase {
  const char* name;
  const char* yaml;
  const char* edges;
  const char* problems;
};

const EdgeCase kCases[] = {
    {"owns: by uid, by name, dangling, cluster-scoped owner, cross-namespace ignored",
     R"(
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web-abc, namespace: bench, uid: rs-1}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-abc-1
  namespace: bench
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-abc, uid: rs-1, controller: true}]
---
apiVersion: v1
kind: Pod
metadata:
  name: stray
  namespace: other
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-abc, uid: rs-1}]
---
apiVersion: v1
kind: Pod
metadata:
  name: by-name
  namespace: bench
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-abc}]
---
apiVersion: v1
kind: Pod
metadata:
  name: orphan
  namespace: bench
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: old-rs, uid: rs-0, controller: true}]
---
apiVersion: v1
kind: Pod
metadata:
  name: mirror
  namespace: bench
  ownerReferences: [{apiVersion: v1, kind: Node, name: node-1, uid: node-uid}]
---
apiVersion: v1
kind: Node
metadata: {name: node-1, uid: node-uid}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: weird
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-abc, uid: rs-1}]
)",
     "Node/node-1 -owns-> Pod/bench/mirror\n"
     "ReplicaSet/bench/old-rs -owns-> Pod/bench/orphan  controller uid=rs-0 not found\n"
     "ReplicaSet/bench/web-abc -owns-> Pod/bench/by-name\n"
     "ReplicaSet/bench/web-abc -owns-> Pod/bench/web-abc-1  controller\n",
     "ClusterRole/weird: metadata.ownerReferences: owner ReplicaSet/bench/web-abc "
     "is in another namespace; ignored\n"
     "Pod/other/stray: metadata.ownerReferences: owner ReplicaSet/bench/web-abc "
     "is in another namespace; ignored\n"},

    {"selects: Service map (empty and ExternalName select nothing) and templates",
     R"(
apiVersion: v1
kind: Service
metadata: {name: web, namespace: bench}
spec: {selector: {app: web}}
---
apiVersion: v1
kind: Service
metadata: {name: manual, namespace: bench}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: external, namespace: bench}
spec: {type: ExternalName, externalName: example.com, selector: {app: web}}
---
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: bench, labels: {app: web, tier: fe}}
---
apiVersion: v1
kind: Pod
metadata: {name: api-1, namespace: bench, labels: {app: api}}
---
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: other, labels: {app: web}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: bench}
spec:
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}}
)",
     "Deployment/bench/web -selects-> Pod/bench/web-1  app=web\n"
     "Service/bench/web -selects-> Deployment/bench/web  app=web  [template]\n"
     "Service/bench/web -selects-> Pod/bench/web-1  app=web\n",
     ""},

    {"selects: PDB null selects none and {} all; NetworkPolicy {} and absent select all",
     R"(
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: null-selector, namespace: bench}
spec: {minAvailable: 1}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: all, namespace: bench}
spec: {minAvailable: 1, selector: {}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: api, namespace: bench}
spec: {minAvailable: 1, selector: {matchLabels: {app: api}}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: bad, namespace: bench}
spec: {selector: {matchExpressions: [{key: app, operator: Like, values: [a]}]}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: bench}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: no-selector, namespace: bench}
spec: {policyTypes: [Ingress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: not-web, namespace: bench}
spec:
  podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [web]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api-1, namespace: bench, labels: {app: api}}
---
apiVersion: v1
kind: Pod
metadata: {name: web-1, namespace: bench, labels: {app: web}}
---
apiVersion: v1
kind: Pod
metadata: {name: x, namespace: other, labels: {app: api}}
)",
     "NetworkPolicy/bench/deny-all -selects-> Pod/bench/api-1\n"
     "NetworkPolicy/bench/deny-all -selects-> Pod/bench/web-1\n"
     "NetworkPolicy/bench/no-selector -selects-> Pod/bench/api-1\n"
     "NetworkPolicy/bench/no-selector -selects-> Pod/bench/web-1\n"
     "NetworkPolicy/bench/not-web -selects-> Pod/bench/api-1  app!=web\n"
     "PodDisruptionBudget/bench/all -selects-> Pod/bench/api-1\n"
     "PodDisruptionBudget/bench/all -selects-> Pod/bench/web-1\n"
     "PodDisruptionBudget/bench/api -selects-> Pod/bench/api-1  app=api\n",
     "PodDisruptionBudget/bench/bad: spec.selector: matchExpressions operator "
     "\"Like\": expected In, NotIn, Exists or DoesNotExist; no selects edges\n"},

    {"pod spec: mounts (incl. projected, PVC), env-from, env-key, pull-secret, runs-as",
     R"(
apiVersion: v1
kind: Pod
metadata: {name: api-1, namespace: bench}
spec:
  serviceAccountName: api
  imagePullSecrets: [{name: regcred}]
  volumes:
  - {name: config, configMap: {name: shared-config}}
  - {name: certs, secret: {secretName: api-tls}}
  - {name: data, persistentVolumeClaim: {claimName: api-data}}
  - name: bundle
    projected:
      sources:
      - {configMap: {name: bundle-cm}}
      - {secret: {name: bundle-secret}}
      - {serviceAccountToken: {path: token}}
  - {name: scratch, emptyDir: {}}
  initContainers:
  - {name: migrate, envFrom: [{secretRef: {name: db-credentials}}]}
  containers:
  - name: app
    envFrom: [{configMapRef: {name: shared-config}}]
    env:
    - {name: LOG_LEVEL, valueFrom: {configMapKeyRef: {name: shared-config, key: log_level}}}
    - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db-credentials, key: password}}}
    - {name: PLAIN, value: x}
---
apiVersion: v1
kind: Pod
metadata: {name: defaulted, namespace: bench}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: legacy, namespace: bench}
spec: {serviceAccount: old-sa, containers: [{name: c}]}
)",
     "Pod/bench/api-1 -mounts-> ConfigMap/bench/bundle-cm  volume=bundle\n"
     "Pod/bench/api-1 -mounts-> ConfigMap/bench/shared-config  volume=config\n"
     "Pod/bench/api-1 -env-from-> ConfigMap/bench/shared-config  container=app\n"
     "Pod/bench/api-1 -env-key-> ConfigMap/bench/shared-config  "
     "container=app env=LOG_LEVEL key=log_level\n"
     "Pod/bench/api-1 -mounts-> PersistentVolumeClaim/bench/api-data  volume=data\n"
     "Pod/bench/api-1 -mounts-> Secret/bench/api-tls  volume=certs\n"
     "Pod/bench/api-1 -mounts-> Secret/bench/bundle-secret  volume=bundle\n"
     "Pod/bench/api-1 -env-from-> Secret/bench/db-credentials  container=migrate\n"
     "Pod/bench/api-1 -env-key-> Secret/bench/db-credentials  "
     "container=app env=DB_PASSWORD key=password\n"
     "Pod/bench/api-1 -pull-secret-> Secret/bench/regcred\n"
     "Pod/bench/api-1 -runs-as-> ServiceAccount/bench/api\n"
     "Pod/bench/defaulted -runs-as-> ServiceAccount/bench/default  defaulted\n"
     "Pod/bench/legacy -runs-as-> ServiceAccount/bench/old-sa\n",
     ""},

    {"pod templates of workloads give template-level edges",
     R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: bench}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      volumes: [{name: config, configMap: {name: shared-config}}]
      containers: [{name: web, envFrom: [{secretRef: {name: web-env}}]}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: bench}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: report}}
        spec:
          serviceAccountName: reporter
          containers:
          - name: report
            env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: report-token, key: token}}}]
---
apiVersion: v1
kind: Service
metadata: {name: report, namespace: bench}
spec: {selector: {app: report}}
)",
     "CronJob/bench/report -env-key-> Secret/bench/report-token  "
     "container=report env=TOKEN key=token  [template]\n"
     "CronJob/bench/report -runs-as-> ServiceAccount/bench/reporter  [template]\n"
     "Deployment/bench/web -mounts-> ConfigMap/bench/shared-config  volume=config  [template]\n"
     "Deployment/bench/web -env-from-> Secret/bench/web-env  container=web  [template]\n"
     "Deployment/bench/web -runs-as-> ServiceAccount/bench/default  defaulted  [template]\n"
     "Service/bench/report -selects-> CronJob/bench/report  app=report  [template]\n",
     ""},

    {"routes and tls: v1 rules, default backend, resource backend, v1beta1 form",
     R"(
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: bench}
spec:
  defaultBackend: {service: {name: fallback, port: {number: 80}}}
  tls: [{hosts: [web.example.com], secretName: web-tls}]
  rules:
  - host: web.example.com
    http:
      paths:
      - {path: /api, pathType: Prefix, backend: {service: {name: api, port: {name: http}}}}
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 8080}}}}
  - http:
      paths:
      - path: /static
        pathType: Prefix
        backend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}}
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: legacy, namespace: bench}
spec:
  backend: {serviceName: old, servicePort: 80}
)",
     "Ingress/bench/legacy -routes-> Service/bench/old  default port=80\n"
     "Ingress/bench/web -tls-> Secret/bench/web-tls  hosts=web.example.com\n"
     "Ingress/bench/web -routes-> Service/bench/api  web.example.com/api port=http\n"
     "Ingress/bench/web -routes-> Service/bench/fallback  default port=80\n"
     "Ingress/bench/web -routes-> Service/bench/web  web.example.com/ port=8080\n"
     "Ingress/bench/web -routes-> StorageBucket/bench/assets  */static\n",
     ""},

    {"scales: HorizontalPodAutoscaler scaleTargetRef",
     R"(
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web, namespace: bench}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 1
  maxReplicas: 5
)",
     "HorizontalPodAutoscaler/bench/web -scales-> Deployment/bench/web\n", ""},

    {"binds: roleRef and ServiceAccount subjects; users and groups are not objects",
     R"(
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-pods, namespace: bench}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
subjects:
- {kind: ServiceAccount, name: api}
- {kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}
- {kind: ServiceAccount, name: ci, namespace: tools}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: view, namespace: bench}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: admins}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
- {kind: ServiceAccount, name: ops, namespace: kube-system}
- {kind: ServiceAccount, name: nons}
- {kind: Group, name: "system:masters", apiGroup: rbac.authorization.k8s.io}
)",
     "ClusterRoleBinding/admins -binds-> ClusterRole/cluster-admin  roleRef\n"
     "ClusterRoleBinding/admins -binds-> ServiceAccount/kube-system/ops  subject\n"
     "RoleBinding/bench/read-pods -binds-> Role/bench/pod-reader  roleRef\n"
     "RoleBinding/bench/read-pods -binds-> ServiceAccount/bench/api  subject\n"
     "RoleBinding/bench/read-pods -binds-> ServiceAccount/tools/ci  subject\n"
     "RoleBinding/bench/view -binds-> ClusterRole/view  roleRef\n",
     "ClusterRoleBinding/admins: subjects: ServiceAccount nons has no namespace; ignored\n"},
};

TEST_CASE("graph edges: each relationship is read as Kubernetes defines it") {
  for (const EdgeCase& c : kCases) {
    CAPTURE(c.name);
    ExtractedGraph extracted = ExtractGraph(StoreFromYaml(c.yaml));
    std::vector<Edge> edges;
    for (size_t i = 0; i < extracted.edges.size(); ++i) edges.push_back(extracted.EdgeAt(i));
    CHECK(EdgeLines(edges) == c.edges);
    std::string problems = absl::StrJoin(extracted.problems, "\n");
    CHECK(problems + (problems.empty() ? "" : "\n") == c.problems);
  }
}

TEST_CASE("graph edges: edge kinds have unique names, in enum order") {
  std::set<std::string> names;
  int index = 0;
  for (const EdgeKindInfo& info : EdgeKinds()) {
    CAPTURE(info.name);
    CHECK(static_cast<int>(info.kind) == index++);
    CHECK(EdgeKindName(info.kind) == info.name);
    CHECK(InverseEdgeKindName(info.kind) == info.inverse);
    CHECK(names.insert(std::string(info.name)).second);
    CHECK(names.insert(std::string(info.inverse)).second);
  }
  CHECK(InverseEdgeKindName(EdgeKind::kOwns) == "owned-by");
  EdgeKindSet set = EdgeKindSet::Of({EdgeKind::kMounts, EdgeKind::kOwns});
  CHECK(set.Contains(EdgeKind::kMounts));
  CHECK_FALSE(set.Contains(EdgeKind::kSelects));
  CHECK(EdgeKindSet::All().Contains(EdgeKind::kBinds));
}

}  // namespace
}  // namespace kreplay
