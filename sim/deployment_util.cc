#include "sim/deployment_util.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"
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

bool EqualIgnoreHash(const Json& a, const Json& b) {
  Json x = a;
  Json y = b;
  Erase(x, "metadata.labels.pod-template-hash");
  Erase(y, "metadata.labels.pod-template-hash");
  for (Json* t : {&x, &y}) {
    if (const Json* labels = Find(*t, "metadata.labels"); labels && labels->empty()) {
      Erase(*t, "metadata.labels");
    }
    if (const Json* meta = Find(*t, "metadata"); meta && meta->empty()) t->erase("metadata");
  }
  return x == y;
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
