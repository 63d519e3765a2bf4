// kubectl command lines, as AI agents send them through shell tools
// (`run_command`, `execute_kubectl`, `Bash`), turned into Operations.
//
// Nothing is executed: the words are read the way kubectl v1.32 reads them
// (cobra command tree, pflag flags in any position, kubectl's resource
// argument forms), and each command becomes one Operation per kind it
// names, per manifest it applies, with the verb's payload (patch body,
// pairs, generated object) and flags. What cannot be interpreted offline
// (a local file's content, an unknown flag on a mutation, a kind the
// registry does not know) stays an Operation whose `problem` says why;
// docs/kubectl.md lists the verbs, flags and problems.
//
//   KREPLAY_ASSIGN_OR_RETURN(
//       std::vector<Operation> ops,
//       ParseKubectl({"kubectl", "scale", "deploy/api", "--replicas=0", "-n", "bench"}, ""));
#ifndef KREPLAY_REPLAY_KUBECTL_PARSER_H_
#define KREPLAY_REPLAY_KUBECTL_PARSER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "replay/exec/operation.h"
#include "replay/kubectl/call.h"

namespace kreplay {

// Whether `word` runs kubectl: `kubectl`, `k`, `oc`, `kubectl.exe`, or a
// path ending in one of them (`/usr/local/bin/kubectl`).
bool IsKubectlProgram(absl::string_view word);

// Interprets `argv` (argv[0] a kubectl program) with `stdin_text` as what
// kubectl reads for `-f -`. Returns at least one Operation; each has
// `source` set to argv joined as a shell would show it.
// Errors: InvalidArgument for what kubectl rejects as a usage error before
// contacting the server, the message naming the word and what was expected:
// no command (`kubectl` alone), an unknown command, a missing subcommand
// (`kubectl rollout`), a flag without its value, a malformed flag value,
// missing required arguments (`scale` without --replicas, `delete pods`
// without names, -l or --all).
absl::StatusOr<std::vector<Operation>> ParseKubectl(const std::vector<std::string>& argv,
                                                    const std::string& stdin_text);

// As above, for when stdin was not recorded (stdin.text is nullopt) or
// comes from somewhere worth naming in problems (a pipe).
absl::StatusOr<std::vector<Operation>> ParseKubectl(const std::vector<std::string>& argv,
                                                    const StdinSource& stdin);

// The verb of argv's command path (`kubectl delete pods` -> kDelete) even
// when the rest of argv is a usage error; kUnknown when the command path
// itself cannot be read. For reporting what a refused command attempted.
Verb KubectlVerbOf(const std::vector<std::string>& argv);

// Shell rendering of argv (words quoted when needed), for Operation::source.
std::string JoinArgv(const std::vector<std::string>& argv);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_KUBECTL_PARSER_H_
