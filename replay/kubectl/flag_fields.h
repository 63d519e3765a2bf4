// kubectl flags that have a field in Operation, as a table.
//
// Every flag given is also copied verbatim into Operation::flags; the rows
// here fill the typed fields (namespace, selectors, dry-run, cascade, grace
// period, ...) on the commands where the flag has that meaning.
#ifndef KREPLAY_REPLAY_KUBECTL_FLAG_FIELDS_H_
#define KREPLAY_REPLAY_KUBECTL_FLAG_FIELDS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "replay/exec/operation.h"
#include "replay/kubectl/call.h"

namespace kreplay {

// Copies the flags of `call` into `op`: Operation::flags, and the typed
// fields of the flags that have one.
// Errors: InvalidArgument for values kubectl rejects before contacting the
// server, naming the flag and what was expected: `--dry-run=maybe`,
// `--cascade=sideways`, `--grace-period=soon`, `--type=xml` on patch.
absl::Status ApplyFlagFields(const KubectlCall& call, Operation& op);

// kubectl's --dry-run words: "" / none / false, client / true / unchanged
// (the bare flag), server.
// Errors: InvalidArgument naming the word.
absl::StatusOr<DryRun> ParseDryRun(absl::string_view word);

// kubectl's --cascade words: background / true, foreground, orphan / false.
// Errors: InvalidArgument naming the word.
absl::StatusOr<Cascade> ParseCascade(absl::string_view word);

// An integer flag value. Errors: InvalidArgument naming `flag`.
absl::StatusOr<int64_t> ParseIntFlag(absl::string_view flag, absl::string_view word);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_KUBECTL_FLAG_FIELDS_H_
