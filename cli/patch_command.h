// `kreplay patch -f FILE [--type strategic|merge|json] (-p PATCH |
// --patch-file F) [-o json|yaml|name]`: `kubectl patch --local` offline.
// Patches every object of FILE (YAML or JSON, several documents allowed)
// and prints each result as kubectl does: `-o json` with Go's encoding
// (4-space indent, sorted keys, HTML-safe escapes), `-o yaml`, `-o name`,
// or `<resource>/<name> patched [(no change)]`. An object that cannot be
// patched is reported and the others still are. Exit codes: 0, 64 usage,
// 65 bad data (file:line:col when known), 66 missing file.
#ifndef KREPLAY_CLI_PATCH_COMMAND_H_
#define KREPLAY_CLI_PATCH_COMMAND_H_

#include "cli/command.h"

namespace kreplay {

CommandRun SetupPatchCommand(CLI::App& sub);

}  // namespace kreplay

#endif  // KREPLAY_CLI_PATCH_COMMAND_H_
