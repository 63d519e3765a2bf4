#!/usr/bin/env python3
"""Generates kreplay's differential patch corpus, recorded from kubectl.

Every case is an input object, a patch and a patch type; its expected result
is what `kubectl patch --local -f OBJ --type TYPE -p PATCH -o json` prints
(or the first line of its error). The corpus is written as JSON lines to
tests/data/patch_corpus/{handwritten,generated}.jsonl and read by
tests/model/patch_corpus_test.cc, which runs everywhere without python or
kubectl.

    scripts/gen_patch_corpus.py [--kubectl PATH] [--out DIR]

Deterministic: the generated cases come from random.Random(SEED); the same
kubectl gives byte-identical files.
"""

import argparse
import copy
import json
import os
import random
import subprocess
import sys
import tempfile

SEED = 20240611
GENERATED_PER_KIND = {"strategic": 100, "merge": 80, "json": 90}

# ---------------------------------------------------------------- objects


def container(name, image, port, env):
    return {
        "name": name,
        "image": image,
        "imagePullPolicy": "IfNotPresent",
        "ports": [{"name": "http", "containerPort": port, "protocol": "TCP"}],
        "env": [{"name": k, "value": v} for k, v in env],
        "resources": {"requests": {"cpu": "100m", "memory": "64Mi"},
                      "limits": {"memory": "128Mi"}},
        "readinessProbe": {"httpGet": {"path": "/healthz", "port": port},
                           "periodSeconds": 5},
        "volumeMounts": [{"name": "config", "mountPath": "/etc/app"}],
    }


def pod_spec():
    return {
        "containers": [
            container("web", "nginx:1.25", 80, [("MODE", "prod"), ("LOG", "info")]),
            container("sidecar", "envoy:1.29", 9901, [("ADMIN", "on")]),
        ],
        "initContainers": [{"name": "init", "image": "busybox:1.36",
                            "command": ["sh", "-c", "true"]}],
        "volumes": [{"name": "config", "configMap": {"name": "web-config"}},
                    {"name": "cache", "emptyDir": {}}],
        "imagePullSecrets": [{"name": "regcred"}],
        "tolerations": [{"key": "dedicated", "operator": "Equal",
                         "value": "web", "effect": "NoSchedule"}],
        "nodeSelector": {"kubernetes.io/os": "linux"},
        "terminationGracePeriodSeconds": 30,
    }


def deployment():
    return {
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": "web", "namespace": "shop",
                     "labels": {"app": "web", "tier": "frontend"},
                     "annotations": {"deployment.kubernetes.io/revision": "3"},
                     "finalizers": ["example.com/protect"]},
        "spec": {
            "replicas": 3,
            "selector": {"matchLabels": {"app": "web"}},
            "strategy": {"type": "RollingUpdate",
                         "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 1}},
            "template": {"metadata": {"labels": {"app": "web"}}, "spec": pod_spec()},
        },
        "status": {"replicas": 3, "readyReplicas": 3,
                   "conditions": [{"type": "Available", "status": "True"},
                                  {"type": "Progressing", "status": "True"}]},
    }


def service():
    return {
        "apiVersion": "v1", "kind": "Service",
        "metadata": {"name": "web", "namespace": "shop", "labels": {"app": "web"}},
        "spec": {"type": "ClusterIP", "clusterIP": "10.96.0.15",
                 "selector": {"app": "web"},
                 "ports": [{"name": "http", "port": 80, "targetPort": 8080, "protocol": "TCP"},
                           {"name": "metrics", "port": 9090, "targetPort": 9090, "protocol": "TCP"}]},
    }


def configmap():
    return {
        "apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": "web-config", "namespace": "shop", "labels": {"app": "web"}},
        "data": {"app.properties": "mode=prod\nlog=info\n", "FEATURE_X": "on",
                 "TIMEOUT": "30"},
    }


def pod():
    spec = pod_spec()
    spec["containers"][0]["volumeDevices"] = [{"name": "raw", "devicePath": "/dev/xvda"}]
    spec["hostAliases"] = [{"ip": "10.0.0.1", "hostnames": ["db.local"]}]
    spec["topologySpreadConstraints"] = [{"maxSkew": 1, "topologyKey": "zone",
                                          "whenUnsatisfiable": "DoNotSchedule"}]
    spec["schedulingGates"] = [{"name": "gate-a"}]
    spec["resourceClaims"] = [{"name": "gpu", "resourceClaimName": "gpu-claim"}]
    spec["ephemeralContainers"] = [{"name": "debug", "image": "busybox:1.36"}]
    return {
        "apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": "web-7d4b9c6f5-abcde", "namespace": "shop",
                     "labels": {"app": "web", "pod-template-hash": "7d4b9c6f5"},
                     "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet",
                                          "name": "web-7d4b9c6f5", "uid": "uid-rs-1",
                                          "controller": True}]},
        "spec": spec,
        "status": {"phase": "Running",
                   "conditions": [{"type": "Ready", "status": "True"},
                                  {"type": "PodScheduled", "status": "True"}],
                   "podIPs": [{"ip": "10.244.1.7"}], "hostIPs": [{"ip": "192.168.1.10"}]},
    }


