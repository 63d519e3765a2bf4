// What a pod spec uses: one extractor per relationship, in a table.
#include "model/pod_spec_edges.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "model/edge_sink.h"

namespace kreplay {
namespace {

ObjectKey Local(const EdgeSink& sink, absl::string_view kind,
                const std::string& name) {
  return ObjectKey{std::string(kind), sink.from().ns, name};
}

// Init and ephemeral containers read env the same way as app containers.
template <typename Fn>
void ForEachContainer(const Json& spec, Fn fn) {
  for (absl::string_view list : {"initContainers", "containers",
                                 "ephemeralContainers"}) {
    ForEachObjectIn(spec, list, fn);
  }
}

void AddIfNamed(EdgeSink* sink, EdgeKind kind, absl::string_view target_kind,
                const std::string& name, std::string detail) {
  if (!name.empty()) sink->Add(kind, Local(*sink, target_kind, name), std::move(detail));
}

void VolumeEdges(const Json& spec, EdgeSink* sink) {
  ForEachObjectIn(spec, "volumes", [&](const Json& volume) {
    std::string detail = absl::StrCat("volume=", GetString(volume, "name"));
    AddIfNamed(sink, EdgeKind::kMounts, "ConfigMap",
               GetString(volume, "configMap.name"), detail);
    AddIfNamed(sink, EdgeKind::kMounts, "Secret",
               GetString(volume, "secret.secretName"), detail);
    AddIfNamed(sink, EdgeKind::kMounts, "PersistentVolumeClaim",
               GetString(volume, "persistentVolumeClaim.claimName"), detail);
    ForEachObjectIn(volume, "projected.sources", [&](const Json& source) {
      AddIfNamed(sink, EdgeKind::kMounts, "ConfigMap",
                 GetString(source, "configMap.name"), detail);
      AddIfNamed(sink, EdgeKind::kMounts, "Secret",
                 GetString(source, "secret.name"), detail);
    });
  });
}

void EnvFromEdges(const Json& spec, EdgeSink* sink) {
  ForEachContainer(spec, [&](const Json& container) {
    std::string detail = absl::StrCat("container=", GetString(container, "name"));
    ForEachObjectIn(container, "envFrom", [&](const Json& source) {
      AddIfNamed(sink, EdgeKind::kEnvFrom, "ConfigMap",
                 GetString(source, "configMapRef.name"), detail);
      AddIfNamed(sink, EdgeKind::kEnvFrom, "Secret",
                 GetString(source, "secretRef.name"), detail);
    });
  });
}

struct KeyRef {
  absl::string_view field;  // under env[].valueFrom
  absl::string_view kind;
};
constexpr KeyRef kKeyRefs[] = {{"configMapKeyRef", "ConfigMap"},
                               {"secretKeyRef", "Secret"}};

void EnvKeyEdges(const Json& spec, EdgeSink* sink) {
  ForEachContainer(spec, [&](const Json& container) {
    ForEachObjectIn(container, "env", [&](const Json& var) {
      const Json* value_from = Find(var, "valueFrom");
      if (value_from == nullptr) return;
      for (const KeyRef& ref : kKeyRefs) {
        const Json* key_ref = Find(*value_from, ref.field);
        if (key_ref == nullptr) continue;
        AddIfNamed(sink, EdgeKind::kEnvKey, ref.kind, GetString(*key_ref, "name"),
                   absl::StrCat("container=", GetString(container, "name"), " env=",
                                GetString(var, "name"), " key=", GetString(*key_ref, "key")));
      }
    });
  });
}

void PullSecretEdges(const Json& spec, EdgeSink* sink) {
  ForEachObjectIn(spec, "imagePullSecrets", [&](const Json& ref) {
    AddIfNamed(sink, EdgeKind::kPullSecret, "Secret", GetString(ref, "name"), "");
  });
}

// serviceAccount is the deprecated alias the API server still honours; with
// neither set, admission assigns "default".
void ServiceAccountEdges(const Json& spec, EdgeSink* sink) {
  std::string name = GetString(spec, "serviceAccountName",
                               GetString(spec, "serviceAccount"));
  std::string detail = name.empty() ? "defaulted" : "";
  if (name.empty()) name = "default";
  sink->Add(EdgeKind::kRunsAs, Local(*sink, "ServiceAccount", name), detail);
}

using PodSpecExtractor = void (*)(const Json& spec, EdgeSink* sink);

constexpr PodSpecExtractor kPodSpecExtractors[] = {
    VolumeEdges,          // mounts
    EnvFromEdges,         // env-from
    EnvKeyEdges,          // env-key
    PullSecretEdges,      // pull-secret
    ServiceAccountEdges,  // runs-as
};

}  // namespace

void ExtractPodSpecEdges(const Json& pod_spec, EdgeSink* sink) {
  if (!pod_spec.is_object()) return;
  for (PodSpecExtractor extract : kPodSpecExtractors) extract(pod_spec, sink);
}

}  // namespace kreplay
