// The API server's defaults (sim/defaults, sim/pod_defaults): every default
// row on a small object of its kind, and what is left alone. Why they matter
// is in defaults_undo_test.cc.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/manifest.h"
#include "sim/defaults.h"
#include "sim/pod_defaults.h"

namespace kreplay {
namespace {

Json FromYaml(const std::string& yaml) {
  absl::StatusOr<std::vector<Json>> objects = ParseManifests(yaml, "test.yaml");
  REQUIRE_MESSAGE(objects.ok(), objects.status().ToString());
  REQUIRE(objects->size() == 1);
  return objects->front();
}

// Rows are JSON objects, or YAML manifests for the two larger ones.
Json Defaulted(const std::string& text) {
  Json object = text.front() == '{' ? Json::parse(text) : FromYaml(text);
  ApplyDefaults(object, 7);
  return object;
}

constexpr char kDeployment[] = R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: bench}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}, creationTimestamp: null}
    spec:
      initContainers:
      - {name: init, image: busybox}
      containers:
      - name: web
        image: nginx:1.27
        ports: [{containerPort: 80}, {containerPort: 53, protocol: UDP}]
        env:
        - {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
        readinessProbe: {httpGet: {port: 80}, periodSeconds: 5, timeoutSeconds: 0}
        livenessProbe: {grpc: {port: 9090}}
        startupProbe: {tcpSocket: {port: 80}, failureThreshold: 30}
        lifecycle: {preStop: {httpGet: {port: 80, path: /quit}}}
        resources: {}
      - name: sidecar
        image: registry.local:5000/tools@sha256:0123
        imagePullPolicy: Never
        resources: {limits: {cpu: 100m}, requests: {}}
      volumes:
      - {name: scratch}
      - {name: conf, configMap: {name: conf}}
      - {name: creds, secret: {secretName: creds, defaultMode: 256}}
      - {name: info, downwardAPI: {items: [{path: name, fieldRef: {fieldPath: metadata.name}}]}}
      - name: token
        projected: {sources: [{serviceAccountToken: {path: token}}]}
      - {name: host, hostPath: {path: /var/log}}
)";

constexpr char kService[] = R"(
apiVersion: v1
kind: Service
metadata: {name: web, namespace: bench}
spec:
  selector: {app: web}
  ports: [{port: 80}, {port: 53, protocol: UDP, targetPort: dns}]
  sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}
)";

struct Row {
  const char* what;
  const char* object;
  const char* pointer;
  const char* want;  // JSON text; nullptr: absent
};

