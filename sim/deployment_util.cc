#include "sim/deployment_util.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"
#include "sim/json_compare.h"
#include "sim/owner.h"

namespace kreplay {
namespace {

// An IntOrString: a number, or "N%" of `total`, rounded up or down.
int64_t Scaled(const Json* value, int64_t total, bool round_up) {
  if (value == nullptr) return 0;
  if (value->is_number_integer()) return value->get<int64_t>();
  if (!value->is_string()) return 0;
  absl::string_view text = value->get_ref<const std::string&>();
  int64_t n = 0;
  if (absl::ConsumeSuffix(&text, "%") && absl::SimpleAtoi(text, &n)) {
    return round_up ? (n * total + 99) / 100 : n * total / 100;
  }
  return absl::SimpleAtoi(text, &n) ? n : 0;
}

}  // namespace

int64_t RevisionOf(const Json& object) {
  int64_t revision = 0;
  return absl::SimpleAtoi(GetAnnotation(object, kRevisionAnnotation), &revision)
             ? revision
             : 0;
}

namespace {

// A template's metadata without the pod-template-hash label, dropping the
// labels and the metadata when that leaves them empty.
Json MetadataIgnoringHash(const Json& pod_template) {
  Json x = Json::object();
  if (auto it = pod_template.find("metadata"); it != pod_template.end()) x["metadata"] = *it;
  Erase(x, "metadata.labels.pod-template-hash");
  if (const Json* labels = Find(x, "metadata.labels"); labels && labels->empty()) {
    Erase(x, "metadata.labels");
  }
  if (const Json* meta = Find(x, "metadata"); meta && meta->empty()) x.erase("metadata");
  return x;
}

}  // namespace

// The templates are compared in place but for their (small) metadata: copying
// whole templates made this most of a deployment sync.
bool EqualIgnoreHash(const Json& a, const Json& b) {
  if (!a.is_object() || !b.is_object()) return a == b;
  return EqualExcept(a, b, {"metadata"}) &&
         MetadataIgnoringHash(a) == MetadataIgnoringHash(b);
}

std::vector<const Json*> ReplicaSetsOf(const ObjectStore& store, const Json& deployment) {
  std::vector<const Json*> out = OwnedBy(store, deployment, "ReplicaSet");
  std::stable_sort(out.begin(), out.end(), [](const Json* a, const Json* b) {
    return RevisionOf(*a) < RevisionOf(*b);
  });
  return out;
}

Fenceposts ResolveFenceposts(const Json& deployment) {
  int64_t replicas = GetInt(deployment, "spec.replicas", 1);
  const Json* rolling = Find(deployment, "spec.strategy.rollingUpdate");
  Fenceposts out;
  if (rolling == nullptr) return out;
  out.max_surge = Scaled(Find(*rolling, "maxSurge"), replicas, true);
  out.max_unavailable = Scaled(Find(*rolling, "maxUnavailable"), replicas, false);
  if (out.max_surge == 0 && out.max_unavailable == 0) out.max_unavailable = 1;
  return out;
}

}  // namespace kreplay