def workload(kind, api_version, extra_spec=None):
    obj = {"apiVersion": api_version, "kind": kind,
           "metadata": {"name": "w", "namespace": "shop"},
           "spec": {"selector": {"matchLabels": {"app": "w"}},
                    "template": {"metadata": {"labels": {"app": "w"}}, "spec": pod_spec()}},
           "status": {"conditions": [{"type": "A", "status": "True"}]}}
    obj["spec"].update(extra_spec or {})
    return obj


def cronjob():
    return {"apiVersion": "batch/v1", "kind": "CronJob",
            "metadata": {"name": "nightly", "namespace": "shop"},
            "spec": {"schedule": "0 3 * * *",
                     "jobTemplate": {"spec": {"template": {"spec": pod_spec()}}}}}


def simple(api_version, kind, body):
    obj = {"apiVersion": api_version, "kind": kind, "metadata": {"name": "x"}}
    obj.update(body)
    return obj


OBJECTS = {
    "deployment": deployment(),
    "service": service(),
    "configmap": configmap(),
    "pod": pod(),
    "replicaset": workload("ReplicaSet", "apps/v1", {"replicas": 2}),
    "statefulset": workload("StatefulSet", "apps/v1", {"serviceName": "w"}),
    "daemonset": workload("DaemonSet", "apps/v1"),
    "job": workload("Job", "batch/v1"),
    "cronjob": cronjob(),
    "serviceaccount": simple("v1", "ServiceAccount", {
        "secrets": [{"name": "token-a"}], "imagePullSecrets": [{"name": "regcred"}]}),
    "node": simple("v1", "Node", {
        "spec": {"podCIDRs": ["10.244.1.0/24"],
                 "taints": [{"key": "a", "effect": "NoSchedule"}]},
        "status": {"conditions": [{"type": "Ready", "status": "True"}],
                   "addresses": [{"type": "InternalIP", "address": "192.168.1.10"}]}}),
    "namespace": simple("v1", "Namespace", {
        "spec": {"finalizers": ["kubernetes"]},
        "status": {"phase": "Active", "conditions": [{"type": "A", "status": "True"}]}}),
    "pvc": simple("v1", "PersistentVolumeClaim", {
        "spec": {"accessModes": ["ReadWriteOnce"]},
        "status": {"conditions": [{"type": "Resizing", "status": "True"}]}}),
    "hpa": simple("autoscaling/v2", "HorizontalPodAutoscaler", {
        "spec": {"maxReplicas": 5, "metrics": [{"type": "Resource"}]},
        "status": {"conditions": [{"type": "AbleToScale", "status": "True"}]}}),
    "pdb": simple("policy/v1", "PodDisruptionBudget", {
        "spec": {"minAvailable": 1, "selector": {"matchLabels": {"app": "web"}}},
        "status": {"conditions": [{"type": "DisruptionAllowed", "status": "True"}]}}),
    "widget": simple("example.com/v1", "Widget", {"spec": {"size": 3, "items": [{"name": "a"}]}}),
}

# ------------------------------------------------------- hand-written cases

TPL = ("spec", "template", "spec")


def at(path, value):
    """Nests `value` under the dotted/tuple `path`."""
    for key in reversed(path):
        value = {key: value}
    return value


def web(**fields):
    fields["name"] = "web"
    return at(TPL, {"containers": [fields]})


