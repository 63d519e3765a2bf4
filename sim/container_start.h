// Whether a pod's containers would start now, and why not.
//
// This is the kubelet's start sequence reduced to facts: volumes are set up
// first (a missing ConfigMap or Secret volume leaves the pod in
// ContainerCreating), then each container's image is pulled (an image not in
// the world's catalog gives ImagePullBackOff), then its environment is built
// (a missing ConfigMap/Secret or key gives CreateContainerConfigError), then
// the process starts and the image's start conditions are checked against
// the mounted files and the environment (unmet: CrashLoopBackOff). The
// process itself is modelled from the container's command and args
// (sim/container_process.h): a script that exits gives CrashLoopBackOff, and
// the ports it listens on are those of its servers; the image's start
// conditions apply when the image's own program runs (no command, `exec
// nginx` on an nginx image) or when the command is outside the model. A
// running container is ready when its readiness probe targets a port the
// process listens on (or it has no probe); an exec probe runs in the model
// of sim/exec_probe.h on the container's files, its connections through
// sim/reachability.h (an outcome outside the model counts as passing).
//
// Config is read here, at start: callers evaluate a pod when it starts or
// restarts (upstream: env is resolved at container start; subPath mounts are
// never refreshed). For a running pod the kubelet passes the ConfigMap and
// Secret content it has projected into the pod's volumes so far
// (StartOptions::projected), so that probes read what the container sees.
#ifndef KREPLAY_SIM_CONTAINER_START_H_
#define KREPLAY_SIM_CONTAINER_START_H_

#include <map>
#include <string>
#include <vector>

#include "model/json.h"
#include "model/object_store.h"
#include "sim/config_data.h"
#include "sim/container_process.h"
#include "sim/world.h"

namespace kreplay {

enum class StartState {
  kRunning,
  kContainerCreating,
  kImagePullBackOff,
  kCreateContainerConfigError,
  kCrashLoopBackOff,
};

// The Kubernetes reason string of a state ("CrashLoopBackOff", ...).
const char* ReasonOf(StartState state);

struct ContainerStart {
  std::string name;
  std::string image;
  StartState state = StartState::kRunning;
  std::string message;  // why it is not running; "" when running
  bool ready = false;
  // What the process does (sim/container_process.h); set once the image is
  // pulled and the environment built, default (kUnknown, nothing) before.
  ContainerProcess process;
};

// How EvaluateStart reads volumes and runs probes.
struct StartOptions {
  // Volume name -> the ConfigMap or Secret data the kubelet projected into
  // the running pod's volume; volumes not listed (and nullptr) read the
  // store, as at a start.
  const std::map<std::string, ConfigData>* projected = nullptr;
  // Likewise, the data the volumes held when the containers started: what
  // a subPath mount keeps (it is never refreshed); nullptr: `projected`.
  const std::map<std::string, ConfigData>* started = nullptr;
  // Whether exec readiness probes run (they may connect to other pods);
  // false: they count as passing (ListeningPorts, which needs no readiness).
  bool run_exec_probes = true;
};

// Evaluates every container of `pod` (a Pod object, or any object with a pod
// `spec` such as a template wrapped as {metadata, spec}) in namespace `ns`.
std::vector<ContainerStart> EvaluateStart(const Json& pod, const std::string& ns,
                                          const ObjectStore& store,
                                          const World& world,
                                          const StartOptions& options = {});

// The ConfigMap and Secret data behind `pod`'s volumes in the store now
// (volume name -> data; a missing object is left out): what the kubelet
// projects at a start or a volume sync.
std::map<std::string, ConfigData> ProjectedVolumeData(const Json& pod, const std::string& ns,
                                                      const ObjectStore& store);

// The ports container `container` of `pod` listens on now: its process's
// servers (the image's ports when there is no command or the command is
// outside the model); none when the container is not running. The one
// answer to "who listens where" (readiness, Service reachability).
std::vector<int64_t> ListeningPorts(const Json& pod, const std::string& container,
                                    const std::string& ns, const ObjectStore& store,
                                    const World& world);

}  // namespace kreplay

#endif  // KREPLAY_SIM_CONTAINER_START_H_
