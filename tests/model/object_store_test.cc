#include "model/object_store.h"

#include <doctest/doctest.h>

namespace kreplay {
namespace {

Json Obj(const char* kind, const char* ns, const char* name, const char* uid) {
  Json o = {{"kind", kind}, {"metadata", {{"name", name}, {"uid", uid}}}};
  if (*ns) o["metadata"]["namespace"] = ns;
  return o;
}

TEST_CASE("object store lists in key order and shares objects between copies") {
  ObjectStore store;
  store.Put(Obj("Pod", "bench", "web-2", "u2"));
  store.Put(Obj("Pod", "bench", "web-1", "u1"));
  store.Put(Obj("Pod", "other", "x", "u3"));
  store.Put(Obj("Namespace", "", "bench", "u4"));
  std::vector<const Json*> pods = store.List("Pod", "bench");
  REQUIRE(pods.size() == 2);
  CHECK(GetString(*pods[0], "metadata.name") == "web-1");
  CHECK(store.List("Pod").size() == 3);
  CHECK(store.List("Service").empty());
  REQUIRE(store.KeyOfUid("u3") != nullptr);
  CHECK(store.KeyOfUid("u3")->ns == "other");

  ObjectStore snapshot = store;
  CHECK(store.Remove(ObjectKey{"Pod", "bench", "web-1"}));
  CHECK_FALSE(store.Remove(ObjectKey{"Pod", "bench", "web-1"}));
  CHECK(store.KeyOfUid("u1") == nullptr);
  CHECK(snapshot.Get(ObjectKey{"Pod", "bench", "web-1"}) != nullptr);
  CHECK(snapshot.GetShared(ObjectKey{"Pod", "bench", "web-2"}) ==
        store.GetShared(ObjectKey{"Pod", "bench", "web-2"}));
}

}  // namespace
}  // namespace kreplay