HANDWRITTEN = [
    # --- strategic: maps, nulls, directives on maps
    ("smp-scalar", "deployment", "strategic", {"spec": {"replicas": 5}}),
    ("smp-null-deletes-label", "deployment", "strategic", {"metadata": {"labels": {"tier": None}}}),
    ("smp-new-map-drops-nulls", "deployment", "strategic",
     {"spec": {"template": {"metadata": {"annotations": {"a": "1", "b": None}}}}}),
    ("smp-map-patch-delete", "deployment", "strategic", {"spec": {"strategy": {"$patch": "delete"}}}),
    ("smp-map-patch-replace", "deployment", "strategic",
     {"spec": {"strategy": {"$patch": "replace", "type": "Recreate"}}}),
    ("smp-map-patch-merge-refused", "deployment", "strategic",
     {"spec": {"strategy": {"$patch": "merge", "type": "Recreate"}}}),
    ("smp-map-patch-unknown", "deployment", "strategic", {"spec": {"strategy": {"$patch": "drop"}}}),
    ("smp-top-level-replace", "configmap", "strategic",
     {"$patch": "replace", "apiVersion": "v1", "kind": "ConfigMap",
      "metadata": {"name": "other"}, "data": {"k": "v"}}),
    ("smp-new-field-with-directive-dropped", "deployment", "strategic",
     at(TPL, {"securityContext": {"$patch": "replace", "runAsUser": 1000}})),
    ("smp-retainkeys-strategy", "deployment", "strategic",
     {"spec": {"strategy": {"$retainKeys": ["type"], "type": "Recreate"}}}),
    ("smp-retainkeys-unlisted-field", "deployment", "strategic",
     {"spec": {"strategy": {"$retainKeys": ["type"], "type": "Recreate",
                            "rollingUpdate": {"maxSurge": 2}}}}),
    ("smp-retainkeys-not-a-list", "deployment", "strategic",
     {"spec": {"strategy": {"$retainKeys": "type"}}}),
    ("smp-strategy-null-rollingupdate", "deployment", "strategic",
     {"spec": {"strategy": {"type": "Recreate", "rollingUpdate": None}}}),
    ("smp-retainkeys-volume", "deployment", "strategic",
     at(TPL, {"volumes": [{"name": "config", "$retainKeys": ["name", "secret"],
                           "secret": {"secretName": "s"}}]})),
    # --- strategic: lists by merge key
    ("smp-containers-update-image", "deployment", "strategic", web(image="nginx:1.26")),
    ("smp-containers-add", "deployment", "strategic",
     at(TPL, {"containers": [{"name": "logger", "image": "fluentbit:3"}]})),
    ("smp-containers-delete", "deployment", "strategic",
     at(TPL, {"containers": [{"name": "sidecar", "$patch": "delete"}]})),
    ("smp-containers-replace", "deployment", "strategic",
     at(TPL, {"containers": [{"name": "only", "image": "x"}, {"$patch": "replace"}]})),
    ("smp-containers-merge-directive-refused", "deployment", "strategic",
     at(TPL, {"containers": [{"name": "web", "$patch": "merge"}]})),
    ("smp-containers-missing-merge-key", "deployment", "strategic",
     at(TPL, {"containers": [{"image": "x"}]})),
    ("smp-containers-set-element-order", "deployment", "strategic",
     at(TPL, {"$setElementOrder/containers": [{"name": "sidecar"}, {"name": "web"}]})),
    ("smp-containers-set-element-order-with-new", "deployment", "strategic",
     at(TPL, {"$setElementOrder/containers": [{"name": "sidecar"}, {"name": "new"}, {"name": "web"}],
              "containers": [{"name": "new", "image": "x"}]})),
    ("smp-containers-set-element-order-mismatch", "deployment", "strategic",
     at(TPL, {"$setElementOrder/containers": [{"name": "web"}],
              "containers": [{"name": "new", "image": "x"}]})),
    ("smp-containers-new-element-keeps-nulls", "deployment", "strategic",
     at(TPL, {"containers": [{"name": "new", "image": None, "args": ["a"]}]})),
    ("smp-containers-duplicate-patch-keys", "deployment", "strategic",
     at(TPL, {"containers": [{"name": "web", "image": "a"}, {"name": "web", "args": ["x"]}]})),
    ("smp-initcontainers", "deployment", "strategic",
     at(TPL, {"initContainers": [{"name": "migrate", "image": "app:2"}]})),
    ("smp-absent-list-delete-only", "deployment", "strategic",
     at(TPL, {"ephemeralContainers": [{"name": "x", "$patch": "delete"}]})),
    ("smp-service-ports-delete-unknown", "service", "strategic",
     {"spec": {"ports": [{"port": 1, "$patch": "delete"}]}}),
    ("smp-ephemeralcontainers", "pod", "strategic",
     {"spec": {"ephemeralContainers": [{"name": "debug2", "image": "busybox"}]}}),
    ("smp-env-add", "deployment", "strategic", web(env=[{"name": "NEW", "value": "1"}])),
    ("smp-env-update", "deployment", "strategic", web(env=[{"name": "LOG", "value": "debug"}])),
    ("smp-env-delete", "deployment", "strategic", web(env=[{"name": "MODE", "$patch": "delete"}])),
    ("smp-env-order", "deployment", "strategic",
     web(env=[{"name": "B", "value": "2"}, {"name": "LOG", "value": "x"}])),
    ("smp-envfrom-replaced", "deployment", "strategic",
     web(envFrom=[{"configMapRef": {"name": "web-config"}}])),
    ("smp-ports-add", "deployment", "strategic", web(ports=[{"containerPort": 8443, "name": "https"}])),
    ("smp-ports-delete", "deployment", "strategic",
     web(ports=[{"containerPort": 80, "$patch": "delete"}])),
    ("smp-ports-string-key-differs", "deployment", "strategic",
     web(ports=[{"containerPort": "80"}])),
    ("smp-volumemounts", "deployment", "strategic",
     web(volumeMounts=[{"name": "cache", "mountPath": "/cache"}])),
    ("smp-volumemounts-delete", "deployment", "strategic",
     web(volumeMounts=[{"mountPath": "/etc/app", "$patch": "delete"}])),
    ("smp-volumedevices", "pod", "strategic",
     {"spec": {"containers": [{"name": "web", "volumeDevices": [{"name": "raw2", "devicePath": "/dev/xvdb"}]}]}}),
    ("smp-args-replaced", "deployment", "strategic", web(args=["--port", "80"])),
    ("smp-command-replaced", "deployment", "strategic", web(command=["/bin/app"])),
    ("smp-resources-merge", "deployment", "strategic", web(resources={"limits": {"cpu": "1"}})),
    ("smp-volumes-add", "deployment", "strategic",
     at(TPL, {"volumes": [{"name": "tmp", "emptyDir": {"medium": "Memory"}}]})),
    ("smp-volumes-delete", "deployment", "strategic",
     at(TPL, {"volumes": [{"name": "cache", "$patch": "delete"}]})),
    ("smp-imagepullsecrets", "deployment", "strategic",
     at(TPL, {"imagePullSecrets": [{"name": "other"}]})),
    ("smp-tolerations-replaced", "deployment", "strategic",
     at(TPL, {"tolerations": [{"key": "gpu", "operator": "Exists"}]})),
    ("smp-tolerations-keep-nulls", "deployment", "strategic",
     at(TPL, {"tolerations": [{"key": "gpu", "value": None}]})),
    ("smp-hostaliases", "pod", "strategic",
     {"spec": {"hostAliases": [{"ip": "10.0.0.2", "hostnames": ["cache.local"]}]}}),
    ("smp-topologyspread", "pod", "strategic",
     {"spec": {"topologySpreadConstraints": [{"maxSkew": 2, "topologyKey": "host",
                                               "whenUnsatisfiable": "ScheduleAnyway"}]}}),
    ("smp-schedulinggates", "pod", "strategic", {"spec": {"schedulingGates": [{"name": "gate-b"}]}}),
    ("smp-schedulinggates-delete", "pod", "strategic",
     {"spec": {"schedulingGates": [{"name": "gate-a", "$patch": "delete"}]}}),
    ("smp-resourceclaims", "pod", "strategic", {"spec": {"resourceClaims": [{"name": "fpga"}]}}),
    ("smp-service-ports-update", "service", "strategic",
     {"spec": {"ports": [{"port": 80, "targetPort": 8081}]}}),
    ("smp-service-ports-add", "service", "strategic",
     {"spec": {"ports": [{"name": "https", "port": 443, "targetPort": 8443}]}}),
    ("smp-service-ports-delete", "service", "strategic",
     {"spec": {"ports": [{"port": 9090, "$patch": "delete"}]}}),
    ("smp-service-selector", "service", "strategic", {"spec": {"selector": {"app": "web2"}}}),
    ("smp-serviceaccount-secrets", "serviceaccount", "strategic", {"secrets": [{"name": "token-b"}]}),
    ("smp-serviceaccount-imagepullsecrets-replaced", "serviceaccount", "strategic",
     {"imagePullSecrets": [{"name": "other"}]}),
    ("smp-deployment-conditions", "deployment", "strategic",
     {"status": {"conditions": [{"type": "Available", "status": "False"},
                                {"type": "ReplicaFailure", "status": "True"}]}}),
    ("smp-pod-conditions", "pod", "strategic", {"status": {"conditions": [{"type": "Ready", "status": "False"}]}}),
    ("smp-pod-podips", "pod", "strategic", {"status": {"podIPs": [{"ip": "fd00::7"}]}}),
    ("smp-pod-hostips", "pod", "strategic", {"status": {"hostIPs": [{"ip": "fd00::1"}]}}),
    ("smp-node-conditions", "node", "strategic", {"status": {"conditions": [{"type": "DiskPressure", "status": "False"}]}}),
    ("smp-node-addresses", "node", "strategic", {"status": {"addresses": [{"type": "Hostname", "address": "n1"}]}}),
    ("smp-node-podcidrs-set", "node", "strategic", {"spec": {"podCIDRs": ["fd00::/64", "10.244.1.0/24"]}}),
    ("smp-node-podcidrs-delete", "node", "strategic",
     {"spec": {"$deleteFromPrimitiveList/podCIDRs": ["10.244.1.0/24"]}}),
    ("smp-node-taints-replaced", "node", "strategic", {"spec": {"taints": [{"key": "b", "effect": "NoExecute"}]}}),
    ("smp-namespace-conditions", "namespace", "strategic", {"status": {"conditions": [{"type": "B", "status": "True"}]}}),
    ("smp-namespace-finalizers-replaced", "namespace", "strategic", {"spec": {"finalizers": ["other"]}}),
    ("smp-pvc-conditions", "pvc", "strategic", {"status": {"conditions": [{"type": "FileSystemResizePending", "status": "True"}]}}),
    ("smp-replicaset-conditions", "replicaset", "strategic", {"status": {"conditions": [{"type": "B", "status": "True"}]}}),
    ("smp-statefulset-conditions", "statefulset", "strategic", {"status": {"conditions": [{"type": "B", "status": "True"}]}}),
    ("smp-daemonset-conditions", "daemonset", "strategic", {"status": {"conditions": [{"type": "B", "status": "True"}]}}),
    ("smp-job-conditions", "job", "strategic", {"status": {"conditions": [{"type": "Complete", "status": "True"}]}}),
    ("smp-hpa-conditions", "hpa", "strategic", {"status": {"conditions": [{"type": "ScalingActive", "status": "True"}]}}),
    ("smp-hpa-metrics-replaced", "hpa", "strategic", {"spec": {"metrics": [{"type": "Pods"}]}}),
    ("smp-pdb-conditions", "pdb", "strategic", {"status": {"conditions": [{"type": "X", "status": "True"}]}}),
    ("smp-statefulset-containers", "statefulset", "strategic",
     {"spec": {"template": {"spec": {"containers": [{"name": "web", "image": "nginx:2"}]}}}}),
    ("smp-daemonset-containers", "daemonset", "strategic",
     {"spec": {"template": {"spec": {"containers": [{"name": "agent", "image": "a:1"}]}}}}),
    ("smp-replicaset-containers", "replicaset", "strategic",
     {"spec": {"template": {"spec": {"containers": [{"name": "sidecar", "$patch": "delete"}]}}}}),
    ("smp-job-containers", "job", "strategic",
     {"spec": {"template": {"spec": {"containers": [{"name": "web", "env": [{"name": "J", "value": "1"}]}]}}}}),
    ("smp-cronjob-containers", "cronjob", "strategic",
     {"spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "web", "image": "n:3"}]}}}}}}),
    ("smp-finalizers-add", "deployment", "strategic", {"metadata": {"finalizers": ["example.com/other"]}}),
    ("smp-finalizers-add-existing", "deployment", "strategic",
     {"metadata": {"finalizers": ["example.com/protect", "a", "a"]}}),
    ("smp-finalizers-delete", "deployment", "strategic",
     {"metadata": {"$deleteFromPrimitiveList/finalizers": ["example.com/protect"]}}),
    ("smp-finalizers-delete-absent-list", "configmap", "strategic",
     {"metadata": {"$deleteFromPrimitiveList/finalizers": ["x"]}}),
    ("smp-finalizers-set-element-order", "deployment", "strategic",
     {"metadata": {"$setElementOrder/finalizers": ["b", "example.com/protect"], "finalizers": ["b"]}}),
    ("smp-ownerreferences", "pod", "strategic",
     {"metadata": {"ownerReferences": [{"apiVersion": "v1", "kind": "Node", "name": "n1", "uid": "uid-node"}]}}),
    ("smp-ownerreferences-delete", "pod", "strategic",
     {"metadata": {"ownerReferences": [{"uid": "uid-rs-1", "$patch": "delete"}]}}),
    ("smp-configmap-data", "configmap", "strategic", {"data": {"TIMEOUT": "60", "FEATURE_X": None}}),
    ("smp-type-change-replaces", "configmap", "strategic", {"data": {"TIMEOUT": {"v": 1}}}),
    ("smp-list-element-types-differ", "deployment", "strategic", {"metadata": {"finalizers": [1]}}),
    ("smp-custom-resource-refused", "widget", "strategic", {"spec": {"size": 4}}),
    ("smp-patch-not-object", "configmap", "strategic", [1]),
    ("smp-restart-annotation", "deployment", "strategic",
     {"spec": {"template": {"metadata": {"annotations": {
         "kubectl.kubernetes.io/restartedAt": "2024-06-11T10:00:00Z"}}}}}),
    # --- merge patch
    ("merge-scalar", "deployment", "merge", {"spec": {"replicas": 1}}),
    ("merge-null-deletes", "deployment", "merge", {"metadata": {"annotations": None}}),
    ("merge-list-replaced", "deployment", "merge",
     at(TPL, {"containers": [{"name": "web", "image": "nginx:2"}]})),
    ("merge-new-value-pruned", "configmap", "merge", {"binaryData": {"a": None, "b": "YQ=="}}),
    ("merge-array-over-object", "configmap", "merge", {"data": [{"x": None}]}),
    ("merge-object-over-scalar", "configmap", "merge", {"data": {"TIMEOUT": {"q": None}}}),
    ("merge-crd", "widget", "merge", {"spec": {"items": [{"name": "b"}]}}),
    ("merge-null-patch", "configmap", "merge", None),
    ("merge-string-patch", "configmap", "merge", "x"),
    # --- json patch
    ("json-add", "configmap", "json", [{"op": "add", "path": "/data/NEW", "value": "1"}]),
    ("json-escaped", "configmap", "json", [{"op": "add", "path": "/metadata/labels/a~1b~0c", "value": "x"}]),
    ("json-append", "deployment", "json",
     [{"op": "add", "path": "/spec/template/spec/containers/0/args/-", "value": "x"}]),
    ("json-append-list", "deployment", "json",
     [{"op": "add", "path": "/spec/template/spec/containers/0/env/-", "value": {"name": "X", "value": "1"}}]),
    ("json-insert", "deployment", "json",
     [{"op": "add", "path": "/spec/template/spec/containers/1", "value": {"name": "mid", "image": "m"}}]),
    ("json-negative-index", "service", "json", [{"op": "remove", "path": "/spec/ports/-1"}]),
    ("json-replace", "deployment", "json", [{"op": "replace", "path": "/spec/replicas", "value": 0}]),
    ("json-replace-missing-member", "configmap", "json", [{"op": "replace", "path": "/data/NOPE", "value": "v"}]),
    ("json-replace-past-end", "service", "json", [{"op": "replace", "path": "/spec/ports/2", "value": {}}]),
    ("json-remove", "configmap", "json", [{"op": "remove", "path": "/data/FEATURE_X"}]),
    ("json-remove-missing", "configmap", "json", [{"op": "remove", "path": "/data/NOPE"}]),
    ("json-move", "configmap", "json", [{"op": "move", "from": "/data/TIMEOUT", "path": "/data/TIMEOUT_S"}]),
    ("json-copy", "configmap", "json", [{"op": "copy", "from": "/metadata/labels", "path": "/metadata/annotations"}]),
    ("json-test-pass", "deployment", "json",
     [{"op": "test", "path": "/spec/replicas", "value": 3}, {"op": "replace", "path": "/spec/replicas", "value": 4}]),
    ("json-test-fail-atomic", "deployment", "json",
     [{"op": "replace", "path": "/spec/replicas", "value": 4}, {"op": "test", "path": "/spec/replicas", "value": 3}]),
    ("json-missing-parent", "configmap", "json", [{"op": "add", "path": "/spec/x", "value": 1}]),
    ("json-unknown-op", "configmap", "json", [{"op": "frobnicate", "path": "/data"}]),
    ("json-not-array", "configmap", "json", {"op": "add", "path": "/data/x", "value": "1"}),
    ("json-index-not-number", "service", "json", [{"op": "add", "path": "/spec/ports/x", "value": {}}]),
    ("json-empty", "configmap", "json", []),
    ("json-crd", "widget", "json", [{"op": "add", "path": "/spec/items/-", "value": {"name": "c"}}]),
]

# -------------------------------------------------------- generated cases

RANDOM_BASES = ["deployment", "service", "configmap", "pod"]
WORDS = ["alpha", "beta", "gamma", "delta", "prod", "debug", "blue", "green"]


def word(rng):
    return rng.choice(WORDS)


def smp_container_change(rng, obj):
    spec = obj["spec"]["template"]["spec"] if "template" in obj.get("spec", {}) else obj["spec"]
    names = [c["name"] for c in spec["containers"]]
    name = rng.choice(names + ["extra"])
    change = {"name": name}
    choice = rng.randrange(9)
    if choice == 0:
        change["image"] = "%s:%d" % (word(rng), rng.randrange(1, 9))
    elif choice == 1:
        change["env"] = [{"name": rng.choice(["MODE", "LOG", "NEW", "ADMIN"]), "value": word(rng)}]
    elif choice == 2:
        change["env"] = [{"name": rng.choice(["MODE", "LOG", "ADMIN"]), "$patch": "delete"}]
    elif choice == 3:
        change["ports"] = [{"containerPort": rng.choice([80, 81, 9901, 8443]), "name": word(rng)[:5]}]
    elif choice == 4:
        change["ports"] = [{"containerPort": rng.choice([80, 9901]), "$patch": "delete"}]
    elif choice == 5:
        change["args"] = ["--%s" % word(rng)]
    elif choice == 6:
        change["resources"] = {"limits": {"cpu": "%dm" % rng.choice([100, 250, 500])},
                               "requests": None if rng.random() < 0.3 else {"cpu": "50m"}}
    elif choice == 7:
        change["volumeMounts"] = [{"name": rng.choice(["config", "cache"]),
                                   "mountPath": rng.choice(["/etc/app", "/cache", "/data"])}]
    else:
        change = {"name": name, "$patch": "delete"}
    return ("containers", change)


def smp_patch(rng, base, obj):
    if base == "configmap":
        data = {}
        for _ in range(rng.randint(1, 3)):
            data[rng.choice(["FEATURE_X", "TIMEOUT", "NEW", "app.properties"])] = (
                None if rng.random() < 0.3 else word(rng))
        patch = {"data": data}
        if rng.random() < 0.3:
            patch["metadata"] = {"labels": {word(rng): word(rng)}}
        return patch
    if base == "service":
        ports = []
        for _ in range(rng.randint(1, 2)):
            port = rng.choice([80, 9090, 443])
            if rng.random() < 0.25:
                ports.append({"port": port, "$patch": "delete"})
            else:
                ports.append({"port": port, "targetPort": rng.choice([8080, 8081, "http"])})
        patch = {"spec": {"ports": ports}}
        if rng.random() < 0.3:
            patch["spec"]["selector"] = {"app": word(rng)}
        if rng.random() < 0.2:
            patch["spec"]["$setElementOrder/ports"] = [{"port": p["port"]} for p in reversed(ports)]
        return patch
    pod_level = {}
    containers = []
    for _ in range(rng.randint(1, 3)):
        _, change = smp_container_change(rng, obj)
        if change["name"] not in [c["name"] for c in containers]:
            containers.append(change)
    pod_level["containers"] = containers
    if rng.random() < 0.25:
        order = [{"name": c["name"]} for c in (obj["spec"]["template"]["spec"] if base == "deployment" else obj["spec"])["containers"]]
        for c in containers:
            if c.get("$patch") != "delete" and {"name": c["name"]} not in order:
                order.append({"name": c["name"]})
        rng.shuffle(order)
        pod_level["$setElementOrder/containers"] = order
    if rng.random() < 0.3:
        pod_level["volumes"] = [rng.choice([
            {"name": "cache", "$patch": "delete"},
            {"name": "tmp", "emptyDir": {}},
            {"name": "config", "configMap": {"name": word(rng)}}])]
    if rng.random() < 0.2:
        pod_level["tolerations"] = [{"key": word(rng), "operator": "Exists"}]
    if rng.random() < 0.15:
        pod_level["nodeSelector"] = {"disk": word(rng), "kubernetes.io/os": None}
    if base == "pod":
        patch = {"spec": pod_level}
        if rng.random() < 0.4:
            patch["status"] = {"conditions": [{"type": rng.choice(["Ready", "ContainersReady"]),
                                               "status": rng.choice(["True", "False"])}]}
        return patch
    patch = {"spec": {"template": {"spec": pod_level}}}
    roll = rng.random()
    if roll < 0.2:
        patch["spec"]["replicas"] = rng.randrange(0, 10)
    elif roll < 0.35:
        patch["spec"]["strategy"] = {"$retainKeys": ["type"], "type": "Recreate"}
    elif roll < 0.45:
        patch["metadata"] = {"finalizers": [word(rng)]}
    elif roll < 0.55:
        patch["metadata"] = {"$deleteFromPrimitiveList/finalizers": ["example.com/protect"]}
    elif roll < 0.65:
        patch["metadata"] = {"labels": {"tier": None, word(rng): word(rng)}}
    return patch


def random_value(rng, depth=0):
    roll = rng.random()
    if roll < 0.15:
        return None
    if roll < 0.45 or depth > 1:
        return rng.choice([word(rng), rng.randrange(100), True])
    if roll < 0.75:
        return {word(rng): random_value(rng, depth + 1) for _ in range(rng.randint(1, 2))}
    return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 2))]


