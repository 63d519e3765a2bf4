// kubectl's command tree and flags (v1.32), as tables for ParseArgs.
//
// The flag table was taken from `kubectl <command> --help` of kubectl
// v1.32: every flag of every command kreplay interprets, with its
// shorthand, whether it takes a value, and the commands it exists on.
// Flags that kubectl declares with a default for a bare flag (`--dry-run`,
// `--cascade`, `--validate`) are optional-value flags.
#ifndef KREPLAY_REPLAY_KUBECTL_GRAMMAR_H_
#define KREPLAY_REPLAY_KUBECTL_GRAMMAR_H_

#include "replay/kubectl/arg_grammar.h"

namespace kreplay {

// The grammar of `kubectl` (and of `oc`, which shares it for these verbs).
const ArgGrammar& KubectlGrammar();

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_KUBECTL_GRAMMAR_H_
