#include "sim/container_start.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "sim/config_data.h"
#include "sim/exec_probe.h"
#include "sim/nginx_config.h"
#include "sim/reachability.h"

namespace kreplay {
namespace {

using Files = std::map<std::string, std::string>;  // path -> content
using Env = std::map<std::string, std::string>;

struct SourceRef {
  std::string kind;  // ConfigMap or Secret
  std::string name;
  bool optional = false;
};

std::string Lower(const std::string& kind) {
  return kind == "ConfigMap" ? "configmap" : "secret";
}

// The ConfigMap/Secret behind a volume, if it has one.
std::optional<SourceRef> VolumeSource(const Json& volume) {
  if (const Json* cm = Find(volume, "configMap")) {
    return SourceRef{"ConfigMap", GetString(*cm, "name"), GetBool(*cm, "optional")};
  }
  if (const Json* secret = Find(volume, "secret")) {
    return SourceRef{"Secret", GetString(*secret, "secretName"),
                     GetBool(*secret, "optional")};
  }
  return std::nullopt;
}

// Files a volume provides, relative to its mount point.
Files VolumeFiles(const Json& volume, const ConfigData& data) {
  Files out;
  const Json* source = Find(volume, "configMap");
  if (source == nullptr) source = Find(volume, "secret");
  const Json* items = source ? Find(*source, "items") : nullptr;
  if (items == nullptr || !items->is_array()) {
    for (const auto& [key, value] : data) out[key] = value;
    return out;
  }
  for (const Json& item : *items) {
    auto it = data.find(GetString(item, "key"));
    if (it != data.end()) out[GetString(item, "path", it->first)] = it->second;
  }
  return out;
}

// The data behind volume `name`: what the kubelet projected into the
// running pod, else the store's now.
std::optional<ConfigData> VolumeData(const std::string& name, const SourceRef& ref,
                                     const std::string& ns, const ObjectStore& store,
                                     const std::map<std::string, ConfigData>* projected) {
  if (projected != nullptr) {
    if (auto it = projected->find(name); it != projected->end()) return it->second;
  }
  return ReadConfigData(store, ref.kind, ns, ref.name);
}

struct Volumes {
  std::map<std::string, Files> files;  // volume name -> files
  std::map<std::string, Files> start_files;  // what subPath mounts keep
  std::map<std::string, bool> writable;  // volume name -> writable mount
  std::string failure;                   // "" when every volume is set up
};

Volumes SetUpVolumes(const Json& spec, const std::string& ns, const ObjectStore& store,
                     const StartOptions& options) {
  Volumes out;
  const Json* volumes = Find(spec, "volumes");
  if (volumes == nullptr || !volumes->is_array()) return out;
  for (const Json& volume : *volumes) {
    std::string name = GetString(volume, "name");
    out.writable[name] = volume.contains("emptyDir") || volume.contains("hostPath") ||
                         volume.contains("persistentVolumeClaim");
    std::optional<SourceRef> ref = VolumeSource(volume);
    if (!ref) continue;
    std::optional<ConfigData> data = VolumeData(name, *ref, ns, store, options.projected);
    std::optional<ConfigData> start_data =
        options.started ? VolumeData(name, *ref, ns, store, options.started) : data;
    if (!data && !ref->optional && out.failure.empty()) {
      out.failure = absl::StrCat("MountVolume.SetUp failed for volume \"", name,
                                 "\" : ", Lower(ref->kind), " \"", ref->name,
                                 "\" not found");
    }
    out.files[name] = VolumeFiles(volume, data.value_or(ConfigData{}));
    out.start_files[name] = VolumeFiles(volume, start_data.value_or(ConfigData{}));
  }
  return out;
}

// The files volume `name` held at the start (what a subPath mount keeps).
const Files& StartFiles(const Volumes& volumes, const std::string& name) {
  static const Files kNoFiles;
  auto it = volumes.start_files.find(name);
  return it == volumes.start_files.end() ? kNoFiles : it->second;
}

Files MountedFiles(const Json& container, const Volumes& volumes) {
  Files out;
  const Json* mounts = Find(container, "volumeMounts");
  if (mounts == nullptr || !mounts->is_array()) return out;
  for (const Json& mount : *mounts) {
    auto it = volumes.files.find(GetString(mount, "name"));
    if (it == volumes.files.end()) continue;
    std::string path = GetString(mount, "mountPath");
    std::string sub_path = GetString(mount, "subPath");
    if (!sub_path.empty()) {
      const Files& kept = StartFiles(volumes, it->first);
      auto file = kept.find(sub_path);
      if (file != kept.end()) out[path] = file->second;
      continue;
    }
    for (const auto& [name, content] : it->second) {
      out[absl::StrCat(path, "/", name)] = content;
    }
  }
  return out;
}

// Builds the environment; returns the CreateContainerConfigError message
// when a reference cannot be resolved.
std::string BuildEnv(const Json& container, const std::string& ns,
                     const ObjectStore& store, Env& env) {
  if (const Json* from = Find(container, "envFrom"); from && from->is_array()) {
    for (const Json& source : *from) {
      bool is_cm = source.contains("configMapRef");
      const Json& ref = is_cm ? source["configMapRef"] : source.value("secretRef", Json());
      SourceRef r{is_cm ? "ConfigMap" : "Secret", GetString(ref, "name"),
                  GetBool(ref, "optional")};
      std::optional<ConfigData> data = ReadConfigData(store, r.kind, ns, r.name);
      if (!data && !r.optional) return absl::StrCat(Lower(r.kind), " \"", r.name, "\" not found");
      for (const auto& [k, v] : data.value_or(ConfigData{})) {
        env[GetString(source, "prefix") + k] = v;
      }
    }
  }
  const Json* vars = Find(container, "env");
  if (vars == nullptr || !vars->is_array()) return "";
  for (const Json& var : *vars) {
    std::string name = GetString(var, "name");
    if (var.contains("value")) {
      env[name] = GetString(var, "value");
      continue;
    }
    for (const char* kind : {"ConfigMap", "Secret"}) {
      std::string path = absl::StrCat("valueFrom.", kind == std::string("ConfigMap")
                                                        ? "configMapKeyRef" : "secretKeyRef");
      const Json* ref = Find(var, path);
      if (ref == nullptr) continue;
      SourceRef r{kind, GetString(*ref, "name"), GetBool(*ref, "optional")};
      std::string key = GetString(*ref, "key");
      std::optional<ConfigData> data = ReadConfigData(store, kind, ns, r.name);
      if (!data && !r.optional) return absl::StrCat(Lower(kind), " \"", r.name, "\" not found");
      if (data && !data->contains(key)) {
        if (r.optional) continue;
        return absl::StrCat("couldn't find key ", key, " in ", kind, " ", ns, "/", r.name);
      }
      if (data) env[name] = data->at(key);
    }
  }
  return "";
}

bool UnderWritableMount(const Json& container, const Volumes& volumes,
                        const std::string& path) {
  const Json* mounts = Find(container, "volumeMounts");
  if (mounts == nullptr || !mounts->is_array()) return false;
  for (const Json& mount : *mounts) {
    std::string at = GetString(mount, "mountPath");
    bool covers = path == at || absl::StartsWith(path, at + "/");
    auto it = volumes.writable.find(GetString(mount, "name"));
    if (covers && it != volumes.writable.end() && it->second &&
        !GetBool(mount, "readOnly")) {
      return true;
    }
  }
  return false;
}

// The first unmet start condition of the image, or "".
std::string CheckConditions(const ImageBehavior& image, const Json& container,
                            const Files& files, const Env& env,
                            const Volumes& volumes) {
  for (const FileRequirement& req : image.files) {
    auto it = files.find(req.path);
    if (it == files.end()) continue;  // the image's own file is assumed good
    for (const std::string& text : req.contains) {
      if (!absl::StrContains(it->second, text)) {
        return absl::StrCat(req.path, " does not contain \"", text, "\"");
      }
    }
  }
  for (const EnvRequirement& req : image.env) {
    auto it = env.find(req.name);
    std::string value = it == env.end() ? "" : it->second;
    // RE2: linear in the value's length, whatever the pattern (sim/world.cc
    // refused patterns RE2 cannot compile).
    RE2 pattern(req.matches, RE2::Quiet);
    if (!pattern.ok() || !RE2::FullMatch(value, pattern)) {
      return absl::StrCat("env ", req.name, "=\"", value, "\" does not match ", req.matches);
    }
  }
  bool read_only = GetBool(container, "securityContext.readOnlyRootFilesystem");
  for (const std::string& path : image.writable) {
    if (read_only && !UnderWritableMount(container, volumes, path)) {
      return absl::StrCat(path, ": read-only file system");
    }
  }
  return "";
}

// Resolves a probe port (number or container port name) to a number.
int64_t ProbePort(const Json& port, const Json& container) {
  if (port.is_number_integer()) return port.get<int64_t>();
  if (!port.is_string()) return -1;
  if (const Json* ports = Find(container, "ports"); ports && ports->is_array()) {
    for (const Json& p : *ports) {
      if (GetString(p, "name") == port.get<std::string>()) return GetInt(p, "containerPort", -1);
    }
  }
  return -1;
}

// Where a container runs, for its exec probe.
struct ProbeSite {
  const Json& pod;
  const ObjectStore& store;
  const World& world;
  const ImageBehavior& image;
  const ProcessMounts& mounts;
  const ContainerProcess& process;
};

// The exec probe's outcome; unknown counts as passing (docs/semantics.md
// "Exec readiness probes").
bool ExecProbePasses(const Json& exec, const ProbeSite& site) {
  std::vector<std::string> command;
  for (const Json& word : exec.value("command", Json::array())) {
    if (!word.is_string()) return true;
    command.push_back(word.get<std::string>());
  }
  std::vector<std::string> image_files;
  for (const FileRequirement& f : site.image.files) image_files.push_back(f.path);
  ContainerFs fs(ImageRoot(site.image.image, image_files), site.mounts.mounts,
                 site.mounts.read_only_root);
  for (const auto& [path, content] : site.process.files) fs.WriteFile(path, content, false);
  ProbeContext context;
  context.fs = &fs;
  context.connect = [&site](const std::string& host, int64_t port) {
    return ReachFromPod(site.store, site.world, site.pod, host, port).reachable;
  };
  return RunExecProbe(command, context).outcome != ProbeOutcome::kFailure;
}

// `site` is nullptr when exec probes are not run.
bool Ready(const std::vector<int64_t>& ports, const Json& container, const ProbeSite* site) {
  const Json* probe = Find(container, "readinessProbe");
  if (probe == nullptr) return true;
  for (const char* handler : {"httpGet", "tcpSocket", "grpc"}) {
    const Json* h = Find(*probe, handler);
    if (h == nullptr) continue;
    int64_t port = ProbePort(h->value("port", Json()), container);
    return std::find(ports.begin(), ports.end(), port) != ports.end();
  }
  const Json* exec = Find(*probe, "exec");
  if (exec == nullptr || site == nullptr) return true;
  return ExecProbePasses(*exec, *site);
}

// The container's mounts as its process sees them: each volume's files
// (ConfigMap, Secret) and whether the mount is writable.
ProcessMounts MountsOf(const Json& container, const Volumes& volumes) {
  ProcessMounts out;
  out.read_only_root = GetBool(container, "securityContext.readOnlyRootFilesystem");
  const Json* mounts = Find(container, "volumeMounts");
  if (mounts == nullptr || !mounts->is_array()) return out;
  for (const Json& mount : *mounts) {
    std::string name = GetString(mount, "name");
    auto writable = volumes.writable.find(name);
    if (writable == volumes.writable.end()) continue;  // no such volume
    FsMount m;
    m.path = GetString(mount, "mountPath");
    m.writable = writable->second && !GetBool(mount, "readOnly");
    std::string sub_path = GetString(mount, "subPath");
    auto files = volumes.files.find(name);
    if (files != volumes.files.end()) {
      if (!sub_path.empty()) {
        const Files& kept = StartFiles(volumes, name);
        auto file = kept.find(sub_path);
        if (file == kept.end()) continue;
        m.file = true;
        m.files[m.path] = file->second;
      } else {
        for (const auto& [key, content] : files->second) {
          m.files[absl::StrCat(m.path, "/", key)] = content;
        }
      }
    }
    out.mounts.push_back(std::move(m));
  }
  return out;
}

// nginx reads its mounted configuration (sim/nginx_config.h): returns its
// [emerg] line when it refuses to start, else sets the ports it listens on
// (the image's when no listen directive is mounted).
std::string ApplyNginxConfig(const Files& files, ContainerProcess& process) {
  NginxConfig config = ReadNginxConfig(files);
  if (!config.error.empty()) {
    if (process.log.size() < kMaxLogLines) process.log.push_back(config.error);
    return config.error;
  }
  if (!config.ports.empty()) process.ports = config.ports;
  return "";
}

ContainerStart StartContainer(const Json& pod, const Json& container, const std::string& ns,
                              const ObjectStore& store, const World& world,
                              const Volumes& volumes, const StartOptions& options) {
  ContainerStart out{GetString(container, "name"), GetString(container, "image"),
                     StartState::kRunning, "", false};
  if (!volumes.failure.empty()) {
    out.state = StartState::kContainerCreating;
    out.message = volumes.failure;
    return out;
  }
  const ImageBehavior* image = world.Find(out.image);
  if (image == nullptr) {
    out.state = StartState::kImagePullBackOff;
    out.message = absl::StrCat("Back-off pulling image \"", out.image, "\"");
    return out;
  }
  Env env;
  if (std::string error = BuildEnv(container, ns, store, env); !error.empty()) {
    out.state = StartState::kCreateContainerConfigError;
    out.message = error;
    return out;
  }
  ProcessMounts mounts = MountsOf(container, volumes);
  out.process = ModelProcess(container, *image, mounts);
  std::string unmet;
  if (out.process.image_program) {
    Files files = MountedFiles(container, volumes);
    unmet = CheckConditions(*image, container, files, env, volumes);
    if (unmet.empty() && IsNginxImage(out.image)) unmet = ApplyNginxConfig(files, out.process);
  }
  if (unmet.empty() && out.process.fate == ProcessFate::kExits) {
    unmet = absl::StrCat("exited with code ", out.process.exit_code, ": ",
                         out.process.exit_reason);
  }
  if (!unmet.empty()) {
    out.state = StartState::kCrashLoopBackOff;
    out.message = absl::StrCat("back-off restarting failed container ", out.name,
                               ": ", unmet);
    return out;
  }
  ProbeSite site{pod, store, world, *image, mounts, out.process};
  out.ready = Ready(out.process.ports, container, options.run_exec_probes ? &site : nullptr);
  return out;
}

}  // namespace

const char* ReasonOf(StartState state) {
  switch (state) {
    case StartState::kRunning: return "Running";
    case StartState::kContainerCreating: return "ContainerCreating";
    case StartState::kImagePullBackOff: return "ImagePullBackOff";
    case StartState::kCreateContainerConfigError: return "CreateContainerConfigError";
    case StartState::kCrashLoopBackOff: return "CrashLoopBackOff";
  }
  return "Unknown";
}

std::vector<ContainerStart> EvaluateStart(const Json& pod, const std::string& ns,
                                          const ObjectStore& store,
                                          const World& world,
                                          const StartOptions& options) {
  std::vector<ContainerStart> out;
  const Json* spec = Find(pod, "spec");
  if (spec == nullptr) return out;
  Volumes volumes = SetUpVolumes(*spec, ns, store, options);
  const Json* containers = Find(*spec, "containers");
  if (containers == nullptr || !containers->is_array()) return out;
  for (const Json& container : *containers) {
    out.push_back(StartContainer(pod, container, ns, store, world, volumes, options));
  }
  return out;
}

std::vector<int64_t> ListeningPorts(const Json& pod, const std::string& container,
                                    const std::string& ns, const ObjectStore& store,
                                    const World& world) {
  StartOptions options;
  options.run_exec_probes = false;  // listening needs no readiness (and no recursion)
  for (const ContainerStart& c : EvaluateStart(pod, ns, store, world, options)) {
    if (c.name == container && c.state == StartState::kRunning) return c.process.ports;
  }
  return {};
}

std::map<std::string, ConfigData> ProjectedVolumeData(const Json& pod, const std::string& ns,
                                                      const ObjectStore& store) {
  std::map<std::string, ConfigData> out;
  const Json* volumes = Find(pod, "spec.volumes");
  if (volumes == nullptr || !volumes->is_array()) return out;
  for (const Json& volume : *volumes) {
    std::optional<SourceRef> ref = VolumeSource(volume);
    if (!ref) continue;
    std::optional<ConfigData> data = ReadConfigData(store, ref->kind, ns, ref->name);
    if (data) out[GetString(volume, "name")] = *std::move(data);
  }
  return out;
}

}  // namespace kreplay