def paths(value, prefix=()):
    """Every (path, value) below `value`, skipping apiVersion and kind."""
    out = []
    if isinstance(value, dict):
        for key, child in value.items():
            if prefix == () and key in ("apiVersion", "kind"):
                continue
            out.append((prefix + (key,), child))
            out.extend(paths(child, prefix + (key,)))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            out.append((prefix + (i,), child))
            out.extend(paths(child, prefix + (i,)))
    return out


def merge_patch(rng, obj):
    patch = {}
    for _ in range(rng.randint(1, 3)):
        object_paths = [p for p, _ in paths(obj) if all(isinstance(k, str) for k in p)]
        path = rng.choice(object_paths)
        if rng.random() < 0.3:
            path = path[:-1] + (word(rng),)
        node = patch
        for key in path[:-1]:
            node = node.setdefault(key, {})
            if not isinstance(node, dict):
                break
        else:
            node[path[-1]] = random_value(rng)
    return patch


def pointer(path):
    return "".join("/" + str(k).replace("~", "~0").replace("/", "~1") for k in path)


def json_op(rng, obj):
    all_paths = paths(obj)
    path, value = rng.choice(all_paths)
    op = rng.choice(["add", "replace", "remove", "test", "move", "copy", "add-end", "bad"])
    if op == "add-end":
        lists = [p for p, v in all_paths if isinstance(v, list)]
        if lists:
            return {"op": "add", "path": pointer(rng.choice(lists)) + "/-", "value": random_value(rng)}
        op = "add"
    if op == "add":
        if isinstance(path[-1], str) and rng.random() < 0.5:
            path = path[:-1] + (word(rng),)
        return {"op": "add", "path": pointer(path), "value": random_value(rng)}
    if op == "replace":
        return {"op": "replace", "path": pointer(path), "value": random_value(rng)}
    if op == "remove":
        return {"op": "remove", "path": pointer(path)}
    if op == "test":
        expected = value if rng.random() < 0.6 else random_value(rng)
        return {"op": "test", "path": pointer(path), "value": expected}
    if op in ("move", "copy"):
        target, _ = rng.choice(all_paths)
        dest = target[:-1] + ((word(rng),) if isinstance(target[-1], str) else (0,))
        return {"op": op, "from": pointer(path), "path": pointer(dest)}
    return {"op": "remove", "path": pointer(path[:-1] + ("missing-" + word(rng),))}


