// The API server's defaults for pod specs, as Kubernetes 1.32 applies them:
// SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe,
// SetDefaults_HTTPGetAction, the volume-source defaults and the declarative
// ones (container port protocol, gRPC probe service) wherever a pod spec
// appears (pkg/apis/core/v1/defaults.go and each group's generated
// zz_generated.defaults.go), plus SetDefaults_Pod for Pods themselves.
// Every write of a workload goes through these, so a template the server
// returned (fully defaulted) and the one a user wrote compare equal once
// stored, and the pod-template-hash is taken over the defaulted template.
#ifndef KREPLAY_SIM_POD_DEFAULTS_H_
#define KREPLAY_SIM_POD_DEFAULTS_H_

#include <string>

#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

// Defaults a pod template (`metadata` and `spec`) in place: the pod-spec,
// container, probe and volume defaults; an empty container `resources` is
// dropped (the zero struct, which the server prints as `{}`).
void DefaultPodTemplate(Json& pod_template);

// Defaults a Pod in place: DefaultPodTemplate plus what upstream applies to
// Pods only (SetDefaults_Pod): enableServiceLinks, requests taken from
// limits, hostPort = containerPort under hostNetwork.
void DefaultPod(Json& pod);

// The pull policy the server gives a container image without one: Always
// for the tag `latest` or no tag and no digest, else IfNotPresent
// (SetDefaults_Container with parsers.ParseImageName).
std::string DefaultPullPolicy(absl::string_view image);

}  // namespace kreplay

#endif  // KREPLAY_SIM_POD_DEFAULTS_H_