const std::vector<Row>& Rows() {
  static const auto* rows = new std::vector<Row>{
      // SetDefaults_Deployment
      {"replicas", kDeployment, "/spec/replicas", "1"},
      {"strategy", kDeployment, "/spec/strategy",
       R"({"type": "RollingUpdate", "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"}})"},
      {"history", kDeployment, "/spec/revisionHistoryLimit", "10"},
      {"deadline", kDeployment, "/spec/progressDeadlineSeconds", "600"},
      // SetDefaults_PodSpec
      {"dnsPolicy", kDeployment, "/spec/template/spec/dnsPolicy", R"("ClusterFirst")"},
      {"restartPolicy", kDeployment, "/spec/template/spec/restartPolicy", R"("Always")"},
      {"schedulerName", kDeployment, "/spec/template/spec/schedulerName", R"("default-scheduler")"},
      {"securityContext", kDeployment, "/spec/template/spec/securityContext", "{}"},
      {"grace", kDeployment, "/spec/template/spec/terminationGracePeriodSeconds", "30"},
      {"no service links in templates", kDeployment, "/spec/template/spec/enableServiceLinks", nullptr},
      // SetDefaults_Container
      {"pull policy, tag", kDeployment, "/spec/template/spec/containers/0/imagePullPolicy", R"("IfNotPresent")"},
      {"pull policy kept", kDeployment, "/spec/template/spec/containers/1/imagePullPolicy", R"("Never")"},
      {"pull policy, no tag", kDeployment, "/spec/template/spec/initContainers/0/imagePullPolicy", R"("Always")"},
      {"message path", kDeployment, "/spec/template/spec/containers/0/terminationMessagePath",
       R"("/dev/termination-log")"},
      {"message policy", kDeployment, "/spec/template/spec/initContainers/0/terminationMessagePolicy",
       R"("File")"},
      {"port protocol", kDeployment, "/spec/template/spec/containers/0/ports/0/protocol", R"("TCP")"},
      {"port protocol kept", kDeployment, "/spec/template/spec/containers/0/ports/1/protocol", R"("UDP")"},
      {"fieldRef apiVersion", kDeployment, "/spec/template/spec/containers/0/env/0/valueFrom/fieldRef/apiVersion",
       R"("v1")"},
      // SetDefaults_Probe, SetDefaults_HTTPGetAction, GRPCAction.service
      {"readiness probe", kDeployment, "/spec/template/spec/containers/0/readinessProbe",
       R"({"httpGet": {"port": 80, "path": "/", "scheme": "HTTP"}, "periodSeconds": 5,
           "timeoutSeconds": 1, "successThreshold": 1, "failureThreshold": 3})"},
      {"grpc probe", kDeployment, "/spec/template/spec/containers/0/livenessProbe",
       R"({"grpc": {"port": 9090, "service": ""}, "periodSeconds": 10,
           "timeoutSeconds": 1, "successThreshold": 1, "failureThreshold": 3})"},
      {"startup probe", kDeployment, "/spec/template/spec/containers/0/startupProbe/failureThreshold", "30"},
      {"startup probe period", kDeployment, "/spec/template/spec/containers/0/startupProbe/periodSeconds", "10"},
      {"lifecycle httpGet", kDeployment, "/spec/template/spec/containers/0/lifecycle/preStop/httpGet",
       R"({"port": 80, "path": "/quit", "scheme": "HTTP"})"},
      // zero values stored as absent
      {"empty resources dropped", kDeployment, "/spec/template/spec/containers/0/resources", nullptr},
      {"empty requests dropped", kDeployment, "/spec/template/spec/containers/1/resources",
       R"({"limits": {"cpu": "100m"}})"},
      {"null creationTimestamp dropped", kDeployment, "/spec/template/metadata",
       R"({"labels": {"app": "web"}})"},
      // SetDefaults_Volume and the volume sources
      {"emptyDir", kDeployment, "/spec/template/spec/volumes/0", R"({"name": "scratch", "emptyDir": {}})"},
      {"configMap mode", kDeployment, "/spec/template/spec/volumes/1/configMap/defaultMode", "420"},
      {"secret mode kept", kDeployment, "/spec/template/spec/volumes/2/secret/defaultMode", "256"},
      {"downwardAPI", kDeployment, "/spec/template/spec/volumes/3/downwardAPI",
       R"({"defaultMode": 420, "items": [{"path": "name",
           "fieldRef": {"fieldPath": "metadata.name", "apiVersion": "v1"}}]})"},
      {"projected token", kDeployment, "/spec/template/spec/volumes/4/projected",
       R"({"defaultMode": 420, "sources": [{"serviceAccountToken": {"path": "token",
           "expirationSeconds": 3600}}]})"},
      {"hostPath type", kDeployment, "/spec/template/spec/volumes/5/hostPath/type", R"("")"},
      // Pods: SetDefaults_Pod on top of the pod spec
      {"pod service links", R"({"kind": "Pod", "metadata": {"name": "p"},
           "spec": {"containers": [{"name": "c", "image": "nginx:latest"}]}})",
       "/spec/enableServiceLinks", "true"},
      {"pod pull policy latest", R"({"kind": "Pod", "metadata": {"name": "p"},
           "spec": {"containers": [{"name": "c", "image": "nginx:latest"}]}})",
       "/spec/containers/0/imagePullPolicy", R"("Always")"},
      {"pod requests from limits", R"({"kind": "Pod", "metadata": {"name": "p"},
           "spec": {"containers": [{"name": "c", "image": "i:1",
             "resources": {"limits": {"cpu": "1", "memory": "1Gi"}, "requests": {"cpu": "500m"}}}]}})",
       "/spec/containers/0/resources/requests", R"({"cpu": "500m", "memory": "1Gi"})"},
      {"pod hostNetwork port", R"({"kind": "Pod", "metadata": {"name": "p"},
           "spec": {"hostNetwork": true, "containers": [{"name": "c", "image": "i:1",
             "ports": [{"containerPort": 8080}]}]}})",
       "/spec/containers/0/ports/0", R"({"containerPort": 8080, "hostPort": 8080, "protocol": "TCP"})"},
      {"pod restartPolicy", R"({"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": []}})",
       "/spec/restartPolicy", R"("Always")"},
      // other workloads
      {"replicaset", R"({"kind": "ReplicaSet", "metadata": {"name": "r"}, "spec": {}})", "/spec",
       R"({"replicas": 1, "template": {"spec": {"dnsPolicy": "ClusterFirst", "restartPolicy": "Always",
           "schedulerName": "default-scheduler", "securityContext": {},
           "terminationGracePeriodSeconds": 30}}})"},
      {"recreate has no rollingUpdate",
       R"({"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"strategy": {"type": "Recreate"}}})",
       "/spec/strategy", R"({"type": "Recreate"})"},
      {"statefulset", R"({"kind": "StatefulSet", "metadata": {"name": "s"},
           "spec": {"volumeClaimTemplates": [{"metadata": {"name": "data"}, "spec": {}}]}})",
       "/spec/updateStrategy", R"({"type": "RollingUpdate", "rollingUpdate": {"partition": 0}})"},
      {"statefulset policies", R"({"kind": "StatefulSet", "metadata": {"name": "s"}, "spec": {}})",
       "/spec/persistentVolumeClaimRetentionPolicy", R"({"whenDeleted": "Retain", "whenScaled": "Retain"})"},
      {"statefulset scalars", R"({"kind": "StatefulSet", "metadata": {"name": "s"}, "spec": {}})",
       "/spec/podManagementPolicy", R"("OrderedReady")"},
      {"statefulset claims", R"({"kind": "StatefulSet", "metadata": {"name": "s"},
           "spec": {"volumeClaimTemplates": [{"metadata": {"name": "data"}, "spec": {}}]}})",
       "/spec/volumeClaimTemplates/0",
       R"({"metadata": {"name": "data"}, "spec": {"volumeMode": "Filesystem"}, "status": {"phase": "Pending"}})"},
      {"statefulset OnDelete", R"({"kind": "StatefulSet", "metadata": {"name": "s"},
           "spec": {"updateStrategy": {"type": "OnDelete"}}})",
       "/spec/updateStrategy", R"({"type": "OnDelete"})"},
      {"daemonset", R"({"kind": "DaemonSet", "metadata": {"name": "d"}, "spec": {}})", "/spec/updateStrategy",
       R"({"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1, "maxSurge": 0}})"},
      {"daemonset history", R"({"kind": "DaemonSet", "metadata": {"name": "d"}, "spec": {}})",
       "/spec/revisionHistoryLimit", "10"},
      {"job", R"({"kind": "Job", "metadata": {"name": "j"},
           "spec": {"template": {"metadata": {"labels": {"app": "j"}}, "spec": {"restartPolicy": "Never"}}}})",
       "/spec/backoffLimit", "6"},
      {"job counts", R"({"kind": "Job", "metadata": {"name": "j"}, "spec": {}})", "/spec/completions", "1"},
      {"job parallel", R"({"kind": "Job", "metadata": {"name": "j"}, "spec": {"parallelism": 3}})",
       "/spec/completions", nullptr},
      {"job modes", R"({"kind": "Job", "metadata": {"name": "j"}, "spec": {}})", "/spec/completionMode",
       R"("NonIndexed")"},
      {"job replacement", R"({"kind": "Job", "metadata": {"name": "j"}, "spec": {}})",
       "/spec/podReplacementPolicy", R"("TerminatingOrFailed")"},
      {"job suspend", R"({"kind": "Job", "metadata": {"name": "j"}, "spec": {}})", "/spec/suspend", "false"},
      {"job labels", R"({"kind": "Job", "metadata": {"name": "j"},
           "spec": {"template": {"metadata": {"labels": {"app": "j"}}, "spec": {"restartPolicy": "Never"}}}})",
       "/metadata/labels", R"({"app": "j"})"},
      {"job restartPolicy kept", R"({"kind": "Job", "metadata": {"name": "j"},
           "spec": {"template": {"spec": {"restartPolicy": "Never"}}}})",
       "/spec/template/spec/restartPolicy", R"("Never")"},
      {"cronjob", R"({"kind": "CronJob", "metadata": {"name": "c"}, "spec": {"schedule": "* * * * *"}})",
       "/spec/concurrencyPolicy", R"("Allow")"},
      {"cronjob history", R"({"kind": "CronJob", "metadata": {"name": "c"}, "spec": {}})",
       "/spec/successfulJobsHistoryLimit", "3"},
      {"cronjob pod spec", R"({"kind": "CronJob", "metadata": {"name": "c"},
           "spec": {"jobTemplate": {"spec": {"template": {"spec": {"restartPolicy": "OnFailure"}}}}}})",
       "/spec/jobTemplate/spec", R"({"template": {"spec": {"restartPolicy": "OnFailure",
           "dnsPolicy": "ClusterFirst", "schedulerName": "default-scheduler", "securityContext": {},
           "terminationGracePeriodSeconds": 30}}})"},
      // SetDefaults_Service and the registry's allocation
      {"service affinity", kService, "/spec/sessionAffinity", R"("None")"},
      {"service affinity config dropped", kService, "/spec/sessionAffinityConfig", nullptr},
      {"service type", kService, "/spec/type", R"("ClusterIP")"},
      {"service ports", kService, "/spec/ports",
       R"([{"port": 80, "protocol": "TCP", "targetPort": 80},
           {"port": 53, "protocol": "UDP", "targetPort": "dns"}])"},
      {"service internal policy", kService, "/spec/internalTrafficPolicy", R"("Cluster")"},
      {"service external policy", kService, "/spec/externalTrafficPolicy", nullptr},
      {"service clusterIP", kService, "/spec/clusterIP", R"("10.96.0.17")"},
      {"service clusterIPs", kService, "/spec/clusterIPs", R"(["10.96.0.17"])"},
      {"service families", kService, "/spec/ipFamilies", R"(["IPv4"])"},
      {"service family policy", kService, "/spec/ipFamilyPolicy", R"("SingleStack")"},
      {"service ClientIP", R"({"kind": "Service", "metadata": {"name": "s"},
           "spec": {"sessionAffinity": "ClientIP", "ports": [{"port": 80}]}})",
       "/spec/sessionAffinityConfig", R"({"clientIP": {"timeoutSeconds": 10800}})"},
      {"service NodePort", R"({"kind": "Service", "metadata": {"name": "s"}, "spec": {"type": "NodePort"}})",
       "/spec/externalTrafficPolicy", R"("Cluster")"},
      {"service LoadBalancer", R"({"kind": "Service", "metadata": {"name": "s"},
           "spec": {"type": "LoadBalancer"}})",
       "/spec/allocateLoadBalancerNodePorts", "true"},
      {"service ExternalName", R"({"kind": "Service", "metadata": {"name": "s"},
           "spec": {"type": "ExternalName", "externalName": "db.example.com"}})",
       "/spec", R"({"type": "ExternalName", "externalName": "db.example.com", "sessionAffinity": "None"})"},
      {"service headless", R"({"kind": "Service", "metadata": {"name": "s"},
           "spec": {"clusterIP": "None", "selector": {"app": "a"}}})",
       "/spec/clusterIPs", nullptr},
      // other kinds
      {"namespace", R"({"kind": "Namespace", "metadata": {"name": "bench", "labels": {"team": "a"}}})", "",
       R"({"kind": "Namespace", "metadata": {"name": "bench", "labels": {"team": "a",
           "kubernetes.io/metadata.name": "bench"}}, "status": {"phase": "Active"}})"},
      {"secret", R"({"kind": "Secret", "metadata": {"name": "s"}})", "/type", R"("Opaque")"},
      {"secret type kept", R"({"kind": "Secret", "metadata": {"name": "s"}, "type": "kubernetes.io/tls"})",
       "/type", R"("kubernetes.io/tls")"},
      {"pvc", R"({"kind": "PersistentVolumeClaim", "metadata": {"name": "c"}, "spec": {}})", "",
       R"({"kind": "PersistentVolumeClaim", "metadata": {"name": "c"},
           "spec": {"volumeMode": "Filesystem"}, "status": {"phase": "Pending"}})"},
      {"pv", R"({"kind": "PersistentVolume", "metadata": {"name": "v"}, "spec": {}})", "/spec",
       R"({"persistentVolumeReclaimPolicy": "Retain", "volumeMode": "Filesystem"})"},
      {"endpoints", R"({"kind": "Endpoints", "metadata": {"name": "e"},
           "subsets": [{"ports": [{"port": 80}]}]})",
       "/subsets/0/ports/0/protocol", R"("TCP")"},
      {"netpol ingress", R"({"kind": "NetworkPolicy", "metadata": {"name": "n"},
           "spec": {"ingress": [{"ports": [{"port": 80}]}]}})",
       "/spec", R"({"policyTypes": ["Ingress"], "ingress": [{"ports": [{"port": 80, "protocol": "TCP"}]}]})"},
      {"netpol egress", R"({"kind": "NetworkPolicy", "metadata": {"name": "n"},
           "spec": {"egress": [{}]}})",
       "/spec/policyTypes", R"(["Ingress", "Egress"])"},
      {"netpol types kept", R"({"kind": "NetworkPolicy", "metadata": {"name": "n"},
           "spec": {"policyTypes": ["Egress"]}})",
       "/spec/policyTypes", R"(["Egress"])"},
      {"storageclass", R"({"kind": "StorageClass", "metadata": {"name": "fast"}, "provisioner": "p"})", "",
       R"({"kind": "StorageClass", "metadata": {"name": "fast"}, "provisioner": "p",
           "reclaimPolicy": "Delete", "volumeBindingMode": "Immediate"})"},
      {"rolebinding", R"({"kind": "RoleBinding", "metadata": {"name": "b"},
           "roleRef": {"kind": "Role", "name": "r"},
           "subjects": [{"kind": "User", "name": "u"}, {"kind": "ServiceAccount", "name": "sa"}]})", "",
       R"({"kind": "RoleBinding", "metadata": {"name": "b"},
           "roleRef": {"kind": "Role", "name": "r", "apiGroup": "rbac.authorization.k8s.io"},
           "subjects": [{"kind": "User", "name": "u", "apiGroup": "rbac.authorization.k8s.io"},
                        {"kind": "ServiceAccount", "name": "sa"}]})"},
      {"clusterrolebinding", R"({"kind": "ClusterRoleBinding", "metadata": {"name": "b"},
           "roleRef": {"kind": "ClusterRole", "name": "r"}, "subjects": [{"kind": "Group", "name": "g"}]})",
       "/subjects/0/apiGroup", R"("rbac.authorization.k8s.io")"},
      {"configmap untouched", R"({"kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"k": "v"}})", "",
       R"({"kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"k": "v"}})"},
  };
  return *rows;
}