def json_patch(rng, obj):
    return [json_op(rng, obj) for _ in range(rng.randint(1, 3))]


def generated_cases():
    rng = random.Random(SEED)
    cases = []
    for patch_type, count in sorted(GENERATED_PER_KIND.items()):
        for i in range(count):
            base = RANDOM_BASES[i % len(RANDOM_BASES)]
            obj = OBJECTS[base]
            if patch_type == "strategic":
                patch = smp_patch(rng, base, obj)
            elif patch_type == "merge":
                patch = merge_patch(rng, obj)
            else:
                patch = json_patch(rng, obj)
            cases.append(("gen-%s-%03d-%s" % (patch_type, i, base), base, patch_type, patch))
    return cases

# ------------------------------------------------------------- recording


def run_kubectl(kubectl, obj, patch_type, patch):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(obj, f)
        name = f.name
    try:
        result = subprocess.run(
            [kubectl, "patch", "--local", "-f", name, "--type", patch_type,
             "-p", json.dumps(patch), "-o", "json"],
            capture_output=True, text=True, check=False)
    finally:
        os.unlink(name)
    if result.returncode == 0:
        return {"expected": json.loads(result.stdout)}
    message = (result.stderr.strip().splitlines() or ["(no message)"])[0]
    return {"error": message}


def record(kubectl, cases):
    lines = []
    for name, base, patch_type, patch in cases:
        outcome = run_kubectl(kubectl, OBJECTS[base], patch_type, patch)
        case = {"name": name, "type": patch_type, "object": OBJECTS[base], "patch": patch}
        case.update(outcome)
        lines.append(json.dumps(case, sort_keys=True, separators=(",", ":")))
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kubectl", default="kubectl")
    parser.add_argument("--out", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "patch_corpus"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for file_name, cases in (("handwritten.jsonl", HANDWRITTEN),
                             ("generated.jsonl", generated_cases())):
        with open(os.path.join(args.out, file_name), "w") as f:
            f.write(record(args.kubectl, cases))
        print("%s: %d cases" % (file_name, len(cases)), file=sys.stderr)


if __name__ == "__main__":
    main()
