// Server-side apply and the ownership record of other writes.
//
// `kubectl apply --server-side` (and MCP servers that PATCH with
// `application/apply-patch+yaml`) send the whole intent; the API server
// merges it into the live object and keeps `metadata.managedFields`, one
// entry per field manager. An apply sets exactly the fields of the
// configuration and makes the manager own them; fields the same manager
// applied before and now omits are removed unless another manager owns
// them too; fields another manager owns with a different value are a
// conflict (HTTP 409) unless forced, which transfers ownership; the same
// value is shared ownership. Every other write (create, update, patch,
// scale) records an `Update` entry for the fields it changed and takes them
// from other managers. docs/patch.md lists what is simplified.
// Upstream: sigs.k8s.io/structured-merge-diff (merge/update.go) and
// k8s.io/apimachinery/pkg/util/managedfields.
#ifndef KREPLAY_MODEL_SERVER_SIDE_APPLY_H_
#define KREPLAY_MODEL_SERVER_SIDE_APPLY_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "model/json.h"

namespace kreplay {

struct SsaOptions {
  std::string manager;  // fieldManager; required
  bool force = false;
  std::string time;     // RFC 3339 logical time for managedFields entries
};

// The object a server-side apply of `manifest` leaves (live == nullptr:
// the apply creates it). `status` in the manifest is ignored, as for the
// main resource. A live object without managedFields is first given to an
// Update manager "before-first-apply" owning all its fields, as the API
// server does, so that the first apply conflicts where it disagrees.
// Errors: Aborted on conflicts, with the API server's message ("Apply
// failed with 1 conflict: conflict with \"kubectl\" using apps/v1:
// .spec.replicas"); InvalidArgument when the manager is empty, a list-map
// item lacks a key, or the configuration repeats an item.
absl::StatusOr<Json> ServerSideApply(const Json* live, const Json& manifest,
                                     const SsaOptions& options);

// Records in `after`'s metadata.managedFields (starting from `before`'s)
// an `Update` by `manager` of the fields that changed from `before` (null:
// a create) to `after`; those fields leave other managers. As on the API
// server, an update of an existing object that has no managedFields is not
// tracked, and a write that changes nothing changes no entry. Objects whose
// list items lack their keys are left with `before`'s entries.
void RecordUpdate(const Json* before, Json& after, absl::string_view manager,
                  absl::string_view time);

}  // namespace kreplay

#endif  // KREPLAY_MODEL_SERVER_SIDE_APPLY_H_