TEST_CASE("the API server's defaults, one row each") {
  for (const Row& row : Rows()) {
    CAPTURE(row.what);
    Json object = Defaulted(row.object);
    Json::json_pointer pointer(row.pointer);
    if (row.want == nullptr) {
      CHECK_MESSAGE(!object.contains(pointer), Compact(object));
      continue;
    }
    REQUIRE_MESSAGE(object.contains(pointer), Compact(object));
    CHECK(Compact(object.at(pointer)) == Compact(Json::parse(row.want)));
  }
}

TEST_CASE("defaults keep what is set and apply once") {
  Json once = Defaulted(kDeployment);
  Json twice = once;
  ApplyDefaults(twice, 7);
  CHECK(once == twice);
  // kNil: an explicit 0 is a value; kZero: 0 means unset.
  Json pod = Defaulted(R"({"kind": "Pod", "metadata": {"name": "p"}, "spec": {
      "terminationGracePeriodSeconds": 0, "enableServiceLinks": false,
      "containers": [{"name": "c", "image": "i:1", "readinessProbe": {"exec": {"command": ["true"]},
                      "periodSeconds": 0, "failureThreshold": 7}}]}})");
  CHECK(pod["spec"]["terminationGracePeriodSeconds"] == 0);
  CHECK(pod["spec"]["enableServiceLinks"] == false);
  CHECK(pod["spec"]["containers"][0]["readinessProbe"]["periodSeconds"] == 10);
  CHECK(pod["spec"]["containers"][0]["readinessProbe"]["failureThreshold"] == 7);
}

TEST_CASE("image pull policy follows the tag") {
  struct Case {
    const char* image;
    const char* policy;
  };
  const Case cases[] = {
      {"nginx", "Always"},
      {"nginx:latest", "Always"},
      {"nginx:1.27", "IfNotPresent"},
      {"docker.io/library/nginx:latest", "Always"},
      {"registry.local:5000/nginx", "Always"},
      {"registry.local:5000/nginx:1.0", "IfNotPresent"},
      {"nginx@sha256:abcd", "IfNotPresent"},
      {"nginx:latest@sha256:abcd", "Always"},
      {"", "IfNotPresent"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.image);
    CHECK(DefaultPullPolicy(c.image) == c.policy);
  }
}

}  // namespace
}  // namespace kreplay
