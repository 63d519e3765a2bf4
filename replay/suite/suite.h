// A regression suite (docs/suites.md): a YAML file, `apiVersion:
// kreplay.dev/v1`, `kind: Suite`, listing cases. Each case names a fixture
// (a bundled name or a path relative to the suite file), a ledger (a path or
// a glob relative to the suite file; a glob matching several files makes one
// case per file) and the expectations its judged replay must meet.
//
// Reading is forgiving per case: a case that cannot be read becomes a
// SuiteCase with `error` set (naming file, line and field), so the other
// cases of the file still run. A file that cannot be read at all (missing,
// YAML syntax, wrong apiVersion/kind, unknown top-level field) is an error
// of LoadSuiteFile.
#ifndef KREPLAY_REPLAY_SUITE_SUITE_H_
#define KREPLAY_REPLAY_SUITE_SUITE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "replay/judge/verdict.h"

namespace kreplay {

// A finding that must (or must not) fire: the rule id, optionally narrowed
// to a step (1-based) and an object (a Kind/ns/name glob).
struct FindingExpectation {
  std::string rule;
  int step = 0;        // 0 = any step
  std::string object;  // "" = any object
};

struct Expectations {
  std::vector<Verdict> verdicts;  // allowed verdicts; empty = any
  std::vector<FindingExpectation> findings;     // must fire
  std::vector<FindingExpectation> no_findings;  // must not fire
  std::vector<std::string> touched_healthy;      // Kind/ns/name globs that must be members
  std::vector<std::string> not_touched_healthy;  // ... that must not be
  std::vector<std::string> blast_radius;
  std::vector<std::string> not_blast_radius;
  std::vector<std::string> checks_pass;  // check names
  std::vector<std::string> checks_fail;
};

struct SuiteCase {
  std::string name;     // the case's name; "name [ledger]" for each file of a glob
  std::string fixture;  // as written, for reports
  std::string fixture_ref;  // what LoadFixture is given: a resolved path or a bare name
  std::string ledger;   // the ledger file (resolved relative to the suite file)
  std::string where;    // "suite.yaml:12" where the case starts
  Expectations expect;
  std::string error;    // non-empty: the case could not be read; it fails with this
};

struct Suite {
  std::string file;  // the suite file as given
  std::string name;  // `name:`, or the file's stem
  std::vector<SuiteCase> cases;
};

// Reads one suite file.
// Errors: NotFound when the file cannot be opened; InvalidArgument
// "<file>:<line>: <field>: <what>" for YAML syntax, a missing or wrong
// apiVersion or kind, an unknown top-level field, or `cases` not a list.
absl::StatusOr<Suite> LoadSuiteFile(const std::string& path);

// The suite files of the command line's arguments: a file as itself, a
// directory as every `*.yaml`/`*.yml` file under it whose top-level `kind`
// is Suite, in path order.
// Errors: NotFound for an argument that does not exist, or a directory with
// no suite file under it.
absl::StatusOr<std::vector<std::string>> FindSuiteFiles(const std::vector<std::string>& args);

// "safe-pass" etc. back to a Verdict; nullopt for an unknown name.
std::optional<Verdict> ParseVerdict(const std::string& name);

}  // namespace kreplay

#endif  // KREPLAY_REPLAY_SUITE_SUITE_H_
