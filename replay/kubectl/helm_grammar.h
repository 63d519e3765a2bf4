// helm's command tree and flags (helm v3), as tables for ParseArgs.
//
// Taken from helm's cmd/helm/*.go: the release commands kreplay interprets
// (install, upgrade, uninstall, rollback, list, status, get, history) with
// every flag they declare, and the local commands (repo, search, show,
// template, ...) with the flags whose arity matters for reading them.
#ifndef KREPLAY_REPLAY_KUBECTL_HELM_GRAMMAR_H_
#define KREPLAY_REPLAY_KUBECTL_HELM_GRAMMAR_H_

#include "replay/kubectl/arg_grammar.h"

namespace kreplay {

const ArgGrammar& HelmGrammar();

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_KUBECTL_HELM_GRAMMAR_H_
