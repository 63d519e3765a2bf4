// helm command lines turned into Operations, as kubectl_parser does for
// kubectl.
//
// install / upgrade / uninstall / rollback become the helm verbs: the release
// name in `names`, and for install/upgrade one descriptor in `manifests`:
//   {"release": "web", "chart": "bitnami/nginx", "version": "15.1.0",
//    "repo": "https://...", "set": {"image.tag": "1.27"}, "values": [{...}]}
// (`set` holds --set/--set-string/--set-literal/--set-json items by key,
// `values` the documents of `-f -`). Values files and --set-file contents are
// not recorded: problem. list / status / get / history read the cluster
// (kGet on resource "release"); repo, search, show, template, lint, pull ...
// never reach it (kLocal); `helm test` runs the chart's test pods (kUnknown).
#ifndef KREPLAY_REPLAY_KUBECTL_HELM_PARSER_H_
#define KREPLAY_REPLAY_KUBECTL_HELM_PARSER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "replay/exec/operation.h"
#include "replay/kubectl/call.h"

namespace kreplay {

// Whether `word` runs helm: `helm`, `helm.exe` or a path ending in one.
bool IsHelmProgram(absl::string_view word);

// Interprets `argv` (argv[0] a helm program); `stdin` is what `-f -` reads.
// Returns at least one Operation, each with `source` set.
// Errors: InvalidArgument for helm's usage errors: no or unknown command,
// a missing subcommand (`helm repo`), a flag without its value, missing
// release or chart arguments, a non-numeric rollback revision.
absl::StatusOr<std::vector<Operation>> ParseHelm(const std::vector<std::string>& argv,
                                                 const StdinSource& stdin);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_KUBECTL_HELM_PARSER_H_
