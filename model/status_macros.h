// Propagation macros for absl::Status and absl::StatusOr.
//
// The abseil release in Debian bookworm (20220623) has no RETURN_IF_ERROR or
// ASSIGN_OR_RETURN, so kreplay defines its own, prefixed KREPLAY_.
//
//   KREPLAY_RETURN_IF_ERROR(store.Put(object));
//   KREPLAY_ASSIGN_OR_RETURN(std::vector<Json> docs, ParseManifests(text, "x.yaml"));
#ifndef KREPLAY_MODEL_STATUS_MACROS_H_
#define KREPLAY_MODEL_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define KREPLAY_RETURN_IF_ERROR(expr)                                    \
  do {                                                                   \
    if (absl::Status kreplay_status_ = (expr); !kreplay_status_.ok()) {  \
      return kreplay_status_;                                            \
    }                                                                    \
  } while (false)

#define KREPLAY_ASSIGN_OR_RETURN(lhs, rexpr) \
  KREPLAY_ASSIGN_OR_RETURN_IMPL_(KREPLAY_CONCAT_(kreplay_statusor_, __LINE__), lhs, rexpr)
#define KREPLAY_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                   \
  if (!statusor.ok()) return std::move(statusor).status();   \
  lhs = *std::move(statusor)
#define KREPLAY_CONCAT_INNER_(a, b) a##b
#define KREPLAY_CONCAT_(a, b) KREPLAY_CONCAT_INNER_(a, b)

#endif  // KREPLAY_MODEL_STATUS_MACROS_H_
