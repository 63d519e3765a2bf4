// What a container's process does when it starts: a bounded model of the
// `sh -c` scripts busybox and nginx containers run, never executed.
//
// The process is the container's `command` followed by its `args` (args
// alone run as the command: the images modelled either have no entrypoint
// or one that execs its arguments). With neither, it is the image's own
// process: it runs and listens on the image's ports (the world's facts).
// `sh -c SCRIPT` (also `/bin/sh`, `ash`, `bash`) interprets SCRIPT with the
// subset of sim/sh_script.h, on the filesystem of sim/container_fs.h:
//
// - `mkdir [-p]`, `echo [-n] [-e]`, `printf` (%s %d %%), `rm [-rf]`,
//   `cp [-r]`, `sed -i` (a write of unknown content), `cat`, `touch`, `true`,
//   `false`, `:`, `exit [N]`; redirections `>`, `>>`, `2>&1`, `/dev/null`;
// - `sleep N`: shorter than kBlockingSleepSeconds it returns, else (and
//   `sleep infinity`) the process is running there; `while true`/`while :`
//   runs its body once and then is a running process;
// - servers: busybox `httpd [-f] [-p [ADDR:]N] [-h DIR]` (port 80 by default;
//   without -f it daemonizes and the script goes on), busybox `nc -l -p N`,
//   `nginx [-c FILE] [-g DIRECTIVES]` on an nginx image (FILE must exist;
//   it listens on the image's ports; in the foreground with `daemon off`),
//   and a program named like the image's repository (the image's process);
// - `exec CMD` replaces the shell: the process ends when CMD ends.
//
// The shell's messages are busybox ash's ("sh: can't create /tmp/x:
// Read-only file system"); stdout and stderr both go to the log, in order.
// A script that reaches its end exits (CrashLoopBackOff under restartPolicy
// Always, whatever the code). Anything outside the subset (a pipeline,
// `$VAR`, a program kreplay does not know, a bound exceeded) makes the
// behaviour unknown: callers fall back to the image's behaviour and report
// `unknown`.
#ifndef KREPLAY_SIM_CONTAINER_PROCESS_H_
#define KREPLAY_SIM_CONTAINER_PROCESS_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/json.h"
#include "sim/container_fs.h"
#include "sim/world.h"

namespace kreplay {

inline constexpr int64_t kBlockingSleepSeconds = 60;
inline constexpr size_t kMaxProcessCommands = 1000;  // commands run by one script
inline constexpr size_t kMaxLogLines = 100;
inline constexpr size_t kMaxLogLineBytes = 512;

enum class ProcessFate {
  kRuns,     // a long-running process (a server, a sleep, a loop)
  kExits,    // the process ended
  kUnknown,  // outside the model: the image's behaviour applies
};

struct ContainerProcess {
  ProcessFate fate = ProcessFate::kUnknown;
  int exit_code = 0;         // kExits
  std::string exit_reason;   // kExits: the last error line, or "completed"
  std::string unknown;       // kUnknown: what the model does not cover
  // The image's own program runs (no command, `nginx` on an nginx image,
  // the repository's program): the image's start conditions apply to it.
  bool image_program = false;
  std::vector<int64_t> ports;                // listening, sorted, unique
  std::map<std::string, std::string> files;  // written with known content
  std::vector<std::string> writes;           // every path written, in order
  std::vector<std::string> log;              // stdout and stderr lines, bounded
};

// The filesystem a container starts with: the pod's mounts of it (with their
// files) and whether the root is read-only.
struct ProcessMounts {
  std::vector<FsMount> mounts;
  bool read_only_root = false;
};

// Models `container`'s process (command, args, workingDir) on `image`.
ContainerProcess ModelProcess(const Json& container, const ImageBehavior& image,
                              const ProcessMounts& mounts);

}  // namespace kreplay

#endif  // KREPLAY_SIM_CONTAINER_PROCESS_H_
