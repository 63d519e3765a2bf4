// The simulated cluster: the object store behind an API-server stand-in.
//
// Every write goes through here and gets what the API server would give it:
// a uid, a resourceVersion from one global counter, generation bumps on spec
// changes, creation timestamps from the logical clock, defaults for the
// fields that matter to controllers, and the API server's refusals
// (AlreadyExists, NotFound, immutable fields, missing or terminating
// namespace). Every write is also journaled with the actor that made it, so
// a replay step can report what it changed directly and through controllers.
//
// The cluster is a value: copying it is cheap (objects are shared) and gives
// an independent state.
#ifndef KREPLAY_SIM_CLUSTER_H_
#define KREPLAY_SIM_CLUSTER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/btree_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "model/json.h"
#include "model/object_key.h"
#include "model/object_store.h"

namespace kreplay {

// One write, as the journal records it. `before` is null for a create,
// `after` null for a delete.
struct Change {
  ObjectKey key;
  ObjectPtr before;
  ObjectPtr after;
  std::string actor;  // "agent", "fault", or a controller name
};

enum class Propagation { kBackground, kForeground, kOrphan };

class Cluster {
 public:
  const ObjectStore& store() const { return store_; }
  const Json* Get(const ObjectKey& key) const { return store_.Get(key); }

  // Logical time (RFC 3339), stamped on created objects and deletions.
  void SetTime(const std::string& rfc3339) { now_ = rfc3339; }
  const std::string& now() const { return now_; }

  // The actor that subsequent writes are journaled under.
  void SetActor(const std::string& actor) { actor_ = actor; }
  const std::string& actor() const { return actor_; }

  // Creates `object`: assigns uid, resourceVersion, generation, creation
  // time and defaults; returns the stored object.
  // Errors: AlreadyExists, NotFound (namespace), FailedPrecondition
  // (namespace terminating), InvalidArgument (no name or kind).
  absl::StatusOr<Json> Create(Json object);

  // Replaces the stored object with `object` (a PUT of the whole object);
  // keeps uid and creation time, bumps generation when anything outside
  // metadata and status changed. Errors: NotFound, Invalid (immutable field).
  absl::StatusOr<Json> Update(Json object);

  // Replaces only `status` (controllers); a no-op when unchanged.
  absl::Status UpdateStatus(const ObjectKey& key, const Json& status);

  // Deletes with the given propagation, as the API server plus the garbage
  // collector would: background removes the object now and leaves its
  // dependents to the garbage collector; foreground and orphan set the
  // matching finalizer and a deletionTimestamp, and the collector finishes.
  // Errors: NotFound.
  absl::Status Delete(const ObjectKey& key, Propagation propagation);

  // Removes the object from the store at once (finalizers done).
  void Remove(const ObjectKey& key);

  // The changes journaled since the last call, in order; clears them.
  std::vector<Change> TakeJournal();

  // How many writes this cluster has journaled, ever: equal counts mean an
  // unchanged state (TakeJournal does not reset it).
  uint64_t writes() const { return writes_; }

  // The last resourceVersion handed out (the global counter; never
  // decreases).
  int64_t resource_version() const { return resource_version_; }

  // A fresh deterministic sequence number for names derived from `owner`.
  int64_t NextOrdinal(const std::string& owner);

 private:
  int64_t NextResourceVersion() { return ++resource_version_; }
  void Journal(const ObjectKey& key, ObjectPtr before, ObjectPtr after);
  absl::Status CheckNamespace(const ObjectKey& key) const;
  void Store(Json object, ObjectPtr before);

  ObjectStore store_;
  std::string now_ = "2026-01-01T00:00:00Z";
  std::string actor_ = "agent";
  int64_t resource_version_ = 1000;
  absl::btree_map<std::string, int64_t> ordinals_;     // per owner
  absl::btree_map<std::string, int64_t> incarnations_; // per kind/ns/name
  std::vector<Change> journal_;
  uint64_t writes_ = 0;
};

}  // namespace kreplay

#endif  // KREPLAY_SIM_CLUSTER_H_
