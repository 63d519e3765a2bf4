// Exec probes: the outcome of a probe's `exec.command` in a running
// container, from a bounded model of the command, never executed.
//
// The command is either `sh -c SCRIPT` (also `/bin/sh`, `ash`, `bash`) or a
// program with its arguments. SCRIPT is parsed with the subset of
// sim/sh_script.h plus the two expansions probes use: `$?` (the status of the
// last command) and `$(cat FILE)` (FILE's content, trailing newlines
// removed; unquoted only when the content is one field). The programs:
//
// - `wget [-q] [-O FILE] [-T N] [-S] [--spider] http://HOST[:PORT][/PATH]`
//   (busybox): exit 0 when the connection succeeds (`connect`, typically
//   sim/reachability.h), else 1; the server is taken to answer 2xx;
// - `nc -z [-w N] HOST PORT`: likewise;
// - `test EXPR` and `[ EXPR ]` (busybox): `-n`, `-z`, `-e`, `-f`, `-d`,
//   `-s`, `=`, `==`, `!=`, `-eq`, `-ne`, `-lt`, `-le`, `-gt`, `-ge`, `!`;
//   a non-number for an integer test exits 2;
// - `cat FILE...`, `ls PATH...`: exit 0 when every path exists;
// - `true`, `:`, `false`, `exit [N]`, `echo`, `printf`, `sleep N`.
//
// Anything else (another program, another expansion, a loop, a file whose
// content kreplay does not know used as a value, `-a`/`-o` in test) makes the
// outcome unknown; callers decide what unknown means (sim/container_start.h:
// the probe is taken to pass, docs/semantics.md "Exec readiness probes").
// Probe timing (initialDelaySeconds, periodSeconds, failureThreshold,
// timeoutSeconds) is not modelled here: the outcome is that of the state.
#ifndef KREPLAY_SIM_EXEC_PROBE_H_
#define KREPLAY_SIM_EXEC_PROBE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/container_fs.h"

namespace kreplay {

// What a probe command sees: the container's filesystem and the network.
struct ProbeContext {
  const ContainerFs* fs = nullptr;  // nullptr: no file is known
  // Whether a TCP connection to HOST:PORT from the container succeeds.
  std::function<bool(const std::string& host, int64_t port)> connect;
};

enum class ProbeOutcome { kSuccess, kFailure, kUnknown };

struct ProbeResult {
  ProbeOutcome outcome = ProbeOutcome::kUnknown;
  int exit_code = 0;    // the command's status when known
  std::string unknown;  // kUnknown: what the model does not cover
};

// Runs the model of `command` (an exec probe's argv) in `context`.
ProbeResult RunExecProbe(const std::vector<std::string>& command,
                         const ProbeContext& context);

}  // namespace kreplay

#endif  // KREPLAY_SIM_EXEC_PROBE_H_
